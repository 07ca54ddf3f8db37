"""Reads kept per worker (api/web/cache.py): served again while the change log is unchanged, made
afresh after any write, also one made through another worker on the same database."""

from __future__ import annotations

import pytest

from api.news import queries

from ..apps import PG_URL, keyed_client, make_app, reset_database
from ..payloads import article_payload

READS = ["/quotes", "/articles", "/speakers?q=austin", "/statements", "/claims"]


@pytest.fixture
def made(monkeypatch):
    """How many times the quote list was made (not served from the cache)."""
    calls = []
    original = queries.quotes

    def counted(args):
        calls.append(args)
        return original(args)

    monkeypatch.setattr(queries, "quotes", counted)
    return calls


def test_a_read_is_made_once_while_nothing_changes(client, post_article, made):
    post_article()
    first = client.get("/quotes?limit=5")
    again = client.get("/quotes?limit=5")
    assert len(made) == 1 and again.get_json() == first.get_json() and again.status_code == 200
    assert again.headers["Content-Type"] == first.headers["Content-Type"] == "application/json"
    client.get("/quotes?limit=6")  # another query string: another answer
    assert len(made) == 2


def test_every_write_makes_the_next_read_afresh(client, post_article, made):
    posted = post_article()
    before = {path: client.get(path).get_json() for path in READS}
    quote = posted["quotes"][0]["id"]
    assert client.patch(f"/quotes/{quote}", json={"speaker_name": "Bo Diaz"}).status_code == 200
    after = client.get("/quotes").get_json()
    assert len(made) == 2
    assert [q["speaker"]["name"] for q in after["items"] if q["id"] == quote] == ["Bo Diaz"]
    post_article(
        url="https://b.example/2", text=article_payload()["text"] + "\n“We will win,” said Bo Diaz.\n"
    )
    assert client.get("/articles").get_json()["total"] == before["/articles"]["total"] + 1


def test_the_cache_is_off_when_configured(database_url, made):
    app = make_app(database_url, RESPONSE_CACHE=False)
    reset_database(app)
    client = keyed_client(app, "admin")
    client.get("/quotes")
    client.get("/quotes")
    assert len(made) == 2


@pytest.fixture
def shared_url(tmp_path):
    return PG_URL or f"sqlite:///{tmp_path}/shared.db"


def test_a_write_through_another_worker_is_seen(shared_url):
    """Two apps on one database stand for two workers: what one keeps, the other's write ends."""
    reader, writer = make_app(shared_url), None
    reset_database(reader)
    writer = make_app(shared_url)
    reading = keyed_client(reader, "read")
    empty = reading.get("/articles").get_json()
    assert empty["total"] == 0 and reading.get("/articles").get_json() == empty
    assert keyed_client(writer, "ingest").post("/articles", json=article_payload()).status_code == 201
    assert reading.get("/articles").get_json()["total"] == 1
