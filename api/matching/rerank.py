"""The second stage: each candidate's features, and the logistic model that turns them into a score.

The score is the model's probability that the candidate verifies the query, so a threshold on it
means the same for every query. Features are computed over one query's candidates at once:
"""

from __future__ import annotations

import numpy as np

FEATURES = (
    "bm25",  # BM25F score over the query's best possible score, in [0, 1]
    "bm25_top",  # BM25F score over the best candidate's
    "bm25_rank",  # 1 / (1 + rank by BM25F)
    "cos",  # cosine of the word-vector embeddings of query and candidate
    "cos_gap",  # cosine minus the best candidate's cosine (<= 0)
    "cos_rank",  # 1 / (1 + rank by cosine)
    "both",  # bm25 * cos: agreement of the two views
)


def _reciprocal_rank(values: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[np.argsort(-values, kind="stable")] = np.arange(len(values))
    return 1.0 / (1.0 + ranks)


def features(bm25: np.ndarray, cos: np.ndarray) -> np.ndarray:
    """The candidates' feature matrix, one row per candidate, columns in FEATURES order."""
    top = float(bm25.max()) if len(bm25) else 0.0
    columns = [
        bm25,
        bm25 / top if top > 0 else np.zeros_like(bm25),
        _reciprocal_rank(bm25),
        cos,
        cos - (float(cos.max()) if len(cos) else 0.0),
        _reciprocal_rank(cos),
        bm25 * cos,
    ]
    return np.column_stack(columns) if len(bm25) else np.zeros((0, len(FEATURES)))


def probabilities(matrix: np.ndarray, coefficients: dict) -> np.ndarray:
    """The logistic model's probability for each row of ``matrix``."""
    weights = np.array([coefficients.get(name, 0.0) for name in FEATURES], dtype=np.float64)
    logits = matrix @ weights + coefficients.get("bias", 0.0)
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
