"""Second-stage signals that a sum of word vectors cannot carry, computed for the candidates only.

A text's ``Profile`` (made once, when a fact-check is added or a query arrives) keeps the rows of
its known words in the word-vector vocabulary, its numbers and its years. ``signals`` then gives,
for a query and its few candidates:

- soft term alignment (a ColBERT-lite over the static word vectors): for each query word its best
  cosine to any word of the candidate, averaged with the words' learned weights (``align_q``), and
  the same from the candidate's side (``align_d``: a candidate with much the query does not say,
  a specific sibling of a general claim, scores lower);
- exact term coverage by idf, both ways (``cover_q``, ``cover_d``);
- numbers: shared ones, and a candidate whose numbers the query never mentions;
- years: a year of the candidate found in the query (a tweet's signature gives its date), or
  years on both sides that differ (the same rumour, fact-checked again another year).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .text import STOPWORDS

NAMES = (
    "align_q",
    "align_d",
    "cover_q",
    "cover_d",
    "num_shared",
    "num_unmatched",
    "year_match",
    "year_clash",
)
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Profile:
    rows: np.ndarray  # distinct vocabulary rows of the text's non-stopword words, int32
    numbers: frozenset[str]  # numbers that are not years
    years: frozenset[str]


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


def profile(folded_words: Iterable[str], index: dict[str, int]) -> Profile:
    """The profile of a text's ``words()`` given the vocabulary ``index``: 'In 2019, 40 vets' ->
    rows of 'vets', numbers {'40'}, years {'2019'}."""
    rows, numbers, years = set(), set(), set()
    for w in folded_words:
        if w[0].isdigit():
            (years if is_year(w) else numbers).add(w)
        if w not in STOPWORDS and (i := index.get(w)) is not None:
            rows.add(i)
    return Profile(
        np.fromiter(sorted(rows), dtype=np.int32, count=len(rows)),
        frozenset(numbers) if numbers else _NONE,
        frozenset(years) if years else _NONE,
    )


def _alignment(query: Profile, docs: list[Profile], unit: np.ndarray, weight: np.ndarray):
    """(align_q, align_d) per candidate: weighted means of best word-to-word cosines."""
    n = len(docs)
    align_q, align_d = np.zeros(n), np.zeros(n)
    sizes = np.array([len(d.rows) for d in docs])
    if not len(query.rows) or not sizes.sum():
        return align_q, align_d
    have = np.flatnonzero(sizes)
    flat = np.concatenate([docs[i].rows for i in have])
    starts = np.concatenate([[0], np.cumsum(sizes[have])[:-1]])
    distinct, inverse = np.unique(flat, return_inverse=True)
    # query words x all candidates' words; einsum, not BLAS: no thread pool to wait for when busy
    sims = np.einsum("ik,jk->ij", unit[query.rows], unit[distinct])[:, inverse]
    wq, wd = weight[query.rows].astype(np.float64), weight[flat].astype(np.float64)
    best_per_query_word = np.maximum.reduceat(sims, starts, axis=1)  # query words x candidates
    align_q[have] = wq @ best_per_query_word / wq.sum()
    best_per_doc_word = sims.max(axis=0) * wd
    align_d[have] = np.add.reduceat(best_per_doc_word, starts) / np.maximum(np.add.reduceat(wd, starts), 1e-9)
    return align_q, align_d


def signals(
    query: Profile,
    docs: list[Profile],
    coverage: tuple[np.ndarray, np.ndarray],
    unit: np.ndarray,
    weight: np.ndarray,
) -> np.ndarray:
    """The candidates' signals, one row per candidate, columns in NAMES order. ``coverage`` is
    (cover_q, cover_d) from the BM25 index (``BM25Index.coverage``), ``unit`` the unit word
    vectors, ``weight`` the words' learned weights."""
    align_q, align_d = _alignment(query, docs, unit, weight)
    cover_q, cover_d = coverage
    n = len(docs)
    num_shared, num_unmatched = np.zeros(n), np.zeros(n)
    year_match, year_clash = np.zeros(n), np.zeros(n)
    for i, d in enumerate(docs):
        if d.numbers:
            shared = len(d.numbers & query.numbers)
            num_shared[i] = min(shared, 2) / 2
            num_unmatched[i] = float(shared == 0)
        if d.years:
            if d.years & query.years:
                year_match[i] = 1.0
            elif query.years:
                year_clash[i] = 1.0
    columns = [align_q, align_d, cover_q, cover_d, num_shared, num_unmatched, year_match, year_clash]
    return np.column_stack(columns).reshape(n, len(NAMES))
