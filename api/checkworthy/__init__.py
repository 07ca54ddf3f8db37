"""Check-worthiness: split quotes into sentences and score each as a claim.

Pure Python (stdlib + nothing else): no Flask, no database.

    >>> from api.checkworthy import split_sentences
    >>> text = "We have 90 percent coverage. I love this country."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['We have 90 percent coverage.', 'I love this country.']
"""
from __future__ import annotations

from .splitter import split_sentences

__all__ = ["split_sentences"]
