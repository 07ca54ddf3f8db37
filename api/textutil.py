"""Text folding shared by search and deduplication: case, accents, marks, spacing."""
from __future__ import annotations

import hashlib
import unicodedata

import regex

_SPACES = regex.compile(r"\s+")
_LIKE_SPECIALS = regex.compile(r"([\\%_])")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'José  Núñez' -> 'jose nunez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold()).strip()


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with its own % and _ taken literally."""
    return "%" + _LIKE_SPECIALS.sub(r"\\\1", term) + "%"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
