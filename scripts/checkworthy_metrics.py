"""Scores of the check-worthiness training run: precision/recall/F1, thresholds, balanced F1."""

from __future__ import annotations

import numpy as np


def prf(pred, y, w_neg=1.0):
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0))) * w_neg
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(s, y, w_neg=1.0, both=False):
    """F1-best threshold on scores ``s`` (midpoint between two distinct scores).

    ``both``: maximise the mean of the F1 at the data's own class balance and
    the F1 on a class-balanced resample (negatives weighted P/N), a threshold
    that holds up whether check-worthy sentences are a quarter or a half.
    """
    order = np.argsort(-s, kind="stable")
    ss, yy = s[order], y[order]
    tp = np.cumsum(yy)
    fp = np.cumsum(1 - yy)
    if both:
        w_bal = yy.sum() / (len(yy) - yy.sum())
        f1 = (2 * tp / (tp + fp + yy.sum()) + 2 * tp / (tp + fp * w_bal + yy.sum())) / 2
    else:
        f1 = 2 * tp / (tp + fp * w_neg + yy.sum())
    f1 = np.where(np.r_[ss[1:] != ss[:-1], True], f1, -1.0)
    i = int(np.argmax(f1))
    return float((ss[i] + ss[i + 1]) / 2 if i + 1 < len(ss) else ss[i] - 1e-9)


def balanced_resample_f1(s, y, thr, seed, draws=200):
    """F1 at ``thr`` on ``draws`` class-balanced resamples (all positives, as many negatives): mean, sd."""
    rng = np.random.default_rng(seed)
    pos = np.flatnonzero(y == 1)
    neg = np.flatnonzero(y == 0)
    out = []
    for _ in range(draws):
        idx = np.r_[pos, rng.choice(neg, size=len(pos), replace=False)]
        out.append(prf(s[idx] > thr, y[idx])[2])
    return float(np.mean(out)), float(np.std(out))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
