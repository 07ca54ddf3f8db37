"""Check-worthiness: split quotes into sentences and score each for being a checkable claim.

Pure Python (stdlib only): no Flask, no database, no heavy dependency, nothing
of the service.

    >>> from api.checkworthy import split_sentences, score, is_checkworthy
    >>> text = "We have 90 percent health insurance coverage. I love this country."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['We have 90 percent health insurance coverage.', 'I love this country.']
    >>> [is_checkworthy(score(text[s:e]).score) for s, e in split_sentences(text)]
    [True, False]

``score(sentence)`` returns a ``Checkworthiness``: ``score`` in [0, 1] and
``features``, the few feature contributions (name, signed log-odds weight) that
moved it most, largest first, so a checker sees why. ``THRESHOLD`` is the
decision threshold chosen in cross-validation (see ``MODEL.md``) and
``is_checkworthy`` the one comparison with it (callers may pass their own).
``quote_sentences(text)`` splits a quote (``trim_quote_end`` drops the comma
before 'he said'); ``checkworthy_sentences(text)`` splits, scores and keeps the
sentences that pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Checkworthiness, get_model
from .splitter import split_sentences

__all__ = [
    "THRESHOLD",
    "Checkworthiness",
    "ScoredSentence",
    "checkworthy_sentences",
    "is_checkworthy",
    "quote_sentences",
    "score",
    "split_sentences",
    "trim_quote_end",
]

# Chosen on the 5-fold out-of-fold scores to do well both at the training
# file's balance and on a class-balanced set (MODEL.md, "The threshold"); the
# same value is stored in weights.json, and a test keeps the two equal.
THRESHOLD: float = 0.3361

# What ends a quote's last sentence before 'he said': "We won," he said.
_TRAILING = " ,;:–—-"


def score(sentence: str) -> Checkworthiness:
    """Check-worthiness of one sentence; deterministic, never raises on a str."""
    return get_model().score(sentence)


def is_checkworthy(value: float, threshold: float | None = None) -> bool:
    """Does a score pass: at or above ``threshold`` (default ``THRESHOLD``)?"""
    return value >= (THRESHOLD if threshold is None else threshold)


def trim_quote_end(text: str) -> str:
    """``text`` without the comma (or dash, colon ...) that ends a quote before 'he said'."""
    return text.rstrip(_TRAILING)


def quote_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a quote, each without the comma that ends a quote before 'he said'.

    >>> text = "Taxes fell. We won,"
    >>> [text[s:e] for s, e in quote_sentences(text)]
    ['Taxes fell.', 'We won']
    """
    spans = []
    for start, end in split_sentences(text):
        end = start + len(trim_quote_end(text[start:end]))
        if end > start:
            spans.append((start, end))
    return spans


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    """A sentence of a text (``text[start:end]``) that passed the threshold, with its score."""

    start: int
    end: int
    text: str
    score: float
    features: tuple[tuple[str, float], ...]


def checkworthy_sentences(text: str, threshold: float | None = None) -> list[ScoredSentence]:
    """The sentences of ``text`` that are check-worthy at ``threshold`` (default ``THRESHOLD``)."""
    found = []
    for start, end in quote_sentences(text):
        result = score(text[start:end])
        if is_checkworthy(result.score, threshold):
            found.append(ScoredSentence(start, end, text[start:end], result.score, result.features))
    return found
