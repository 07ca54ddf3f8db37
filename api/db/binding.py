"""The deferred database: bound to a backend by ``init`` (in create_app), one connection per request."""

from __future__ import annotations

import os
import time
from urllib.parse import urlparse

from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

database = DatabaseProxy()

# A page cache of 32 MB per connection (SQLite's default is 2 MB) and reads through a memory map of
# up to 1 GB: an archive's indexes outgrow 2 MB long before 1M quotes, and every miss is a read(2).
_SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "cache_size": -32000,
    "mmap_size": 1 << 30,
}
# A pool: closing a request's connection hands it back instead of tearing it down (on
# SQLite that would checkpoint the WAL on every request; on PostgreSQL, reconnect).
# ``timeout``: seconds a request waits for a free connection before MaxConnectionsExceeded (a 503).
_POOL = {"max_connections": 32, "stale_timeout": 300, "timeout": 10}


class PostgresPool(PooledPostgresqlDatabase):
    """peewee's pool, without its round trip on every check-out for a connection handed back lately.

    peewee's pool sends ``SELECT 1`` each time it hands out a connection, to find one the server
    dropped: a round trip per request, as many as a list page's own query. Here a connection handed
    back less than ``PING_AFTER`` seconds ago, idle and open by its local state, is handed out
    without asking; an older one is still pinged. A connection the server dropped within those
    seconds fails its request (a 503) and is then discarded, not handed out again.
    """

    PING_AFTER = 5.0

    def __init__(self, *args, **kwargs):
        self._returned: dict[int, float] = {}  # connection key -> when it was handed back
        super().__init__(*args, **kwargs)

    def _is_closed(self, conn):
        returned = self._returned.pop(self.conn_key(conn), None)
        fresh = returned is not None and time.monotonic() - returned < self.PING_AFTER
        if fresh and not conn.closed and self._adapter.txn_status(conn) == self._adapter.txn_idle:
            return False
        return super()._is_closed(conn)

    def _close(self, conn, close_conn=False):
        super()._close(conn, close_conn)
        if not close_conn and not conn.closed:
            self._returned[self.conn_key(conn)] = time.monotonic()


def connect_url(url: str, connect_timeout: int = 5, statement_timeout: int = 10):
    """A peewee database for ``url`` (sqlite:///file, sqlite:///:memory:, postgresql://...).

    A database that does not answer fails within ``connect_timeout`` seconds, a statement
    (or, on SQLite, the wait for the write lock) within ``statement_timeout``: a 503 to
    retry rather than a request that hangs until the server kills its worker.
    """
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = url[len("sqlite:///") :] or ":memory:"
        if path == ":memory:":
            # One shared connection, kept open: each new connection would be a new, empty database.
            return SqliteDatabase(
                path, pragmas={"foreign_keys": 1}, thread_safe=False, check_same_thread=False
            )
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # BEGIN IMMEDIATE: a writing transaction takes the write lock up front, so concurrent
        # writers queue (busy_timeout) instead of failing when they upgrade a read lock.
        # check_same_thread=False: the pool hands a connection to one thread at a time.
        pragmas = {**_SQLITE_PRAGMAS, "busy_timeout": statement_timeout * 1000}  # ms: wait for a writer
        return PooledSqliteDatabase(
            path, pragmas=pragmas, lock_type="IMMEDIATE", check_same_thread=False, **_POOL
        )
    if parsed.scheme in ("postgres", "postgresql"):
        # plan_cache_mode: the read path's prepared statements (db.server) are planned once, their
        # parameters (a cursor's values, a speaker's id, a page's ids) left to the plan; with ``auto``
        # PostgreSQL planned a speaker's quote page anew on every EXECUTE (0.4 ms, more than running it).
        return PostgresPool(
            parsed.path.lstrip("/"),
            user=parsed.username,
            password=parsed.password,
            host=parsed.hostname,
            port=parsed.port or 5432,
            connect_timeout=max(2, connect_timeout),  # libpq's floor: 2 s
            options=f"-c statement_timeout={statement_timeout * 1000} -c plan_cache_mode=force_generic_plan",
            **_POOL,
        )
    raise ValueError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r} (use sqlite:/// or postgresql://)")


def is_memory() -> bool:
    return isinstance(database.obj, SqliteDatabase) and database.obj.database == ":memory:"


def is_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


def init(url: str, connect_timeout: int = 5, statement_timeout: int = 10) -> None:
    """Point the models at ``url``; nothing is connected or created yet."""
    if database.obj is not None:
        if not database.is_closed():
            database.close()
        if hasattr(database.obj, "close_all"):
            database.obj.close_all()
    database.initialize(connect_url(url, connect_timeout, statement_timeout))


def open_connection() -> None:
    database.connect(reuse_if_open=True)


def close_connection(exc=None) -> None:
    """Hand the connection back (an in-memory database keeps its one connection open)."""
    if not is_memory() and not database.is_closed():
        database.close()
