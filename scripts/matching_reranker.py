"""The reranker of scripts/train_matching.py: fitted on out-of-fold candidate rows, chosen by train CV.

A row is one (tweet, candidate) with the features of api/matching/rerank.py and label 1 for a gold
claim. ``fit`` gives the coefficients the service reads (``rerank.probabilities``); the kinds:

- ``pointwise``: a logistic regression over all rows;
- ``listwise``: a linear score whose softmax over each tweet's candidates gives its gold claims the
  most probability (L2 1e-3), then calibrated by a logistic regression on that one score (Platt;
  the ranking is the listwise score's).

``features`` restricts a fit to some columns (the others get coefficient 0), so feature sets are
compared on the same rows.
"""

from __future__ import annotations

import numpy as np

from api.matching.rerank import FEATURES

BASE = FEATURES[:5]  # BM25F and the text cosine, their squares and product
LINEAR = tuple(f for f in FEATURES if f not in ("bm25_sq", "cos_sq", "both"))  # no squares, no product


def metrics(ranked: dict, gold: list) -> dict:
    """MAP@1, MAP@5 and MRR as ../shared/eval/score_matches.py computes them."""

    def ap(r, rel, k):
        hits, total = 0, 0.0
        for i, d in enumerate(r[:k], 1):
            if d in rel:
                hits += 1
                total += hits / i
        return total / min(len(rel), k)

    out = {}
    for k in (1, 5):
        out[f"map@{k}"] = round(float(np.mean([ap(ranked[g["id"]], set(g["relevant"]), k) for g in gold])), 4)
    rr = [next((1 / i for i, d in enumerate(ranked[g["id"]], 1) if d in g["relevant"]), 0.0) for g in gold]
    out["mrr"] = round(float(np.mean(rr)), 4)
    return out


def fit(rows, kind="listwise", features=FEATURES, c=1.0, l2=1e-3) -> dict:
    """Coefficients (feature name -> weight, plus "bias") fitted on ``rows``:
    a list of (candidate ids, feature matrix, labels), one per tweet."""
    from scipy.optimize import minimize
    from sklearn.linear_model import LogisticRegression

    cols = [FEATURES.index(f) for f in features]
    X = np.concatenate([m[:, cols] for _, m, _ in rows if len(m)])
    y = np.concatenate([lab for _, m, lab in rows if len(m)])
    if kind == "pointwise":
        lr = LogisticRegression(C=c, max_iter=5000).fit(X, y)
        weights, bias = lr.coef_[0], float(lr.intercept_[0])
    else:
        groups = [(m[:, cols], lab > 0) for _, m, lab in rows if len(m) and lab.any()]

        def loss(w):
            value, grad = l2 * w @ w, 2 * l2 * w
            for m, gold in groups:
                z = m @ w
                p = np.exp(z - z.max())
                p /= p.sum()
                q = p * gold / (p * gold).sum()
                value -= np.log((p * gold).sum())
                grad -= (q - p) @ m
            return value / len(groups), grad / len(groups)

        w = minimize(loss, np.ones(X.shape[1]), jac=True, method="L-BFGS-B").x
        platt = LogisticRegression(C=c, max_iter=5000).fit((X @ w)[:, None], y)
        weights, bias = w * platt.coef_[0][0], float(platt.intercept_[0])
    return {"bias": round(bias, 4)} | {
        name: round(float(v), 4) for name, v in zip(features, weights, strict=True)
    }


def score(matrix: np.ndarray, coefficients: dict) -> np.ndarray:
    weights = np.array([coefficients.get(name, 0.0) for name in FEATURES])
    return matrix @ weights + coefficients.get("bias", 0.0)


def ranked(rows, tweets, coefficients, k=100) -> dict:
    """Each tweet's candidate ids by the reranker's score, best first (ties: the earlier slot)."""
    out = {}
    for t, (ids, matrix, _) in zip(tweets, rows, strict=True):
        order = np.argsort(-score(matrix, coefficients), kind="stable")[:k] if len(ids) else []
        out[t["id"]] = [ids[i] for i in order]
    return out


def cross_validate(oof_rows, folds, train, kind, features) -> dict:
    """Each fold ranked by a reranker fitted on the other folds' rows."""
    out = {}
    for fold, rows in enumerate(oof_rows):
        others = [r for f, part in enumerate(oof_rows) if f != fold for r in part]
        out |= ranked(rows, folds[fold], fit(others, kind, features))
    return metrics(out, train)
