"""Writing to the change log: every write transaction records what it changed, last."""

from __future__ import annotations

import contextlib

from ..db import database
from ..db.locks import hold_until_commit
from ..db.models import utcnow
from .models import Change


def record(changes: list[tuple[str, int, str]], actor: str | None = None) -> None:
    """Append (entity, id, action) rows made by ``actor`` (an API key's name); call last in the
    write transaction.

    On PostgreSQL the ``change_feed`` advisory lock is held from the moment ids
    are allocated until commit, so a reader never sees id n+1 before id n and a
    client that polls with ``after=n`` misses nothing. SQLite writers are
    already serialised (BEGIN IMMEDIATE).
    """
    if not changes:
        return
    hold_until_commit("change_feed")
    now = utcnow()
    unique = list(dict.fromkeys(changes))
    Change.insert_many(
        [{"entity": e, "entity_id": i, "action": a, "at": now, "actor": actor} for e, i, a in unique]
    ).execute()


@contextlib.contextmanager
def writing(actor: str | None = None):
    """A write transaction that yields a list of changes and records them, as made by ``actor``
    (the acting API key's name, passed down from the view), before committing."""
    with database.atomic():
        changes: list[tuple[str, int, str]] = []
        yield changes
        record(changes, actor)
