"""Writing to the change log: every write transaction records what it changed, last."""

from __future__ import annotations

import contextlib

from ..db import database
from ..db.locks import hold_until_commit
from ..db.models import insert_rows, utcnow
from ..db.retry import retried
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
    deleted = {(entity, rid) for entity, rid, action in unique if action == "deleted"}
    unique = [c for c in unique if c[2] != "updated" or c[:2] not in deleted]  # gone, not updated
    fields = [Change.entity, Change.entity_id, Change.action, Change.at, Change.actor]
    insert_rows(Change, fields, [(e, i, a, now, actor) for e, i, a in unique])


@contextlib.contextmanager
def writing(actor: str | None = None):
    """A write transaction that yields a list of changes and records them, as made by ``actor``
    (the acting API key's name, passed down from the view), before committing."""
    with database.atomic():
        changes: list[tuple[str, int, str]] = []
        yield changes
        record(changes, actor)


def write(work, retry_on_conflict=None, actor: str | None = None):
    """``work(changes)`` as one write transaction by ``actor``, recorded in the log, retried when
    it lost a race."""

    def attempt():
        with writing(actor) as changes:
            return work(changes)

    return retried(attempt, retry_on_conflict=retry_on_conflict)
