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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count

from ..core.shingles import Probe, index_hashes, probe, repeats
from ..core.text import word_count
from ..db.binding import is_postgres
from ..db.models import CHUNK, chunks, database
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
        ids = _candidate_ids(probes)
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


AROUND = 20  # the oldest candidates kept of those around a probe's words (its first and last run)
COMMON = 100  # statements under one hash past which it is counted as common (the count stops there)
TERMS = 250  # SELECTs per UNION: SQLite refuses a compound SELECT of more than 500


def _marks(values) -> str:
    return ", ".join([database.param] * len(values))


@contextmanager
def _index_scans():
    """PostgreSQL plans these lookups for any hash (about 11 rows each), as bitmap scans, which
    read a common hash's whole range (100k entries) before a LIMIT can stop it; an index scan
    stops there. Off for the lookups only, within the caller's transaction."""
    if not is_postgres():
        yield
        return
    with database.atomic():
        database.execute_sql("SET LOCAL enable_bitmapscan = off")
        yield
        database.execute_sql("RESET enable_bitmapscan")


def _counts(hashes: set[int]) -> dict[int, int]:
    """How many statements each hash is held by, counted up to COMMON + 1 (an index range each).
    PostgreSQL: one subquery run per value of an array (one plan of a few operators; a UNION of
    200 subqueries with the values written in took 30 to 240 ms to plan, 5 ms to run). SQLite:
    one subquery per hash, its value written in (SQLite plans them in microseconds)."""
    found = {}
    if is_postgres():
        sql = (
            f"SELECT h, (SELECT count(*) FROM (SELECT 1 FROM statement_hash WHERE hash = h "
            f"LIMIT {COMMON + 1}) AS c) FROM unnest({database.param}::bigint[]) AS h"
        )
        for part in chunks(sorted(hashes)):
            found.update(database.execute_sql(sql, [list(part)]).fetchall())
        return found
    one = (
        f"SELECT {database.param}, (SELECT count(*) FROM (SELECT 1 FROM statement_hash "
        f"WHERE hash = {database.param} LIMIT {COMMON + 1}) AS c)"
    )
    for part in chunks(sorted(hashes), 200):
        sql = " UNION ALL ".join([one] * len(part))
        found.update(database.execute_sql(sql, [v for h in part for v in (h, h)]).fetchall())
    return found


def _rarer_first(left: tuple, right: tuple, around: bool, held: dict) -> tuple | None:
    """A pair's sides without the hashes no statement holds, the rarer side first; None when a
    side is left empty (no statement can hold both). Around, each side is one gram."""
    left, right = [h for h in left if held[h]], [h for h in right if held[h]]
    if not left or not right:
        return None
    if sum(held[h] for h in right) < sum(held[h] for h in left):
        left, right = right, left
    return left, right, around


def _both(drive: list, other: list, around: bool) -> str:
    """SQLite: the statements under a hash of ``drive`` that also hold one of ``other``: the rarer
    side's range is read, the other side only looked up per statement found."""
    sql = (
        f"SELECT d.statement FROM statement_hash d WHERE d.hash IN ({_marks(drive)}) AND EXISTS "
        f"(SELECT 1 FROM statement_hash o WHERE o.hash IN ({_marks(other)}) AND o.statement = d.statement)"
    )
    return f"SELECT statement FROM ({sql} ORDER BY d.statement LIMIT {AROUND}) AS oldest" if around else sql


def _sqlite_candidate_ids(wholes: set[int], pairs: list[tuple]) -> set[int]:
    """SQLite: every lookup in UNIONs of up to TERMS SELECTs (it refuses more than 500)."""
    blocks = [
        (f"SELECT statement FROM statement_hash WHERE hash IN ({_marks(p)})", p)
        for p in chunks(sorted(wholes))
    ]
    half = CHUNK // 2  # (A1 + A2) & B = A1 & B + A2 & B: a very long quote's sides in slices
    for left, right, around in pairs:
        for a in chunks(left, half):
            for b in chunks(right, half):
                blocks.append((_both(a, b, around), (*a, *b)))
    ids, sql, params = set(), [], []
    for n, (query, values) in enumerate(blocks, 1):
        sql.append(query)
        params.extend(values)
        if n == len(blocks) or len(params) + len(blocks[n][1]) > CHUNK or len(sql) == TERMS:
            ids.update(sid for (sid,) in database.execute_sql(" UNION ".join(sql), params).fetchall())
            sql, params = [], []
    return ids


_PG_OTHER = (
    "EXISTS (SELECT 1 FROM statement_hash o WHERE o.hash = ANY(%s::bigint[]) AND o.statement = d.statement)"
)
_PG_INSIDE = f"SELECT d.statement FROM statement_hash d WHERE d.hash = ANY(%s::bigint[]) AND {_PG_OTHER}"
# Around, the drive side is one gram, compared as one value so that its index range comes in
# statement order and the LIMIT stops it (an array of one is sorted whole first: 48 ms at 100k).
_PG_AROUND = (
    f"SELECT d.statement FROM statement_hash d WHERE d.hash = %s::bigint AND {_PG_OTHER} "
    f"ORDER BY d.statement LIMIT {AROUND}"
)


def _pg_candidate_ids(wholes: set[int], pairs: list[tuple]) -> set[int]:
    """PostgreSQL: each pair one statement of a fixed text with its hashes as arrays (a UNION of
    pairs with their values written in was planned anew on every call: 4.5 s of the 7.7 s of
    storing a 2 MB article that repeats what is stored)."""
    ids = set()
    if wholes:
        sql = "SELECT statement FROM statement_hash WHERE hash = ANY(%s::bigint[])"
        ids.update(sid for (sid,) in database.execute_sql(sql, [sorted(wholes)]).fetchall())
    for left, right, around in pairs:
        sql, drive = (_PG_AROUND, left[0]) if around else (_PG_INSIDE, list(left))
        ids.update(sid for (sid,) in database.execute_sql(sql, [drive, list(right)]).fetchall())
    return ids


def _candidate_ids(probes: list[Probe]) -> set[int]:
    """The statements holding both sides of some probe's pair: how common each hash is, then, for
    each pair with both sides held at all, the statements of its rarer side that hold the other.
    A run that a speaker says all the time ('we are going to') is then never read as a range; of
    the statements around the words only the oldest AROUND are kept (the words join the oldest,
    ``intake.statements``), and those inside them are few (one per span at most)."""
    wholes, pairs = set(), set()
    for found in probes:
        for left, right, around in found.pairs():
            if left == right and not around:
                wholes.update(left)
            else:
                pairs.add((left, right, around))
    with _index_scans():
        held = _counts({h for left, right, _ in pairs for h in (*left, *right)}) if pairs else {}
        pairs = [_rarer_first(left, right, around, held) for left, right, around in sorted(pairs)]
        pairs = [pair for pair in pairs if pair is not None]
        lookup = _pg_candidate_ids if is_postgres() else _sqlite_candidate_ids
        return lookup(wholes, pairs)


def repeated_statements(speaker_id: int | None, norm: str) -> list[Statement]:
    """The stored statements that words ``norm`` of ``speaker_id`` repeat (the same, or overlapping)."""
    found = probe(speaker_id, norm)
    ids = [row.id for row in Matcher.load([found]).match(speaker_id, norm, found)]
    return list(Statement.select().where(Statement.id.in_(ids)).order_by(Statement.id)) if ids else []
