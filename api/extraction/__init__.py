"""Quote extraction engine: str in, immutable records out. No Flask, no database.

    >>> quotes = extract('“We will win,” Austin said.')
    >>> quotes[0].text, quotes[0].speaker.name
    ('We will win', 'Austin')

    >>> quotes = extract("„Wir prüfen das sehr genau“, sagte ein Sprecher.", language="de")
    >>> quotes[0].mention.text, quotes[0].speaker.kind
    ('ein Sprecher', 'unknown')

Pure Python on the ``regex`` module, linear in the text length.  The stages
are listed in ``pipeline.py`` (English) and ``generic.py`` (every other
language, read through its lexicon in ``lexicons/`` and the models in
``weights.json``; see MODEL.md); every pattern is compiled once, in
``layout_patterns.py``, ``name_patterns.py`` or ``patterns.py`` (from the
pieces in ``grammar.py``), and the English word lists live in ``lexicon.py``
and ``verbs.py``.  A quote is a stretch between double quotation marks (or
single ones, in an article that uses no double marks); transcript turns and
tweets attribute the quotes they hold.  ``benchmarks/engine.py`` measures
speed, the evaluation kit measures accuracy.
"""

from __future__ import annotations

from .lexicons import LEXICONS, detect_language
from .pipeline import extract
from .records import (
    CONTINUATION,
    FULL,
    KINDS,
    ORGANIZATION,
    PARTIAL,
    PERSON,
    TRANSCRIPT,
    TWEET,
    UNKNOWN,
    Quote,
    Span,
    Speaker,
)

__all__ = [
    "extract",
    "detect_language",
    "LEXICONS",
    "Quote",
    "Span",
    "Speaker",
    "KINDS",
    "FULL",
    "PARTIAL",
    "CONTINUATION",
    "TRANSCRIPT",
    "TWEET",
    "PERSON",
    "ORGANIZATION",
    "UNKNOWN",
]
