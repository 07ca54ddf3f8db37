"""Nearest neighbours by cosine without scanning everything: an inverted file of vectors (IVF).

Entries are grouped in lists around about sqrt(n) centres drawn from the entries themselves; a
search compares the query with the centres (sqrt(n) products) and scans the closest lists, at
most ``PROBES`` of them, stopping once ``BUDGET`` vectors have been compared: past about 20,000
entries fewer lists are scanned as they grow, so the cost stays nearly flat and recall of the
true nearest neighbours falls slowly instead. The centres are drawn again (and every entry
reassigned) each time the index has grown fourfold since they were drawn: a cost paid at
log(n) moments, not per search.
"""

from __future__ import annotations

import math

import numpy as np

PROBES = 12  # lists scanned at most, nearest first,
BUDGET = 2000  # until this many vectors have been compared
MIN_LISTS = 8


class DenseIndex:
    """Unit vectors by slot; ``top(query, n)`` -> (slots, cosines) of about the ``n`` closest."""

    def __init__(self, dims: int) -> None:
        self.vectors = np.zeros((1024, dims), dtype=np.float32)
        self._alive = np.zeros(1024, dtype=bool)
        self._centres = np.zeros((0, dims), dtype=np.float32)
        self._lists: list[list[int]] = []
        self._arrays: list[tuple[np.ndarray, np.ndarray] | None] = []  # (slots, their vectors)
        self._drawn_at = 0  # live entries when the centres were drawn
        self.live = 0
        self._rng = np.random.default_rng(0)

    def put(self, slot: int, vector: np.ndarray | None) -> None:
        """Store the vector of a new ``slot`` (a zero vector, never found, when None)."""
        while slot >= len(self.vectors):
            self.vectors = np.concatenate([self.vectors, np.zeros_like(self.vectors)])
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        if vector is None:
            return
        self.vectors[slot] = vector
        self._alive[slot] = True
        self.live += 1
        if self.live >= 4 * max(self._drawn_at, MIN_LISTS * MIN_LISTS // 4):
            self._draw_centres()
        elif len(self._centres):
            self._assign(np.array([slot]))

    def remove(self, slot: int) -> None:
        if slot < len(self._alive) and self._alive[slot]:
            self._alive[slot] = False
            self.live -= 1

    def _draw_centres(self) -> None:
        alive = np.flatnonzero(self._alive)
        count = max(MIN_LISTS, int(math.sqrt(len(alive))))
        self._centres = self.vectors[self._rng.choice(alive, size=min(count, len(alive)), replace=False)]
        self._lists = [[] for _ in range(len(self._centres))]
        self._arrays = [None] * len(self._centres)
        for start in range(0, len(alive), 4096):  # bounded memory: 4096 x lists similarities at a time
            self._assign(alive[start : start + 4096])
        self._drawn_at = len(alive)

    def _assign(self, slots: np.ndarray) -> None:
        nearest = np.argmax(self.vectors[slots] @ self._centres.T, axis=1)
        for slot, home in zip(slots.tolist(), nearest.tolist(), strict=True):
            self._lists[home].append(slot)
            self._arrays[home] = None

    def _members(self, home: int) -> tuple[np.ndarray, np.ndarray]:
        """A list's live slots and a contiguous copy of their vectors (no gather per search)."""
        if self._arrays[home] is None:
            slots = np.array(self._lists[home], dtype=np.int64)
            slots = slots[self._alive[slots]]
            self._lists[home] = slots.tolist()
            self._arrays[home] = (slots, self.vectors[slots])
        return self._arrays[home]

    def top(self, query: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self._centres):
            closeness = np.einsum("ij,j->i", self._centres, query)
            probes = (
                np.argpartition(-closeness, PROBES)[:PROBES]
                if len(closeness) > PROBES
                else np.arange(len(closeness))
            )
            members, scanned = [], 0
            for home in probes[np.argsort(-closeness[probes])].tolist():
                members.append(self._members(home))
                scanned += len(members[-1][0])
                if scanned >= BUDGET:
                    break
            slots = np.concatenate([m[0] for m in members])
            # einsum, not BLAS: no thread pool to wait for on a busy machine
            cosines = np.concatenate([np.einsum("ij,j->i", m[1], query) for m in members])
            alive = self._alive[slots]  # removed since the list was cached
            slots, cosines = slots[alive], cosines[alive]
        else:  # too few entries to group: scan them
            slots = np.flatnonzero(self._alive)
            cosines = np.einsum("ij,j->i", self.vectors[slots], query)
        if len(slots) > n:
            keep = np.argpartition(-cosines, n)[:n]
            slots, cosines = slots[keep], cosines[keep]
        return slots, cosines
