"""The check-worthiness scorer: a sparse linear model over ``features.features``.

The weights live in ``weights.json`` beside this module (rebuilt by
``scripts/train_checkworthy.py``; see ``MODEL.md`` for how and what it scored).
They are read once, on first use. A sentence's score is

    score = sigmoid(bias + scale * sum(weight[f] for f in features(sentence)))

with ``scale = 1 / sqrt(number of features present)`` (each sentence's binary
feature vector is L2-normalised), so every present feature contributes
``scale * weight[f]`` to the log-odds: those contributions are what
``Checkworthiness.features`` reports, largest in magnitude first.
"""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from pathlib import Path

from .features import features as _features

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
TOP_FEATURES = 5  # contributions reported per sentence


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


class Model:
    """Loaded weights: ``weights`` maps a feature name to its weight."""

    __slots__ = ("bias", "weights", "threshold", "meta")

    def __init__(self, data: dict):
        self.bias = float(data["bias"])
        self.weights = {str(k): float(v) for k, v in data["weights"].items()}
        self.threshold = float(data["threshold"])
        self.meta = {k: v for k, v in data.items() if k not in ("weights",)}

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_PATH) -> "Model":
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    def score(self, sentence: str, top: int = TOP_FEATURES) -> Checkworthiness:
        if not isinstance(sentence, str):
            sentence = "" if sentence is None else str(sentence)
        feats = _features(sentence)
        get = self.weights.get
        hits = [(f, w) for f in feats if (w := get(f))]
        scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
        z = self.bias + scale * math.fsum(w for _, w in hits)
        # logistic, computed without overflow for large |z|
        if z >= 0:
            p = 1.0 / (1.0 + math.exp(-z))
        else:
            e = math.exp(z)
            p = e / (1.0 + e)
        if len(hits) > top:
            hits.sort(key=lambda fw: (-abs(fw[1]), fw[0]))
            hits = hits[:top]
        else:
            hits.sort(key=lambda fw: (-abs(fw[1]), fw[0]))
        return Checkworthiness(p, tuple((f, round(w * scale, 4)) for f, w in hits))


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
