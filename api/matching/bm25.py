"""An inverted index scored by BM25F over two fields, the claim and its title, kept current.

Postings are appended, never rewritten: replacing a key gives it a new slot and marks the old
one dead, so ``add`` touches only the postings of the new text's terms. A term's postings are
turned into numpy arrays when a search first needs them after a change, and a term found in
more than ``POSTINGS_CAP`` live entries contributes only its ``POSTINGS_CAP`` best (by BM25
impact, ordered when its arrays are built) to candidate generation: the work of one search is
bounded by the query's length, not by the number of entries. ``exact`` then scores the few
candidates in full.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .text import terms

K1 = 0.9
B = 0.4
TITLE_WEIGHT = 1.0  # a title word counts this much of a claim word (BM25F)
POSTINGS_CAP = 1500


@dataclass
class _Postings:
    slots: list[int]
    tfs: list[float]
    arrays: tuple[np.ndarray, np.ndarray] | None = None  # live (slots, tfs), cached until a change
    head: tuple[np.ndarray, np.ndarray] | None = None  # the POSTINGS_CAP best of them by impact


class BM25Index:
    """Candidate generation: ``top(terms, n)`` -> (slots, scores) of the best ``n`` live entries."""

    def __init__(self) -> None:
        self._postings: dict[str, _Postings] = {}
        self._lengths = np.zeros(1024, dtype=np.float32)
        self._alive = np.zeros(1024, dtype=bool)
        self._doc_terms: list[Counter | None] = []
        self._term_ids: dict[str, int] = {}  # term -> id, for the per-entry arrays below
        self._doc_ids: list[np.ndarray | None] = []  # per slot, its distinct terms' ids
        self._df = np.zeros(1024, dtype=np.int64)  # live entries per term id
        self._total_length = 0.0
        self.live = 0

    @property
    def slots(self) -> int:
        return len(self._doc_terms)

    def add(self, text: str, title: str) -> int:
        """Index a new entry and return its slot."""
        weighted = Counter(terms(text))
        for term, n in Counter(terms(title)).items():
            weighted[term] += TITLE_WEIGHT * n
        slot = len(self._doc_terms)
        if slot == len(self._lengths):
            self._lengths = np.concatenate([self._lengths, np.zeros_like(self._lengths)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        length = float(sum(weighted.values()))
        self._lengths[slot] = length
        self._alive[slot] = True
        self._doc_terms.append(weighted)
        ids = np.fromiter((self._term_ids.setdefault(t, len(self._term_ids)) for t in weighted), np.int64)
        if len(self._term_ids) > len(self._df):
            self._df = np.concatenate([self._df, np.zeros(max(len(self._df), len(self._term_ids)), np.int64)])
        self._df[ids] += 1
        self._doc_ids.append(ids)
        self._total_length += length
        self.live += 1
        for term, tf in weighted.items():
            postings = self._postings.get(term)
            if postings is None:
                postings = self._postings[term] = _Postings([], [])
            postings.slots.append(slot)
            postings.tfs.append(tf)
            postings.arrays = None
        return slot

    def remove(self, slot: int) -> None:
        """Mark ``slot`` dead; its postings are skipped from now on."""
        weighted = self._doc_terms[slot]
        if weighted is None:
            return
        self._alive[slot] = False
        self._doc_terms[slot] = None
        self._df[self._doc_ids[slot]] -= 1
        self._doc_ids[slot] = None
        self._total_length -= float(self._lengths[slot])
        self.live -= 1
        for term in weighted:  # document frequency is counted on live postings
            self._postings[term].arrays = None

    def _average(self) -> float:
        return self._total_length / self.live if self.live else 1.0

    def _arrays(self, term: str) -> _Postings | None:
        postings = self._postings.get(term)
        if postings is None:
            return None
        if postings.arrays is None:
            slots = np.fromiter(postings.slots, dtype=np.int64, count=len(postings.slots))
            tfs = np.fromiter(postings.tfs, dtype=np.float32, count=len(postings.tfs))
            keep = self._alive[slots]
            postings.arrays = (slots[keep], tfs[keep])
            postings.head = postings.arrays
            if len(postings.arrays[0]) > POSTINGS_CAP:  # impact ordered with today's average length
                slots, tfs = postings.arrays
                impact = tfs / (tfs + K1 * (1 - B + B * self._lengths[slots] / self._average()))
                best = np.argpartition(-impact, POSTINGS_CAP)[:POSTINGS_CAP]
                postings.head = (slots[best], tfs[best])
            if len(postings.slots) > 2 * len(postings.arrays[0]) + 64:  # mostly dead: compact
                postings.slots = postings.arrays[0].tolist()
                postings.tfs = postings.arrays[1].tolist()
        return postings

    def idf(self, df: int) -> float:
        return math.log(1.0 + (self.live - df + 0.5) / (df + 0.5))

    def coverage(self, query_terms: list[str], slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per live slot, the share of the query's idf mass among its terms, and the share of its
        own idf mass among the query's terms (exact terms, each counted once)."""
        cover_q, cover_d = np.zeros(len(slots)), np.zeros(len(slots))
        if not self.live or not len(slots):
            return cover_q, cover_d
        asked = np.array(
            sorted({i for t in query_terms if (i := self._term_ids.get(t)) is not None}), np.int64
        )
        df = self._df[: len(self._term_ids)].astype(np.float64)
        idf = np.log(1.0 + (self.live - df + 0.5) / (df + 0.5))
        asked = asked[df[asked] > 0] if len(asked) else asked
        if not len(asked):
            return cover_q, cover_d
        parts = [self._doc_ids[s] for s in slots.tolist()]
        sizes = np.array([len(p) for p in parts])
        have = np.flatnonzero(sizes)
        flat = np.concatenate([parts[i] for i in have])
        starts = np.concatenate([[0], np.cumsum(sizes[have])[:-1]])
        weights = idf[flat]
        shared = np.add.reduceat(weights * np.isin(flat, asked), starts)
        cover_q[have] = shared / idf[asked].sum()
        cover_d[have] = shared / np.maximum(np.add.reduceat(weights, starts), 1e-9)
        return cover_q, cover_d

    def exact(self, query_terms: list[str], slots: np.ndarray) -> np.ndarray:
        """The full BM25F scores of ``slots`` (sorted, live) for the query, uncapped."""
        scores = np.zeros(len(slots), dtype=np.float64)
        norm = K1 * (1 - B + B * self._lengths[slots] / self._average())
        for term, count in Counter(query_terms).items():
            postings = self._arrays(term)
            if postings is None or not len(postings.arrays[0]):
                continue
            have, tfs = postings.arrays  # slots ascending: appended in order, filtered in order
            at = np.minimum(np.searchsorted(have, slots), len(have) - 1)
            tf = np.where(have[at] == slots, tfs[at], 0.0)
            scores += self.idf(len(have)) * count * tf * (K1 + 1) / (tf + norm)
        return scores

    def top(self, query_terms: list[str], n: int) -> tuple[np.ndarray, np.ndarray, float]:
        """The best ``n`` slots for the query, their BM25F scores, and the query's best possible score."""
        average = self._average()
        found_slots, found_scores, best = [], [], 0.0
        for term, count in Counter(query_terms).items():
            postings = self._arrays(term)
            if postings is None or not len(postings.arrays[0]):
                continue
            weight = self.idf(len(postings.arrays[0])) * count
            best += weight * (K1 + 1)
            slots, tfs = postings.head
            impact = tfs * (K1 + 1) / (tfs + K1 * (1 - B + B * self._lengths[slots] / average))
            found_slots.append(slots)
            found_scores.append(impact * weight)
        if not found_slots:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), 0.0
        unique, inverse = np.unique(np.concatenate(found_slots), return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate(found_scores))
        if len(unique) > n:
            keep = np.argpartition(-scores, n)[:n]
            unique, scores = unique[keep], scores[keep]
        order = np.argsort(-scores, kind="stable")
        return unique[order], scores[order], best
