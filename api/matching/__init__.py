"""Has this been fact-checked already? A pure engine: fact-checks in, ranked matches out.

    >>> index = Index()
    >>> index.add(1, "Coverage in this state is at 90 percent.", title="Health insurance")
    >>> index.add(2, "The moon landing was staged.")
    >>> [key for key, score in index.search("We have 90 percent health insurance coverage")]
    [1]
    >>> len(index)
    2

No Flask, no database: the service keeps one ``Index`` current as fact-checks arrive and the
``match`` command builds one from a JSONL file. Keys are the caller's integers (fact-check ids).
Scores are in [0, 1], higher is closer; only entries sharing an index term with the query are
returned.
"""

from __future__ import annotations

from .bm25 import BM25Index
from .text import terms

__all__ = ["Index"]

CANDIDATES = 100  # entries scored in full after candidate generation


class Index:
    """An in-memory matching index of fact-checks by integer key."""

    def __init__(self) -> None:
        self._bm25 = BM25Index()
        self._slot_of: dict[int, int] = {}
        self._key_of: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, key: int) -> bool:
        return key in self._slot_of

    def add(self, key: int, text: str, title: str = "") -> None:
        """Index a fact-check's claim ``text`` and ``title``; the same key again replaces it."""
        self.remove(key)
        slot = self._bm25.add(text, title or "")
        self._slot_of[key] = slot
        self._key_of[slot] = key

    def remove(self, key: int) -> None:
        """Forget ``key``; nothing happens if it is not indexed."""
        slot = self._slot_of.pop(key, None)
        if slot is not None:
            self._bm25.remove(slot)
            del self._key_of[slot]

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best fact-checks for ``text``: (key, score in [0, 1]), best first."""
        if k <= 0:
            return []
        slots, scores, best = self._bm25.top(terms(text), max(k, CANDIDATES))
        if not best:
            return []
        pairs = zip(slots[:k].tolist(), scores[:k].tolist(), strict=True)
        return [(self._key_of[slot], min(1.0, score / best)) for slot, score in pairs]
