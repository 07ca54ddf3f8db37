"""The change feed: every write records what it created, updated or deleted, in commit order."""
from __future__ import annotations

import contextlib

from .db import database, is_postgres
from .models import Change, utcnow

_FEED_LOCK = 774202  # PostgreSQL advisory lock: change ids commit in the order they are allocated


def record(changes: list[tuple[str, int, str]]) -> None:
    """Append (entity, id, action) rows; call last in the write transaction.

    On PostgreSQL a transaction-scoped lock is held from the moment ids are
    allocated until commit, so a reader never sees id n+1 before id n and a
    client that polls with ``after=n`` misses nothing. SQLite writers are
    already serialised (BEGIN IMMEDIATE).
    """
    if not changes:
        return
    if is_postgres():
        database.execute_sql(f"SELECT pg_advisory_xact_lock({_FEED_LOCK})")
    now = utcnow()
    unique = list(dict.fromkeys(changes))
    Change.insert_many([{"entity": e, "entity_id": i, "action": a, "at": now} for e, i, a in unique]).execute()


def page(after: int, entity: str | None, limit: int) -> tuple[list[Change], int, int, bool]:
    """Up to ``limit`` changes after the cursor ``after``, oldest first: (items, total, cursor, more)."""
    query = Change.select().where(Change.id > after).order_by(Change.id)
    if entity:
        query = query.where(Change.entity == entity)
    items = list(query.limit(limit + 1))
    more, items = len(items) > limit, items[:limit]
    return items, query.count(), items[-1].id if items else after, more


@contextlib.contextmanager
def writing():
    """A write transaction that yields a list of changes and records them before committing."""
    with database.atomic():
        changes: list[tuple[str, int, str]] = []
        yield changes
        record(changes)
