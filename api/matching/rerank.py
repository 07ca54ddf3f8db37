"""The second stage: each candidate's features, and the logistic model that turns them into a score.

The score is the model's probability that the candidate verifies the query, so a threshold on it
means the same for every query.
"""

from __future__ import annotations

import numpy as np

from .signals import NAMES

FEATURES = (
    "bm25",  # BM25F score over the query's best possible score, in [0, 1]
    "cos",  # cosine of the word-vector embeddings of query and candidate
    "bm25_sq",  # squares and product: a smooth, still absolute, shape for each
    "cos_sq",
    "both",
    *NAMES,  # signals.py: word alignment, term coverage, numbers, years
)
# No feature relative to the other candidates (rank, gap to the best): with them the best of
# unrelated candidates would score high, and an alert threshold would mean nothing.


def features(bm25: np.ndarray, cos: np.ndarray, signals: np.ndarray) -> np.ndarray:
    """The candidates' feature matrix, one row per candidate, columns in FEATURES order;
    ``signals`` has one row per candidate, columns in ``signals.NAMES`` order."""
    cos = np.maximum(cos, 0.0)
    base = np.column_stack([bm25, cos, bm25 * bm25, cos * cos, bm25 * cos]).reshape(len(bm25), 5)
    return np.hstack([base, signals.reshape(len(bm25), len(NAMES))])


def probabilities(matrix: np.ndarray, coefficients: dict) -> np.ndarray:
    """The logistic model's probability for each row of ``matrix``."""
    weights = np.array([coefficients.get(name, 0.0) for name in FEATURES], dtype=np.float64)
    logits = matrix @ weights + coefficients.get("bias", 0.0)
    return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
