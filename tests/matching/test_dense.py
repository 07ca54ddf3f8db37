"""The inverted file of vectors: nearest by cosine, kept current, scanning only a few lists."""

from __future__ import annotations

import numpy as np

from api.matching.dense import PROBES, DenseIndex


def unit_vectors(n, dims=16, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dims)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_a_small_index_is_scanned():
    index = DenseIndex(16)
    vectors = unit_vectors(10)
    for slot, v in enumerate(vectors):
        index.put(slot, v)
    slots, cosines = index.top(vectors[3], 3)
    assert slots[np.argmax(cosines)] == 3 and len(slots) == 3


def test_each_vector_finds_itself_and_a_search_scans_a_fraction():
    index = DenseIndex(16)
    vectors = unit_vectors(5000)
    for slot, v in enumerate(vectors):
        index.put(slot, v)
    lists = len(index._centres)
    assert 30 <= lists <= 80  # about sqrt(n), drawn when the index had grown fourfold
    for slot in (0, 1234, 4999):
        slots, cosines = index.top(vectors[slot], 5)
        assert slots[np.argmax(cosines)] == slot
    scanned = sum(len(index._members(h)[0]) for h in range(PROBES))
    assert scanned < len(vectors) / 2


def test_removed_and_empty_slots_are_never_found():
    index = DenseIndex(16)
    vectors = unit_vectors(300)
    for slot, v in enumerate(vectors):
        index.put(slot, v)
    index.put(300, None)
    index.remove(7)
    index.remove(7)
    slots, _ = index.top(vectors[7], 300)
    assert 7 not in slots.tolist() and 300 not in slots.tolist()
    assert index.live == 299
