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


@dataclass(frozen=True)
class Model:
    words: WordVectors
    reranker: dict  # feature name -> coefficient, plus "bias"
    meta: dict


def load(directory: Path = HERE) -> Model:
    """Read ``model.json`` and ``vectors.npy`` from ``directory``."""
    spec = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    raw = np.load(directory / "vectors.npy")
    scales = np.asarray(spec["scales"], dtype=np.float32) * np.asarray(spec["weights"], dtype=np.float32)
    vectors = raw.astype(np.float32) * scales[:, None]
    index = {w: i for i, w in enumerate(spec["vocabulary"])}
    return Model(WordVectors(index, vectors, raw.shape[1]), spec["reranker"], spec.get("meta", {}))


@cache
def default_model() -> Model:
    """The shipped model, read once per process."""
    return load()
