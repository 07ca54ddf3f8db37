"""Check-worthiness: split quotes into sentences and score each as a claim.

Pure Python (stdlib only): no Flask, no database, no heavy dependency.

    >>> from api.checkworthy import split_sentences, score, THRESHOLD
    >>> text = "We have 90 percent health insurance coverage. I love this country."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['We have 90 percent health insurance coverage.', 'I love this country.']
    >>> [score(text[s:e]).score > THRESHOLD for s, e in split_sentences(text)]
    [True, False]

``score(sentence)`` returns a ``Checkworthiness``: ``score`` in [0, 1] and
``features``, the few feature contributions (name, signed log-odds weight) that
moved it most, largest first, so a checker sees why. ``THRESHOLD`` is the
decision threshold chosen in cross-validation (see ``MODEL.md``); callers may
use their own. ``claims(text)`` does both steps for a stored quote.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Checkworthiness, get_model
from .splitter import split_sentences

__all__ = ["Checkworthiness", "THRESHOLD", "Claim", "claims", "score", "split_sentences"]

# Chosen on the 5-fold out-of-fold scores to do well both at the training
# file's balance and on a class-balanced set (MODEL.md, "The threshold"); the
# same value is stored in weights.json, and a test keeps the two equal.
THRESHOLD: float = 0.3361


def score(sentence: str) -> Checkworthiness:
    """Check-worthiness of one sentence; deterministic, never raises on a str."""
    return get_model().score(sentence)



@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence of a text whose score passed the threshold."""

    start: int
    end: int
    text: str
    score: float
    features: tuple[tuple[str, float], ...]


def claims(text: str, threshold: float | None = None) -> list[Claim]:
    """The sentences of ``text`` scoring above ``threshold`` (default ``THRESHOLD``)."""
    thr = THRESHOLD if threshold is None else threshold
    out = []
    for s, e in split_sentences(text):
        cw = score(text[s:e])
        if cw.score > thr:
            out.append(Claim(s, e, text[s:e], cw.score, cw.features))
    return out
