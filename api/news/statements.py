"""Writes of statements: what a speaker said, once, however many outlets reported it.

The same speaker's same words, after folding case, accents, punctuation,
quotation-mark style and spacing, are one statement; so is a partial quote
contained in a longer one (the rule is ``core.shingles.repeats``; finding them is
``news.matching``). These are the steps on statement rows, each a few queries
for a whole article; ``intake/statements.py`` decides which to take, with the
claims that hang on a statement.
"""

from __future__ import annotations

from collections import defaultdict

from peewee import fn

from ..core.text import digest
from ..db.models import chunks, insert_rows, utcnow
from .matching import StatementRow
from .models import Quote, Statement, StatementHash


def statement_key(speaker_id: int | None, normalized: str) -> str:
    return f"{speaker_id or 0}:{digest(normalized)}"


_NEW = (
    Statement.key,
    Statement.speaker,
    Statement.text,
    Statement.normalized,
    Statement.word_count,
    Statement.first_seen_at,
    Statement.created_at,
    Statement.updated_at,
    Statement.appearance_count,
)


def insert_statements(rows: list[StatementRow], appearances: dict) -> None:
    """Insert new statements (their ``id`` is set), each with its number of ``appearances`` so far."""
    now = utcnow()
    keys = {statement_key(r.speaker_id, r.normalized): r for r in rows}
    values = [
        (
            key,
            r.speaker_id,
            r.text,
            r.normalized,
            r.word_count,
            r.first_seen_at,
            now,
            now,
            appearances.get(r, 0),
        )
        for key, r in keys.items()
    ]
    for sid, key in insert_rows(Statement, _NEW, values, returning=(Statement.id, Statement.key)):
        keys[key].id = sid


def save_changes(rows: list[StatementRow]) -> None:
    """Write what changed on stored statements (wording, first seen); the others are only touched."""
    now = utcnow()
    touched = []
    for row in rows:
        if not row.changed:
            touched.append(row.id)
            continue
        updates = {name: getattr(row, name) for name in row.changed} | {"updated_at": now}
        Statement.update(**updates).where(Statement.id == row.id).execute()
    for part in chunks(touched):
        Statement.update(updated_at=now).where(Statement.id.in_(part)).execute()


def add_appearances(counts: dict[int, int]) -> None:
    """Statement id -> how many more quotes are appearances of it (negative: fewer)."""
    by_number: dict[int, list[int]] = defaultdict(list)
    for sid, n in counts.items():
        if n:
            by_number[n].append(sid)
    for n, ids in by_number.items():
        for part in chunks(sorted(ids)):
            Statement.update(appearance_count=Statement.appearance_count + n).where(
                Statement.id.in_(part)
            ).execute()


def index(rows: list[StatementRow]) -> None:
    """Bring the matching index of ``rows`` in line with their speaker and words."""
    stale, fresh = [], []
    for row in rows:
        now = row.hashes()
        stale += [(h, row.id) for h in row.stored_hashes - now]
        fresh += [(h, row.id) for h in now - row.stored_hashes]
        row.stored_hashes = now
    _delete_hashes(stale)
    # In key order: neighbouring keys (a run's head, gram and tail) are written while their page is at hand.
    insert_rows(StatementHash, [StatementHash.hash, StatementHash.statement], sorted(fresh), ignore=True)


def _delete_hashes(pairs: list[tuple[int, int]]) -> None:
    by_statement: dict[int, list[int]] = defaultdict(list)
    for h, sid in pairs:
        by_statement[sid].append(h)
    for sid, hashes in by_statement.items():
        for part in chunks(hashes):
            StatementHash.delete().where(
                (StatementHash.statement == sid) & StatementHash.hash.in_(part)
            ).execute()


def fold_into(survivor: StatementRow, other: StatementRow, changes: list) -> None:
    """Move the appearances of stored ``other`` to stored ``survivor``; delete ``other`` and its index rows.

    Whatever else hangs on ``other`` (its claims) must have moved first: deleting it cascades.
    """
    moved = Quote.update(statement=survivor.id).where(Quote.statement == other.id).execute()
    add_appearances({survivor.id: moved})
    _delete_hashes([(h, other.id) for h in other.stored_hashes])
    Statement.delete().where(Statement.id == other.id).execute()
    changes.append(("statement", other.id, "deleted"))


def refresh_first_seen(statement_ids: set[int]) -> None:
    """After appearances were deleted: first seen = the earliest one left (kept if none is); each is
    updated (``updated_at`` moves), as the change feed will say."""
    now = utcnow()
    for sid in sorted(statement_ids):
        earliest = Quote.select(fn.MIN(Quote.dated_at)).where(Quote.statement == sid).scalar()
        updates = {"updated_at": now} | ({"first_seen_at": earliest} if earliest is not None else {})
        Statement.update(**updates).where(Statement.id == sid).execute()


def delete_statements(rows: list[StatementRow], changes: list) -> None:
    """Delete stored statements nothing refers to any more (no quote, no claim), and their index rows."""
    for row in rows:
        _delete_hashes([(h, row.id) for h in row.stored_hashes])
    for part in chunks(sorted(row.id for row in rows)):
        Statement.delete().where(Statement.id.in_(part)).execute()
    changes += [("statement", row.id, "deleted") for row in sorted(rows, key=lambda r: r.id)]
