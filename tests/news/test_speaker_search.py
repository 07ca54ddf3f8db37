"""speaker_search (migration 0011, PostgreSQL): each speaker's folded aliases in one row, kept by
triggers on speaker through every change to the aliases, and the name search of a trigram or more
that counts its matches from it: the same speakers and totals as a scan of the aliases finds."""

from __future__ import annotations

import pytest

from api import db
from api.core.text import fold
from api.db import migrations
from api.news.models import Speaker, SpeakerAlias

from ..apps import PG_URL, keyed_client, make_app, reset_database
from ..db.test_migrations import _with
from .test_speaker_grams import TEXT, _names


def _expected(database) -> set[tuple[int, str]]:
    rows = database.execute_sql("SELECT speaker_id, folded FROM speakeralias ORDER BY id").fetchall()
    names: dict[int, list[str]] = {}
    for speaker, folded in rows:
        names.setdefault(speaker, []).append(folded)
    every = {s for (s,) in database.execute_sql("SELECT id FROM speaker").fetchall()}
    return {(s, "\n".join(names.get(s, []))) for s in every}


def _kept(database) -> set[tuple[int, str]]:
    return set(database.execute_sql("SELECT speaker_id, names FROM speaker_search").fetchall())


@pytest.fixture
def postgres_client(client, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("speaker_search is PostgreSQL's (SQLite counts through its FTS5 table)")
    return client


def test_the_triggers_keep_each_speakers_names(postgres_client, post_article):
    client = postgres_client
    post_article(text=TEXT)
    assert _kept(db.database) == _expected(db.database) and len(_kept(db.database)) == 4
    austin, ruth = Speaker.get(Speaker.name == "Lloyd Austin"), Speaker.get(Speaker.name == "Ruth Quezada")
    SpeakerAlias.create(speaker=austin, alias="SecDef", folded="secdef")  # added
    assert (austin.id, "lloyd austin\nsecdef") in _kept(db.database)
    SpeakerAlias.update(folded="secdefx").where(SpeakerAlias.folded == "secdef").execute()  # changed
    assert (austin.id, "lloyd austin\nsecdefx") in _kept(db.database)
    SpeakerAlias.delete().where(SpeakerAlias.folded == "secdefx").execute()  # removed
    assert (austin.id, "lloyd austin") in _kept(db.database)
    Speaker.update(quote_count=Speaker.quote_count + 1).where(Speaker.id == austin.id).execute()  # not a name
    assert _kept(db.database) == _expected(db.database)
    merged = client.post(f"/speakers/{ruth.id}/merge", json={"into": austin.id})  # moved, old one gone
    assert merged.status_code == 200
    kept = _kept(db.database)
    assert kept == _expected(db.database) and (austin.id, "lloyd austin\nruth quezada") in kept
    assert not any(speaker == ruth.id for speaker, _ in kept)


def _fragments(folded: str) -> set[str]:
    """Every piece of three letters or more of ``folded`` that a search could be: 'ann' -> {'ann'}."""
    return {folded[i:j] for i in range(len(folded)) for j in range(i + 3, len(folded) + 1)}


@pytest.mark.parametrize("cap", [1, 2, 1000])  # many matches walked / counted at the cap / every one sorted
def test_a_fragment_finds_what_a_scan_of_the_aliases_finds(database_url, cap):
    app = make_app(database_url, SEARCH_COUNT_LIMIT=cap, RESPONSE_CACHE=False)
    reset_database(app)
    client = keyed_client(app, "admin")
    text = TEXT + " “More roads,” said Ann Leeds. “And more,” Lee Ann Ruth said."
    assert client.post("/articles", json={"text": text, "url": "https://s.example/1"}).status_code == 201
    speakers = list(Speaker.select().order_by(Speaker.quote_count.desc(), Speaker.id.desc()))
    aliases = {s.id: [a.folded for a in s.aliases] for s in speakers}
    pieces = {p for folded in sum(aliases.values(), []) for p in _fragments(folded)}
    for q in sorted(pieces | {"xqz", "n\nl", "a%e", "ANN", "Ruth Q"}):
        found = [s.name for s in speakers if any(fold(q) in f for f in aliases[s.id])]
        assert _names(client, q) == (found[:100], min(len(found), cap)), q


@pytest.fixture
def url_at_10():
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    _with(PG_URL, migrations.drop_all)
    _with(PG_URL, lambda database: migrations.upgrade(database, target=10))
    yield PG_URL
    _with(PG_URL, migrations.drop_all)  # leave it as the other tests expect: current and empty
    _with(PG_URL, migrations.upgrade)


def test_the_upgrade_fills_the_rows_of_the_speakers_stored_before(url_at_10):
    def fill(database):
        for i, name in enumerate(["Ann Lee", "Ruth Quezada", "Nobody Yet"], start=1):
            folded = name.lower()
            database.execute_sql(
                "INSERT INTO speaker (key, name, kind, folded, created_at, quote_count, article_count, "
                "claim_count) "
                f"VALUES ('person:{folded}', '{name}', 'person', '{folded}', '2024-01-01', 0, 0, 0)"
            )
            if i < 3:
                database.execute_sql(
                    f"INSERT INTO speakeralias (speaker_id, alias, folded) VALUES ({i}, '{name}', '{folded}')"
                )

    _with(url_at_10, fill)
    assert _with(url_at_10, migrations.upgrade) == list(range(11, migrations.LATEST + 1))
    assert _with(url_at_10, _kept) == {(1, "ann lee"), (2, "ruth quezada"), (3, "")}
