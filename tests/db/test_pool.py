"""PostgreSQL's pool hands a connection back out without a round trip when it was returned lately
(api/db/binding.py: peewee's pool would send ``SELECT 1`` on every check-out)."""

from __future__ import annotations

import pytest

from api.db.binding import PostgresPool, connect_url

from ..apps import PG_URL

pytestmark = pytest.mark.skipif(not PG_URL, reason="PostgreSQL only (TEST_DATABASE_URL)")


@pytest.fixture
def pool():
    pool = connect_url(PG_URL)
    assert isinstance(pool, PostgresPool)
    yield pool
    pool.close_all()


def _pings(pool, monkeypatch) -> list:
    """Record every statement the pool's own liveness check sends."""
    sent = []
    adapter = pool._adapter
    checked = adapter.is_connection_closed
    monkeypatch.setattr(adapter, "is_connection_closed", lambda conn: sent.append(conn) or checked(conn))
    return sent


def test_a_connection_returned_lately_is_handed_out_without_a_ping(pool, monkeypatch):
    pings = _pings(pool, monkeypatch)
    pool.connect()
    first = pool.connection()
    pool.close()
    pool.connect()
    assert pool.connection() is first and pings == []
    assert pool.execute_sql("SELECT 1").fetchone() == (1,)
    pool.close()


def test_a_connection_idle_longer_is_pinged_and_a_dropped_one_discarded(pool, monkeypatch):
    pings = _pings(pool, monkeypatch)
    pool.connect()
    first = pool.connection()
    pool.close()
    monkeypatch.setattr(PostgresPool, "PING_AFTER", 0.0)
    pool.connect()
    assert pool.connection() is first and pings == [first]  # pinged, still alive: kept
    pool.close()
    first.close()  # as if the server had dropped it
    pool.connect()
    assert pool.connection() is not first
    assert pool.execute_sql("SELECT 1").fetchone() == (1,)
    pool.close()
