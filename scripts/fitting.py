"""The fitting routines of the training scripts, in pure Python: AdaGrad on sparse named
weights for a logistic regression (``fit_logistic``), a softmax over candidates
(``fit_softmax``, a conditional logit with one right candidate; ``fit_conditional_logit``, with
any number, and a prior) and Platt scaling of a confidence (``fit_platt``).
"""

from __future__ import annotations

import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction import ranking  # noqa: E402


def adagrad_step(w: dict, g2: dict, grads, rate: float, l2: float) -> None:
    """AdaGrad on sparse weights ``w`` (``g2``: summed squared gradients), pair by pair of ``grads``."""
    for f, g in grads:
        g += l2 * w.get(f, 0.0)
        g2[f] = g2.get(f, 1e-8) + g * g
        w[f] = w.get(f, 0.0) - rate * g / math.sqrt(g2[f])


def fit_logistic(data, epochs=30, rate=0.3, l2=1e-3, seed=1):
    w, g2, b, gb, data, rng = {}, {}, 0.0, 1e-8, list(data), random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y, *_ in data:
            p = ranking.logistic(b + sum(w.get(f, 0.0) for f in feats))
            g = p - float(y)
            gb += g * g
            b -= rate * g / math.sqrt(gb)
            adagrad_step(w, g2, ((f, g) for f in feats), rate, l2)
    return b, w


def _gradient(w: dict, cands: list, right, exact: bool) -> dict:
    """The gradient of a conditional logit's loss on one item, by feature. ``exact``: ``right`` is
    one index and counts 1 whatever its probability (a softmax), else the right ones share it."""
    scores = [sum(w.get(f, 0.0) for f in fs) for fs in cands]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    z, zr = sum(exps), (1.0 if exact else sum(exps[j] for j in right))
    grad = {}
    for j, fs in enumerate(cands):
        g = exps[j] / z - ((j == right) if exact else (exps[j] / zr if j in right else 0.0))
        for f in fs:
            grad[f] = grad.get(f, 0.0) + g
    return grad


def fit_softmax(data, epochs=10, rate=0.3, l2=0.01, seed=1):
    """``data``: (candidates' features, index of the right one); those with none right are skipped."""
    w, g2 = {}, {}
    data = [x for x in data if x[1] is not None]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for cands, gold in data:
            adagrad_step(w, g2, _gradient(w, cands, gold, True).items(), rate, l2)
    return w


def fit_conditional_logit(data, l2=0.01, epochs=10, rate=0.3, seed=1, prior=None):
    """``data``: (candidates' features, indexes of the right ones); maximises the probability of the
    right ones. L2 pulls toward ``prior`` (named starting weights), or toward 0 without one."""
    prior = prior or {}
    w, g2 = dict(prior), {}
    data = [x for x in data if x[1] and len(x[0]) > 1]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for cands, right in data:
            grad = _gradient(w, cands, right, False)
            # adagrad_step pulls toward 0: the prior's share goes back into the gradient
            adagrad_step(w, g2, ((f, g - l2 * prior.get(f, 0.0)) for f, g in grad.items()), rate, l2)
    return w


def fit_platt(pairs, epochs=200, rate=0.05):
    """(a, b) of logistic(a * logit(p) + b), fitted by gradient descent on the log loss."""
    xs = [math.log(max(p, 1e-4) / max(1 - p, 1e-4)) for p, _ in pairs]
    a, b = 1.0, 0.0
    for _ in range(epochs):
        ga = gb = 0.0
        for x, (_, y) in zip(xs, pairs, strict=True):
            g = ranking.logistic(a * x + b) - float(y)
            ga, gb = ga + g * x, gb + g
        a, b = a - rate * ga / len(xs), b - rate * gb / len(xs)
    return round(a, 4), round(b, 4)
