"""The check-worthiness scorer: a sparse linear model over ``features.features``.

The weights live in ``weights.json`` beside this module (rebuilt by
``scripts/train_checkworthy.py``; see ``MODEL.md`` for how and what it scored).
They are read once, on first use. A sentence's score is

    score = sigmoid(bias + scale * sum(weight[f] for f in features(sentence)))

with ``scale = 1 / sqrt(number of features present)`` (each sentence's binary
feature vector is L2-normalised), so every present feature contributes
``scale * weight[f]`` to the log-odds: those contributions are what
``Checkworthiness.features`` reports, largest in magnitude first. A sentence
with no token at all ("", "...", "--") scores 0.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from .features import BOS, EOS
from .features import features as _features

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
TOP_FEATURES = 5  # contributions reported per sentence


_NO_TOKENS = BOS + " " + EOS  # the only bigram of an empty token list


@dataclass(frozen=True, slots=True)
class Checkworthiness:
    """How check-worthy one sentence is, and why.

    ``score`` is in [0, 1] (a probability-like value: above the threshold the
    sentence is a claim); ``features`` holds the largest contributions to its
    log-odds as ``(name, signed weight)`` pairs, largest in magnitude first:
    ``(("NUM percent", 0.61), ("[has number]", 0.44), ("i think", -0.30))``.
    """

    score: float
    features: tuple[tuple[str, float], ...] = ()


_NOTHING = Checkworthiness(0.0, ())
_ZEROS = repeat(0.0)  # the default of every weight look-up


class Model:
    """Loaded weights: ``weights`` maps a feature name to its weight."""

    __slots__ = ("bias", "weights", "threshold", "meta")

    def __init__(self, data: dict):
        self.bias = float(data["bias"])
        self.weights = {str(k): float(v) for k, v in data["weights"].items() if float(v)}
        self.threshold = float(data["threshold"])
        self.meta = {k: v for k, v in data.items() if k not in ("weights",)}

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_PATH) -> Model:
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    def score(self, sentence: str, top: int = TOP_FEATURES) -> Checkworthiness:
        if not isinstance(sentence, str):
            sentence = "" if sentence is None else str(sentence)
        feats = _features(sentence)
        if _NO_TOKENS in feats:
            return _NOTHING  # no word, number, '?' or '!': nothing to check
        # one C-level pass of dictionary look-ups (0.0 for unknown features);
        # `feats` is iterated twice below, in the same order both times
        weights = list(map(self.weights.get, feats, _ZEROS))
        scale = 1.0 / math.sqrt(len(feats))
        # fsum is exact, so the result does not depend on the set's order
        z = self.bias + scale * math.fsum(weights)
        # logistic, computed without overflow for large |z|
        if z >= 0:
            p = 1.0 / (1.0 + math.exp(-z))
        else:
            e = math.exp(z)
            p = e / (1.0 + e)
        # largest |weight| first, ties by name: deterministic. Only the few at
        # or above the top-th largest non-zero magnitude are sorted as tuples.
        mags = list(map(abs, weights))
        cut = sorted(mags)[-top] if 0 < top <= len(mags) else (0.0 if top > 0 else math.inf)
        if cut <= 0.0:
            cut = 1e-12
        ranked = [t for t in zip(mags, feats, weights, strict=True) if t[0] >= cut]
        ranked.sort(reverse=True)
        top_hits = [(f, round(w * scale, 4)) for _, f, w in ranked[:top]]
        return Checkworthiness(p, tuple(top_hits))


_model: Model | None = None
_lock = threading.Lock()


def get_model() -> Model:
    """The packaged model, loaded on first use (thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = Model.load()
    return _model
