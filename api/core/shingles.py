"""The statement matching rule and the hashes that index it, without a database.

A quote repeats a stored statement of the same speaker when both have the same
``normalize``d words, or, both having at least MIN_OVERLAP_WORDS words, when one
contains the other word for word ('we will not back down' inside 'we will not
back down from this fight'). ``repeats`` is that rule; the hashes below let a
database find the few statements worth checking with it, through one index:

- ``whole``: the speaker and all the words: the same words (any length, any speaker);
- ``gram``: the speaker and one run of MIN_OVERLAP_WORDS words, for every run of a
  statement: a statement containing a quote contains the quote's first and last run;
- ``head``: the speaker and the first run only: a statement inside a quote starts
  with one of the quote's runs.

A hash is the first 8 bytes of BLAKE2b as a signed 64-bit integer (one BIGINT
column). Changing anything here changes every stored hash: that needs a migration
that rebuilds the ``statement_hash`` table.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .vocabulary import MIN_OVERLAP_WORDS

RUN = MIN_OVERLAP_WORDS


def _hash(kind: str, speaker_id: int | None, words: str) -> int:
    data = f"{kind}|{speaker_id or 0}|{words}".encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


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
    """The hashes a statement is stored under: whole, and (if it may overlap) head and every run."""
    found = {_hash("whole", speaker_id, norm)}
    every = runs(norm)
    if overlaps(speaker_id, len(norm.split())) and every:
        found.add(_hash("head", speaker_id, every[0]))
        found.update(_hash("gram", speaker_id, run) for run in every)
    return found


@dataclass(frozen=True)
class Probe:
    """The hashes that find the statements a quote may repeat; ``needs``: the ones a container has all of."""

    whole: int
    needs: frozenset[int]
    heads: frozenset[int]

    def hashes(self) -> set[int]:
        return {self.whole, *self.needs, *self.heads}

    def candidate(self, hashes: set[int]) -> bool:
        """Could a statement stored under ``hashes`` be repeated? (``repeats`` decides.)"""
        return (
            self.whole in hashes or (bool(self.needs) and self.needs <= hashes) or bool(self.heads & hashes)
        )


def probe(speaker_id: int | None, norm: str) -> Probe:
    """The probe for the words ``norm`` of ``speaker_id``."""
    every = runs(norm)
    if not overlaps(speaker_id, len(norm.split())) or not every:
        return Probe(_hash("whole", speaker_id, norm), frozenset(), frozenset())
    needs = frozenset({_hash("gram", speaker_id, every[0]), _hash("gram", speaker_id, every[-1])})
    heads = frozenset(_hash("head", speaker_id, run) for run in every)
    return Probe(_hash("whole", speaker_id, norm), needs, heads)
