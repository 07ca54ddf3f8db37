"""Writing to the change log: every write transaction records what it changed, last."""

from __future__ import annotations

import contextlib

from ..db import database
from ..db.locks import hold_until_commit
from ..db.models import insert_rows, utcnow
from ..db.retry import retried
from .models import Change


def record(changes: list[tuple[str, int, str]]) -> None:
    """Append (entity, id, action) rows; call last in the write transaction.

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
    fields = [Change.entity, Change.entity_id, Change.action, Change.at]
    insert_rows(Change, fields, [(e, i, a, now) for e, i, a in unique])


@contextlib.contextmanager
def writing():
    """A write transaction that yields a list of changes and records them before committing."""
    with database.atomic():
        changes: list[tuple[str, int, str]] = []
        yield changes
        record(changes)


def write(work, retry_on_conflict=None):
    """``work(changes)`` as one write transaction, recorded in the log, retried when it lost a race."""

    def attempt():
        with writing() as changes:
            return work(changes)

    return retried(attempt, retry_on_conflict=retry_on_conflict)
