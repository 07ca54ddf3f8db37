"""Has this been fact-checked already? A pure engine: fact-checks in, ranked matches out.

    >>> index = Index()
    >>> index.add(1, "Coverage in this state is at 90 percent.", title="Health insurance")
    >>> index.add(2, "The moon landing was staged.")
    >>> found = index.search("We have 90 percent health insurance coverage")
    >>> [key for key, score in found if score > 0.5]
    [1]
    >>> len(index)
    2

No Flask, no database: the service keeps one ``Index`` current as fact-checks arrive and the
``match`` command builds one from a JSONL file. Keys are the caller's integers (fact-check ids).
A score is the reranker's probability that the fact-check verifies the text, in [0, 1], the
same scale for every query (fit for an alert threshold). Candidates come from an inverted
index (BM25F, ``bm25.py``) and an inverted file of word vectors (``dense.py``); ``rerank.py``
scores them with the model read by ``vectors.py`` (``MODEL.md``).
"""

from __future__ import annotations

import threading

import numpy as np

from . import rerank, signals
from .bm25 import BM25Index
from .dense import DenseIndex
from .text import terms_of, words
from .vectors import Model, default_model

__all__ = ["Index", "Model"]

CANDIDATES = 100  # the best entries by BM25F (inverted index) are reranked
NEIGHBOURS = 20  # and so are the closest by word vectors (inverted file of vectors)


class Index:
    """An in-memory matching index of fact-checks by integer key; safe to share between threads
    (searches build and compact postings arrays lazily, so every call takes one lock)."""

    def __init__(self, model: Model | None = None) -> None:
        self._lock = threading.Lock()
        self._model = model or default_model()
        self._bm25 = BM25Index()
        self._dense = DenseIndex(self._model.words.dims)
        self._slot_of: dict[int, int] = {}
        self._key_of: dict[int, int] = {}
        self._profiles: dict[int, signals.Profile] = {}

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, key: int) -> bool:
        return key in self._slot_of

    def add(self, key: int, text: str, title: str = "") -> None:
        """Index a fact-check's claim ``text`` and ``title``; the same key again replaces it."""
        title = title or ""
        folded = words(f"{title} {text}")
        vector = self._model.words.encode_words(folded)
        profile = signals.profile(folded, self._model.words.index)
        with self._lock:
            self._remove(key)
            slot = self._bm25.add(text, title)
            self._dense.put(slot, vector)
            self._profiles[slot] = profile
            self._slot_of[key] = slot
            self._key_of[slot] = key

    def remove(self, key: int) -> None:
        """Forget ``key``; nothing happens if it is not indexed."""
        with self._lock:
            self._remove(key)

    def _remove(self, key: int) -> None:
        slot = self._slot_of.pop(key, None)
        if slot is not None:
            self._bm25.remove(slot)
            self._dense.remove(slot)
            del self._key_of[slot]
            del self._profiles[slot]

    def candidates(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The slots worth reranking for ``text`` and their feature matrix (``rerank.FEATURES``)."""
        folded = words(text)
        query_terms = terms_of(folded)
        model = self._model.words
        query = model.encode_words(folded)
        profile = signals.profile(folded, model.index)
        with self._lock:
            found, _, best = self._bm25.top(query_terms, CANDIDATES)
            if query is not None:
                found = np.union1d(found, self._dense.top(query, NEIGHBOURS)[0])
            if not len(found):
                return found, rerank.features(np.zeros(0), np.zeros(0), np.zeros((0, len(signals.NAMES))))
            bm25 = self._bm25.exact(query_terms, found) / best if best else np.zeros(len(found))
            cos = (
                np.einsum("ij,j->i", self._dense.vectors[found], query)
                if query is not None
                else np.zeros(len(found))
            )
            slots = found.tolist()
            docs = [self._profiles[s] for s in slots]
            coverage = self._bm25.coverage(query_terms, found)
        extra = signals.signals(profile, docs, coverage, model.unit, model.weight)
        return found, rerank.features(bm25, cos.astype(np.float64), extra)

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best fact-checks for ``text``: (key, score in [0, 1]), best first."""
        if k <= 0:
            return []
        slots, matrix = self.candidates(text)
        if not len(slots):
            return []
        probabilities = rerank.probabilities(matrix, self._model.reranker)
        order = np.argsort(-probabilities, kind="stable")[:k]  # ties: the earlier added first
        with self._lock:  # a key removed meanwhile is left out
            found = [(self._key_of.get(int(slots[i])), float(probabilities[i])) for i in order]
        return [(key, score) for key, score in found if key is not None]
