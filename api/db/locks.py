"""PostgreSQL advisory locks, one named id per purpose (SQLite serialises writers already).

A transaction-scoped lock (``pg_advisory_xact_lock``) is released at commit or
rollback, so a lock can never outlive the work it guards.
"""

from __future__ import annotations

from peewee import PostgresqlDatabase

from .binding import database as bound

# name -> lock id; ids are arbitrary but must stay unique and stable across releases.
ADVISORY_LOCKS = {
    "schema": 774201,  # one process upgrades the schema at a time (db/migrations)
    "change_feed": 774202,  # change ids commit in the order they are allocated (events/log.py)
    "outbox": 774203,  # one worker at a time turns changes into webhook deliveries (events/outbox.py)
}


def hold_until_commit(name: str, database=bound) -> None:
    """Take the advisory lock ``name`` for the rest of the current transaction (PostgreSQL only)."""
    if isinstance(getattr(database, "obj", database), PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCKS[name],))
