"""The deferred database: bound to a backend in create_app(), one connection per request."""
from __future__ import annotations

import os
import threading
from urllib.parse import urlparse

from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

database = DatabaseProxy()

_SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,     # ms: wait for a concurrent writer instead of failing
    "synchronous": "normal",
}
# A pool: closing a request's connection hands it back instead of tearing it down (on
# SQLite that would checkpoint the WAL on every request; on PostgreSQL, reconnect).
_POOL = {"max_connections": 32, "stale_timeout": 300, "timeout": 10}
_schema_lock = threading.Lock()
_schema_ready = False


def connect_url(url: str):
    """A peewee database for ``url`` (sqlite:///file, sqlite:///:memory:, postgresql://...)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = url[len("sqlite:///"):] or ":memory:"
        if path == ":memory:":
            # One shared connection, kept open: each new connection would be a new, empty database.
            return SqliteDatabase(path, pragmas={"foreign_keys": 1}, thread_safe=False,
                                  check_same_thread=False)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # BEGIN IMMEDIATE: a writing transaction takes the write lock up front, so concurrent
        # writers queue (busy_timeout) instead of failing when they upgrade a read lock.
        return PooledSqliteDatabase(path, pragmas=_SQLITE_PRAGMAS, lock_type="IMMEDIATE",
                                    check_same_thread=False, **_POOL)  # one thread at a time per connection
    if parsed.scheme in ("postgres", "postgresql"):
        return PooledPostgresqlDatabase(
            parsed.path.lstrip("/"), user=parsed.username, password=parsed.password,
            host=parsed.hostname, port=parsed.port or 5432, **_POOL)
    raise ValueError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use sqlite:/// or postgresql://)")


def is_memory() -> bool:
    return isinstance(database.obj, SqliteDatabase) and database.obj.database == ":memory:"


def is_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


def init(url: str) -> None:
    """Point the models at ``url``; nothing is connected or created yet."""
    global _schema_ready
    if database.obj is not None:
        if not database.is_closed():
            database.close()
        if hasattr(database.obj, "close_all"):
            database.obj.close_all()
    database.initialize(connect_url(url))
    _schema_ready = False


def ensure_schema() -> None:
    """Create missing tables once per process (safe to race between processes)."""
    global _schema_ready
    if _schema_ready:
        return
    from . import search
    from .models import MODELS
    with _schema_lock:
        if _schema_ready:
            return
        with database.atomic():
            if is_postgres():  # concurrent CREATE TABLE IF NOT EXISTS can collide on PostgreSQL
                database.execute_sql("SELECT pg_advisory_xact_lock(774201)")
            database.create_tables(MODELS, safe=True)
            search.create_index()
        _schema_ready = True


def drop_all() -> None:
    """Drop every table (tests, `flask reset-db`)."""
    global _schema_ready
    from . import search
    from .models import MODELS
    search.drop_index()
    database.drop_tables(MODELS, safe=True, cascade=is_postgres())
    _schema_ready = False


def open_connection() -> None:
    database.connect(reuse_if_open=True)
    ensure_schema()


def close_connection(exc=None) -> None:
    if not is_memory() and not database.is_closed():
        database.close()
