"""PostgreSQL runs the read path's compiled Statements as prepared statements (api/db/server.py):
constants and the page's limit written in, a cursor's values as parameters, the same answers."""

from __future__ import annotations

from datetime import datetime

import pytest

from api import db
from api.db import server
from api.db.prepared import Statement

from ..apps import PG_URL


class _Cursor:
    """What ``server`` needs of a psycopg2 cursor: ``mogrify`` (quotes text, doubles nothing)."""

    def mogrify(self, sql, values):
        value = values[0]
        return (f"'{value}'" if isinstance(value, str | datetime) else str(value)).encode()


def test_constants_and_limit_are_written_in_and_cursor_values_are_parameters():
    statement = Statement(
        sql="SELECT a FROM t WHERE b LIKE %s AND c <= %s AND (c < %s OR d > %s) AND e = '%%' LIMIT %s",
        params=("%ann%", -1, -1, -2, -3),
        slots=((1, 0, int), (2, 0, int), (3, 1, int), (4, 2, int)),
        names=("a",),
        inline=(2,),
    )
    body, positions = server._text(statement, (7, 8, 21), _Cursor())
    assert body == (
        "SELECT a FROM t WHERE b LIKE '%%ann%%' AND c <= $1::bigint AND (c < $2::bigint OR d > $3::bigint)"
        " AND e = '%%' LIMIT 21"
    )  # integer parameters typed bigint: an id past 2**31 finds no row instead of failing
    assert positions == [1, 2, 3]
    dated = Statement(
        sql="SELECT a FROM t WHERE c < %s LIMIT 21",
        params=(-1,),
        slots=((0, 0, str),),
        names=("a",),
        inline=(),
    )
    assert server._text(dated, ("2024-01-01",), _Cursor())[0] == "SELECT a FROM t WHERE c < $1 LIMIT 21"


@pytest.fixture
def pages(client, post_article):
    for i in range(6):
        post_article(url=f"https://a.example/{i}", text=f"“Point number {i} of the plan,” said Ann Lee.\n")
    return client


def _walk(client, url):
    seen = []
    while url:
        body = client.get(url).get_json()
        seen.append(body)
        url = body["next"]
    return seen


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only (TEST_DATABASE_URL)")
def test_prepared_pages_answer_what_plain_sql_answers_and_stay_few(app, pages, monkeypatch):
    monkeypatch.setattr(server, "KEPT", 3)
    paths = ["/quotes?limit=2", "/speakers?q=ann&limit=1", "/claims?limit=2", "/articles?limit=4"]
    prepared = [_walk(pages, p) for p in paths]
    monkeypatch.setattr(server, "ENABLED", False)
    assert [_walk(pages, p) for p in paths] == prepared and len(prepared[0]) == 3
    with app.app_context():
        db.open_connection()
        kept = db.database.execute_sql("SELECT count(*) FROM pg_prepared_statements").fetchone()[0]
        db.close_connection()
    assert 0 < kept <= 3  # on the one pooled connection the test client uses
