"""The upgrade test: a database of the release before revisions, filled with real articles, upgraded.

Every article, quote, speaker, statement, claim and verdict stored by that release is
still there after ``upgrade`` and served by the API as it was; and the new features
(revisions, fixes, merges) work on the old records. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from api.db import migrations

from ..apps import PG_URL, keyed_client, make_app
from .release_0003 import Release0003
from .test_migrations import _with

ARTICLES = [json.loads(line) for line in (Path(__file__).parents[1] / "fixtures" / "articles.jsonl").open()]
RELEASE = 3  # the schema version of the release before this work


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def old_url(request, tmp_path):
    """A database at version 3 with the fixture articles stored by that release; its snapshot."""
    url = PG_URL if request.param == "postgresql" else f"sqlite:///{tmp_path}/release.db"
    _with(url, migrations.drop_all)
    _with(url, lambda database: migrations.upgrade(database, target=RELEASE))
    yield url
    if request.param == "postgresql":  # leave it as the other tests expect: current and empty
        _with(url, migrations.drop_all)
        _with(url, migrations.upgrade)


def _fill(database):
    release = Release0003(database.obj)
    with database.atomic():
        articles = [release.article(data) for data in ARTICLES]
        reviews = [release.verdict(release.claims[0])]
        release.finish()
    return articles, reviews


_SNAPSHOT = {
    "article": "SELECT id, text, title, url FROM article ORDER BY id",
    "quote": "SELECT id, article_id, text, speaker_id, statement_id FROM quote ORDER BY id",
    "speaker": "SELECT id, name, quote_count, article_count, claim_count FROM speaker ORDER BY id",
    "statement": "SELECT id, text, appearance_count FROM statement ORDER BY id",
    "claim": "SELECT id, statement_id, text, status FROM claim ORDER BY id",
    "review": "SELECT id, claim_id, rating_label FROM review ORDER BY id",
}


def _snapshot(database) -> dict[str, list[tuple]]:
    return {
        table: [tuple(row) for row in database.execute_sql(sql).fetchall()]
        for table, sql in _SNAPSHOT.items()
    }


def test_an_upgraded_database_keeps_and_serves_everything(old_url):
    assert _with(old_url, migrations.version) == RELEASE
    _with(old_url, _fill)
    before = _with(old_url, _snapshot)
    assert len(before["article"]) == len(ARTICLES) and len(before["quote"]) >= 10
    assert len(before["claim"]) >= 3 and len(before["review"]) == 1
    assert max(appearances for _, _, appearances in before["statement"]) == 2  # one repeated statement

    assert _with(old_url, migrations.upgrade) == list(range(RELEASE + 1, migrations.LATEST + 1))
    assert _with(old_url, _snapshot) == before
    client = keyed_client(make_app(old_url, AUTO_MIGRATE=False), "admin", name="desk")

    for article_id, text, title, url in before["article"]:
        body = client.get(f"/articles/{article_id}").get_json()
        assert (body["text"], body["title"], body["url"], body["revision"]) == (text, title, url, 1)
        stored = [(q[0], q[2], q[3], q[4]) for q in before["quote"] if q[1] == article_id]
        served = [
            (q["id"], q["text"], q["speaker"] and q["speaker"]["id"], q["statement_id"])
            for q in body["quotes"]
        ]
        assert served == stored
        revisions = client.get(f"/articles/{article_id}/revisions").get_json()["items"]
        assert [(r["number"], r["text"]) for r in revisions] == [(1, text)]
    for speaker_id, name, quotes, articles, claims in before["speaker"]:
        body = client.get(f"/speakers/{speaker_id}").get_json()
        assert (body["name"], body["quote_count"], body["article_count"], body["claim_count"]) == (
            name,
            quotes,
            articles,
            claims,
        )
        assert body["same_as"] == [] and body["updated_at"] == body["created_at"]
    for statement_id, text, appearances in before["statement"]:
        body = client.get(f"/statements/{statement_id}").get_json()
        assert (body["text"], body["appearance_count"]) == (text, appearances)
    for claim_id, statement_id, text, status in before["claim"]:
        body = client.get(f"/claims/{claim_id}").get_json()
        assert (body["statement"]["id"], body["text"], body["status"]) == (statement_id, text, status)
    for review_id, claim_id, label in before["review"]:
        reviews = client.get(f"/claims/{claim_id}").get_json()["reviews"]
        assert [(r["id"], r["rating"]["label"]) for r in reviews] == [(review_id, label)]
        assert client.get(f"/claims/{claim_id}/claimreview").status_code == 200
    totals = {
        name: client.get(f"/{name}").get_json()["total"]
        for name in ("articles", "quotes", "speakers", "claims")
    }
    assert totals == {
        "articles": len(before["article"]),
        "quotes": len(before["quote"]),
        "speakers": len(before["speaker"]),
        "claims": len(before["claim"]),
    }
    assert client.get("/changes").get_json()["total"] == len(ARTICLES)


def test_old_records_take_corrections_and_fixes_after_the_upgrade(old_url):
    _with(old_url, _fill)
    _with(old_url, migrations.upgrade)
    client = keyed_client(make_app(old_url, AUTO_MIGRATE=False), "admin", name="desk")
    first = client.get("/articles/1").get_json()
    corrected = first["text"].replace("40 percent", "38 percent")
    revised = client.put("/articles/1", json={"text": corrected}).get_json()
    assert revised["revision"] == 2 and len(revised["quotes"]) == len(first["quotes"])
    kept = {q["id"] for q in revised["quotes"]} & {q["id"] for q in first["quotes"]}
    assert len(kept) == len(first["quotes"]) - 1  # only the corrected quote is new
    speakers = {s["name"]: s["id"] for s in client.get("/speakers?limit=100").get_json()["items"]}
    merged = client.post(
        f"/speakers/{speakers['Councillor Bob Stone']}/merge", json={"into": speakers["Bob Stone"]}
    )
    assert merged.status_code == 200 and merged.get_json()["quote_count"] == 3
    assert client.get(f"/speakers/{speakers['Councillor Bob Stone']}").status_code == 308


def test_sqlite_table_rebuilds_keep_the_rows_that_refer_to_them(tmp_path):
    """SQLite rebuilds a table to add NOT NULL (0003: speaker, 0004: article); with foreign keys on,
    dropping the old table deleted the aliases and quotes that referred to it."""
    database = SqliteDatabase(str(tmp_path / "v2.db"), pragmas={"foreign_keys": 1})
    migrations.upgrade(database, target=2)
    for sql in (
        "INSERT INTO speaker (key, name, kind, folded, created_at) "
        "VALUES ('person:ann lee', 'Ann Lee', 'person', 'ann lee', '2024-01-01')",
        "INSERT INTO speakeralias (speaker_id, alias, folded) VALUES (1, 'Ann Lee', 'ann lee')",
        "INSERT INTO article (dedupe_key, text, created_at, dated_at) "
        "VALUES ('k', 't', '2024-01-01', '2024-01-01')",
        "INSERT INTO quote (article_id, speaker_id, position, start_char, end_char, text, kind, confidence, "
        "dated_at) VALUES (1, 1, 0, 0, 1, 't', 'full', 0.9, '2024-01-01')",
    ):
        database.execute_sql(sql)
    migrations.upgrade(database)
    assert database.execute_sql("SELECT speaker_id, alias FROM speakeralias").fetchall() == [(1, "Ann Lee")]
    assert database.execute_sql("SELECT article_id, speaker_id FROM quote").fetchall() == [(1, 1)]
    assert database.pragma("foreign_keys") == 1


def _hashed_as_before_0007(database):
    """The matching index as releases before 0007 kept it: whole, head and every run, by kind."""

    def hashes(speaker_id, norm):
        def h(kind, words):
            data = f"{kind}|{speaker_id or 0}|{words}".encode()
            return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)

        words = norm.split()
        runs = [" ".join(words[i : i + 4]) for i in range(len(words) - 3)]
        return {h("whole", norm)} | (
            {h("head", runs[0]), *(h("gram", r) for r in runs)} if speaker_id and runs else set()
        )

    database.execute_sql("DELETE FROM statement_hash")
    for sid, speaker_id, norm in database.execute_sql(
        "SELECT id, speaker_id, normalized FROM statement"
    ).fetchall():
        for h in hashes(speaker_id, norm):
            database.execute_sql(f"INSERT INTO statement_hash VALUES ({h}, {sid})")


def test_the_rebuilt_matching_index_and_claim_search_find_old_records(old_url):
    """0007 rebuilds statement_hash (new hashes) and, on SQLite, claim_fts (prefix indexes): a quote
    of part of an old statement joins it, and a search finds old claims by the start of a word."""
    _with(old_url, _fill)
    _with(old_url, _hashed_as_before_0007)
    _with(old_url, migrations.upgrade)
    client = keyed_client(make_app(old_url, AUTO_MIGRATE=False), "admin", name="desk")
    statements = client.get("/statements?limit=100").get_json()["items"]
    old = max((s for s in statements if s["speaker"]), key=lambda s: len(s["text"].split()))
    part = " ".join(old["text"].split()[1:6]).strip(",.;:")
    text = f"“{part},” said {old['speaker']['name']} on Tuesday."
    quote = client.post("/articles", json={"text": text, "url": "https://u.example/1"}).get_json()["quotes"][
        0
    ]
    assert quote["statement_id"] == old["id"]
    assert (
        client.get(f"/statements/{old['id']}").get_json()["appearance_count"] == old["appearance_count"] + 1
    )
    claim = client.get("/claims?limit=1").get_json()["items"][0]
    word = max(claim["text"].split(), key=len).strip(",.;:“”\"'").lower()
    found = client.get(f"/claims?q={word[:3]}&limit=100").get_json()["items"]
    assert claim["id"] in [c["id"] for c in found]
