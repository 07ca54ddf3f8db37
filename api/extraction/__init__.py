"""Quote extraction engine: str in, immutable records out. No Flask, no database.

    >>> quotes = extract('“We will win,” Austin said.')
    >>> quotes[0].text, quotes[0].speaker.name
    ('We will win,', 'Austin')
"""
from __future__ import annotations

from .records import (CONTINUATION, FULL, KINDS, ORGANIZATION, PARTIAL, PERSON,
                      TRANSCRIPT, TWEET, UNKNOWN, Quote, Span, Speaker)
from .pipeline import extract

__all__ = ["extract", "Quote", "Span", "Speaker", "KINDS", "FULL", "PARTIAL",
           "CONTINUATION", "TRANSCRIPT", "TWEET", "PERSON", "ORGANIZATION", "UNKNOWN"]
