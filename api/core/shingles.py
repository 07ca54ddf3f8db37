"""The statement matching rule and the hashes that index it, without a database.

A quote repeats a stored statement of the same speaker when both have the same
``normalize``d words, or, both having at least MIN_OVERLAP_WORDS words, when one
contains the other word for word ('we will not back down' inside 'we will not
back down from this fight'). ``repeats`` is that rule; the hashes below let a
database find the few statements worth checking with it, through one index:

- ``gram``: the speaker and one run of MIN_OVERLAP_WORDS words, for every run of a
  statement: a statement containing a quote contains the quote's first and last run;
- ``head`` and ``tail``: the speaker and the first run, and the last: a statement inside a
  quote starts with one of the quote's runs and ends with one;
- ``whole``: the speaker and all the words, for words that cannot overlap (a nameless
  speaker's, or fewer than MIN_OVERLAP_WORDS): the same words. Words that can overlap
  need none: the same words contain each other, so their first and last runs find them.

A lookup asks for the statements holding *both* of a pair (the quote's first and last gram;
a head and a tail among its runs), so a four-word run that a speaker says all the time ('we
are going to') does not bring back every statement holding it: the database intersects the
two index ranges and hands over only the statements that have both (``Probe.pairs``).

A hash is the first 8 bytes of BLAKE2b as a signed 64-bit integer (one BIGINT column).
A run's ``head``, ``gram`` and ``tail`` differ only in the two lowest bits, so they sit
side by side in the index: a quote's lookup of its runs' heads reads the very pages that
its new statement's grams are then written to (on a large archive, half the pages read
from disk on ingest). Changing anything here changes stored hashes: that needs a migration
that rebuilds the ``statement_hash`` table (as 0007 does).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .vocabulary import MIN_OVERLAP_WORDS

RUN = MIN_OVERLAP_WORDS


def _hash(kind: str, speaker_id: int | None, words: str) -> int:
    data = f"{kind}|{speaker_id or 0}|{words}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def _head(speaker_id: int | None, run: str) -> int:
    """The run's hash, two lowest bits 0: its ``gram`` is the next integer, its ``tail`` the one after."""
    return _hash("run", speaker_id, run) & ~3


def _gram(speaker_id: int | None, run: str) -> int:
    return _head(speaker_id, run) | 1


def _tail(speaker_id: int | None, run: str) -> int:
    return _head(speaker_id, run) | 2


def runs(norm: str) -> list[str]:
    """Every run of RUN consecutive words: 'a b c d e' -> ['a b c d', 'b c d e']."""
    words = norm.split()
    return [" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)]


def overlaps(speaker_id: int | None, word_count: int) -> bool:
    """May words of this length join a longer or shorter statement? Only a named speaker's, of RUN words."""
    return bool(speaker_id) and word_count >= RUN


def contains(longer: str, shorter: str) -> bool:
    """Word-aligned containment of normalized texts: 'a b c' contains 'b c', not 'b'."""
    return f" {shorter} " in f" {longer} "


def repeats(speaker_id: int | None, norm: str, statement_speaker: int | None, statement_norm: str) -> bool:
    """Do the words ``norm`` of ``speaker_id`` repeat the statement (its speaker, its normalized words)?"""
    if (speaker_id or 0) != (statement_speaker or 0):
        return False
    if norm == statement_norm:
        return True
    if not overlaps(speaker_id, len(norm.split())):
        return False
    return contains(statement_norm, norm) or (
        len(statement_norm.split()) >= RUN and contains(norm, statement_norm)
    )


def index_hashes(speaker_id: int | None, norm: str) -> set[int]:
    """The hashes a statement is stored under: head, tail and every run if it may overlap, else whole."""
    every = runs(norm)
    if not overlaps(speaker_id, len(norm.split())) or not every:
        return {_hash("whole", speaker_id, norm)}
    grams = (_gram(speaker_id, run) for run in every)
    return {_head(speaker_id, every[0]), _tail(speaker_id, every[-1]), *grams}


@dataclass(frozen=True)
class Probe:
    """The hashes that find the statements a quote may repeat: ``whole`` for words that cannot
    overlap; for those that can, ``needs`` (the grams a container has both of) and ``heads`` and
    ``tails`` (a statement inside the quote has one of each)."""

    whole: int | None
    needs: frozenset[int]
    heads: frozenset[int]
    tails: frozenset[int] = frozenset()

    def hashes(self) -> set[int]:
        return {*self.needs, *self.heads, *self.tails} if self.whole is None else {self.whole}

    def pairs(self) -> list[tuple[tuple[int, ...], tuple[int, ...], bool]]:
        """The lookups: pairs of hash sets, a candidate holding one hash of each set of a pair, and
        whether the pair finds statements around the words (only the oldest few of those matter)."""
        if self.whole is not None:
            return [((self.whole,), (self.whole,), False)]
        first, last = sorted(self.needs) * 2 if len(self.needs) == 1 else sorted(self.needs)
        return [((first,), (last,), True), (tuple(sorted(self.heads)), tuple(sorted(self.tails)), False)]

    def candidate(self, hashes: set[int]) -> bool:
        """Could a statement stored under ``hashes`` be repeated? (``repeats`` decides.)"""
        if self.whole is not None:
            return self.whole in hashes
        return self.needs <= hashes or bool(self.heads & hashes and self.tails & hashes)


def probe(speaker_id: int | None, norm: str) -> Probe:
    """The probe for the words ``norm`` of ``speaker_id``.

    >>> found = probe(1, "we will not back down")
    >>> len(found.needs), len(found.heads), len(found.tails)
    (2, 2, 2)
    """
    every = runs(norm)
    if not overlaps(speaker_id, len(norm.split())) or not every:
        return Probe(_hash("whole", speaker_id, norm), frozenset(), frozenset())
    needs = frozenset({_gram(speaker_id, every[0]), _gram(speaker_id, every[-1])})
    heads = frozenset(_head(speaker_id, run) for run in every)
    tails = frozenset(_tail(speaker_id, run) for run in every)
    return Probe(None, needs, heads, tails)
