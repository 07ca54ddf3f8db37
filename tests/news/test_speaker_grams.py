"""speaker_gram (migration 0009): every letter and pair of letters of a speaker's aliases, kept by
triggers through every change to the aliases, and the search of a fragment shorter than a trigram
that reads it: the same speakers as a scan of the aliases would find."""

from __future__ import annotations

import pytest

from api import db
from api.db import migrations
from api.news.models import Speaker, SpeakerAlias

from ..apps import PG_URL, keyed_client, make_app, reset_database
from ..db.test_migrations import _with

TEXT = (
    "“Taxes will fall,” said Ann Lee. “We are ready,” said Lloyd Austin. “Not so fast,” said José Núñez. "
    "“It is done,” said Ruth Quezada. “Roads first,” Ann Lee said."
)


def _grams(folded: str) -> set[str]:
    """'ann lee' -> {a, n, l, e, an, nn, le, ee}: what the triggers keep, computed here."""
    pieces = {folded[i : i + n] for n in (1, 2) for i in range(len(folded) - n + 1)}
    return {p for p in pieces if " " not in p}


def _expected(database) -> set[tuple[str, int]]:
    rows = database.execute_sql("SELECT speaker_id, folded FROM speakeralias").fetchall()
    return {(gram, speaker) for speaker, folded in rows for gram in _grams(folded)}


def _kept(database) -> set[tuple[str, int]]:
    return set(database.execute_sql("SELECT gram, speaker_id FROM speaker_gram").fetchall())


def _names(client, q: str) -> tuple[list[str], int]:
    body = client.get("/speakers", query_string={"q": q, "limit": 100}).get_json()
    return [s["name"] for s in body["items"]], body["total"]


def test_the_triggers_keep_every_gram_of_every_alias(client, post_article):
    post_article(text=TEXT)
    assert _kept(db.database) == _expected(db.database) and ("qu", _id("Ruth Quezada")) in _kept(db.database)
    austin, ruth = Speaker.get(Speaker.name == "Lloyd Austin"), Speaker.get(Speaker.name == "Ruth Quezada")
    SpeakerAlias.create(speaker=austin, alias="SecDef", folded="secdef")  # added
    assert ("cd", austin.id) in _kept(db.database)
    SpeakerAlias.update(folded="secdefx").where(SpeakerAlias.folded == "secdef").execute()  # changed
    assert ("fx", austin.id) in _kept(db.database) and _kept(db.database) == _expected(db.database)
    SpeakerAlias.delete().where(SpeakerAlias.folded == "secdefx").execute()  # removed
    assert ("cd", austin.id) not in _kept(db.database) and ("ll", austin.id) in _kept(db.database)
    merged = client.post(f"/speakers/{ruth.id}/merge", json={"into": austin.id})  # moved, old one gone
    assert merged.status_code == 200
    kept = _kept(db.database)
    assert kept == _expected(db.database)
    assert ("qu", austin.id) in kept and not any(speaker == ruth.id for _, speaker in kept)


def _id(name: str) -> int:
    return Speaker.get(Speaker.name == name).id


@pytest.mark.parametrize("cap", [1, 1000])  # many matches walked / every match sorted
def test_a_short_fragment_finds_what_a_scan_of_the_aliases_finds(database_url, cap):
    app = make_app(database_url, SEARCH_COUNT_LIMIT=cap, RESPONSE_CACHE=False)
    reset_database(app)
    client = keyed_client(app, "admin")
    assert client.post("/articles", json={"text": TEXT, "url": "https://g.example/1"}).status_code == 201
    speakers = list(Speaker.select().order_by(Speaker.quote_count.desc(), Speaker.id.desc()))
    aliases = {s.id: [a.folded for a in s.aliases] for s in speakers}
    fragments = {g for folded in sum(aliases.values(), []) for g in _grams(folded)} | {"qz", "%", "_", "Qu"}
    for q in sorted(fragments):
        found = [s.name for s in speakers if any(q.lower() in f for f in aliases[s.id])]
        assert _names(client, q) == (found[:100], min(len(found), cap)), q


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def url_at_8(request, tmp_path):
    url = PG_URL if request.param == "postgresql" else f"sqlite:///{tmp_path}/v8.db"
    _with(url, migrations.drop_all)
    _with(url, lambda database: migrations.upgrade(database, target=8))
    yield url
    if request.param == "postgresql":  # leave it as the other tests expect: current and empty
        _with(url, migrations.drop_all)
        _with(url, migrations.upgrade)


def test_the_upgrade_fills_the_grams_of_the_aliases_stored_before(url_at_8):
    def fill(database):
        for i, name in enumerate(["Ann Lee", "Ruth Quezada", "Núñez"], start=1):
            folded = name.lower().replace("ú", "u").replace("ñ", "n")
            database.execute_sql(
                "INSERT INTO speaker (key, name, kind, folded, created_at, quote_count, article_count, "
                "claim_count) "
                f"VALUES ('person:{folded}', '{name}', 'person', '{folded}', '2024-01-01', 0, 0, 0)"
            )
            database.execute_sql(
                f"INSERT INTO speakeralias (speaker_id, alias, folded) VALUES ({i}, '{name}', '{folded}')"
            )

    _with(url_at_8, fill)
    assert _with(url_at_8, migrations.upgrade) == list(range(9, migrations.LATEST + 1))
    kept = _with(url_at_8, _kept)
    assert kept == _with(url_at_8, _expected) and ("qu", 2) in kept and ("nu", 3) in kept
