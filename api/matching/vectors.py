"""The learned word vectors: a text's vector is the weighted sum of its words' vectors, normalised.

``vectors.npy`` holds one int8 row per word (scaled by ``scales`` in ``model.json``), ``model.json``
the vocabulary, each word's weight, the reranker's coefficients and the figures of the run that
built them (``scripts/train_matching.py``; how, in ``MODEL.md``). Words outside the vocabulary
add nothing: BM25 still sees them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .text import words

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class WordVectors:
    index: dict[str, int]
    vectors: np.ndarray  # float32, one row per word, already multiplied by the word's weight
    dims: int
    unit: np.ndarray  # float32, the same rows normalised (word-to-word cosines: signals.py)
    weight: np.ndarray  # float32, each word's learned weight

    def encode(self, text: str) -> np.ndarray | None:
        """The unit vector of ``text``, or None when none of its words is known."""
        return self.encode_words(words(text))

    def encode_words(self, folded_words: list[str]) -> np.ndarray | None:
        """The unit vector of a text's ``words()``."""
        rows = [i for w in folded_words if (i := self.index.get(w)) is not None]
        if not rows:
            return None
        total = self.vectors[rows].sum(axis=0)
        norm = float(np.linalg.norm(total))
        return total / norm if norm > 0 else None


def word_vectors(index: dict[str, int], raw: np.ndarray, weight: np.ndarray) -> WordVectors:
    """WordVectors from unweighted float ``raw`` rows and the words' ``weight``."""
    raw = raw.astype(np.float32)
    weight = weight.astype(np.float32)
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    unit = raw / np.where(norms > 0, norms, 1.0)
    return WordVectors(index, raw * weight[:, None], raw.shape[1], unit, weight)


@dataclass(frozen=True)
class Model:
    words: WordVectors
    reranker: dict  # feature name -> coefficient, plus "bias"
    meta: dict


def load(directory: Path = HERE) -> Model:
    """Read ``model.json`` and ``vectors.npy`` from ``directory``."""
    spec = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    raw = np.load(directory / "vectors.npy")
    vectors = raw.astype(np.float32) * np.asarray(spec["scales"], dtype=np.float32)[:, None]
    index = {w: i for i, w in enumerate(spec["vocabulary"])}
    words = word_vectors(index, vectors, np.asarray(spec["weights"], dtype=np.float32))
    return Model(words, spec["reranker"], spec.get("meta", {}))


@cache
def default_model() -> Model:
    """The shipped model, read once per process."""
    return load()
