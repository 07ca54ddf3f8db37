"""Text folding shared by search and deduplication: case, accents, marks, spacing; digests."""

from __future__ import annotations

import hashlib
import unicodedata

import regex

_SPACES = regex.compile(r"\s+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")  # 'Don’t — “stop”!' -> ['Don', 't', 'stop']
_LIKE_SPECIALS = regex.compile(r"([\\%_])")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'José  Núñez' -> 'jose nunez'."""
    if text.isascii():  # nothing to decompose (most news text): skip the per-character pass
        return _SPACES.sub(" ", text.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.casefold()).strip()


def normalize(text: str) -> str:
    """The words of ``text`` only: case, accents, punctuation, quotation marks and spacing folded.

    '“We’re  NOT leaving,”' and "we're not leaving" -> 'we re not leaving'.
    """
    return " ".join(_WORD.findall(fold(text)))


def word_count(normalized: str) -> int:
    """The number of words of a ``normalize``d text: 'we re not leaving' -> 4, '' -> 0."""
    return len(normalized.split())


def search_terms(text: str) -> list[str]:
    """The folded words of a search query; 'Núñez's "plan"' -> ['nunez', 's', 'plan']."""
    return _WORD.findall(fold(text))


def like_escape(term: str) -> str:
    """``term`` for a LIKE pattern (escape character backslash): its own % and _ taken literally."""
    return _LIKE_SPECIALS.sub(r"\\\1", term)


def like_pattern(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere."""
    return f"%{like_escape(term)}%"


def digest(text: str) -> str:
    """The SHA-256 of ``text`` (UTF-8), in hex: the keys that make a row unique."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
