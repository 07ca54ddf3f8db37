"""Finding the stored statements that words repeat, through the ``statement_hash`` index.

``repeated_statements(speaker_id, norm)`` answers for one quote. A ``Matcher`` answers
for a whole article: it loads every candidate of all its quotes in two queries, then
keeps itself current as the write creates, grows and folds statements in memory, so
that a later quote of the same article sees what an earlier one did. Either way a
candidate is found by hash (``core.shingles``) and confirmed by ``repeats``, so the
cost does not depend on how many statements the speaker has.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count

from ..core.shingles import Probe, index_hashes, probe, repeats
from ..core.text import word_count
from ..db.models import chunks, select_in
from .models import Statement

_sequence = count()


@dataclass(eq=False)
class StatementRow:
    """A statement as one write sees it: stored (``id``) or about to be (``id`` None until inserted)."""

    id: int | None
    speaker_id: int | None
    text: str
    normalized: str
    first_seen_at: datetime
    word_count: int = 0
    merged_into: StatementRow | None = None
    changed: set = field(default_factory=set)  # the columns this write changed
    stored_hashes: set = field(default_factory=set)  # what the index holds for it now
    seq: int = field(default_factory=lambda: next(_sequence))
    _hashes: set = field(default_factory=set, repr=False)
    _hashed: str | None = field(default=None, repr=False)

    def __post_init__(self):
        self.word_count = word_count(self.normalized)

    @property
    def order(self) -> tuple:
        """Stored statements before new ones, older before newer: the oldest survives a merge."""
        return (0, self.id, 0) if self.id is not None else (1, 0, self.seq)

    @property
    def alive(self) -> StatementRow:
        """This row, or the one it was folded into (and so on)."""
        row = self
        while row.merged_into is not None:
            row = row.merged_into
        return row

    def hashes(self) -> set[int]:
        """Its hashes in the matching index (computed once per wording)."""
        if self._hashed != self.normalized:
            self._hashes, self._hashed = index_hashes(self.speaker_id, self.normalized), self.normalized
        return self._hashes


class Matcher:
    """The statements that a batch of words may repeat, loaded at once and kept current in memory."""

    def __init__(self):
        self._by_hash: dict[int, set[StatementRow]] = defaultdict(set)

    @classmethod
    def load(cls, probes: list[Probe]) -> Matcher:
        """A matcher holding every stored statement that any of ``probes`` may find."""
        matcher = cls()
        wanted = sorted(set().union(*(p.hashes() for p in probes))) if probes else []
        ids = {sid for (sid,) in select_in("SELECT statement FROM statement_hash WHERE hash IN", wanted)}
        columns = (
            Statement.id,
            Statement.speaker,
            Statement.text,
            Statement.normalized,
            Statement.first_seen_at,
        )
        for part in chunks(sorted(ids)):
            for sid, speaker_id, text, norm, seen in (
                Statement.select(*columns).where(Statement.id.in_(part)).tuples()
            ):
                row = StatementRow(sid, speaker_id, text, norm, seen)
                row.stored_hashes = row.hashes()
                matcher.add(row)
        return matcher

    def add(self, row: StatementRow) -> None:
        for h in row.hashes():
            self._by_hash[h].add(row)

    def remove(self, row: StatementRow) -> None:
        for h in row.hashes():
            self._by_hash[h].discard(row)

    def match(self, speaker_id: int | None, norm: str, found: Probe | None = None) -> list[StatementRow]:
        """The statements held that the words ``norm`` of ``speaker_id`` repeat, oldest first."""
        found = found or probe(speaker_id, norm)
        hits: dict[StatementRow, set[int]] = defaultdict(set)
        for h in found.hashes():
            for row in self._by_hash.get(h, ()):
                hits[row].add(h)
        return sorted(
            (
                row
                for row, hashes in hits.items()
                if found.candidate(hashes) and repeats(speaker_id, norm, row.speaker_id, row.normalized)
            ),
            key=lambda row: row.order,
        )


def repeated_statements(speaker_id: int | None, norm: str) -> list[Statement]:
    """The stored statements that words ``norm`` of ``speaker_id`` repeat (the same, or overlapping)."""
    found = probe(speaker_id, norm)
    ids = [row.id for row in Matcher.load([found]).match(speaker_id, norm, found)]
    return list(Statement.select().where(Statement.id.in_(ids)).order_by(Statement.id)) if ids else []
