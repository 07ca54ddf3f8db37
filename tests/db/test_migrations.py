"""The schema step: versioned migrations at start-up and by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from peewee import SqliteDatabase

from api import create_app, db
from api.db import migrations
from api.db.migrations import m0001_initial
from api.db.models import create_tables

from ..apps import MODELS, PG_URL

URLS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=URLS)
def empty_url(request, tmp_path):
    """The URL of an empty database; PostgreSQL's is left at the latest version afterwards."""
    url = PG_URL if request.param == "postgresql" else f"sqlite:///{tmp_path}/schema.db"
    _with(url, migrations.drop_all)
    yield url
    if request.param == "postgresql":
        _with(url, migrations.drop_all)
        _with(url, migrations.upgrade)


def _with(url: str, step):
    """Run ``step(database)`` on a connection to ``url``; its result."""
    db.init(url)
    db.open_connection()
    try:
        return step(db.database)
    finally:
        db.close_connection()


def _set_version(number: int):
    def step(database):
        database.execute_sql(
            f"INSERT INTO schema_version (version, name, applied_at) VALUES ({number}, 'later', '2030-01-01')"
        )

    return step


def test_start_up_brings_a_fresh_database_to_the_latest_version(empty_url):
    assert _with(empty_url, migrations.version) == 0
    create_app({"DATABASE_URL": empty_url})
    assert _with(empty_url, migrations.version) == migrations.LATEST == len(migrations.MIGRATIONS)
    tables = set(_with(empty_url, lambda database: database.get_tables()))
    assert {m._meta.table_name for m in MODELS} | {"schema_version"} <= tables


def test_upgrade_twice_is_a_no_op(empty_url):
    assert _with(empty_url, migrations.upgrade) == list(range(1, migrations.LATEST + 1))
    assert _with(empty_url, migrations.upgrade) == []
    assert _with(empty_url, migrations.version) == migrations.LATEST


def test_a_database_newer_than_the_code_is_refused(empty_url):
    _with(empty_url, migrations.upgrade)
    _with(empty_url, _set_version(migrations.LATEST + 1))
    newer = f"version {migrations.LATEST + 1}, newer than this code knows (version {migrations.LATEST})"
    with pytest.raises(migrations.SchemaMismatch, match=newer.replace("(", r"\(").replace(")", r"\)")):
        create_app({"DATABASE_URL": empty_url})
    with pytest.raises(migrations.SchemaMismatch):
        _with(empty_url, migrations.upgrade)


def test_without_auto_migrate_an_older_database_is_refused_naming_the_command(empty_url):
    with pytest.raises(migrations.SchemaMismatch, match="flask --app api db upgrade"):
        create_app({"DATABASE_URL": empty_url, "AUTO_MIGRATE": False})
    assert _with(empty_url, migrations.version) == 0
    _with(empty_url, migrations.upgrade)
    create_app({"DATABASE_URL": empty_url, "AUTO_MIGRATE": False})  # current: starts


def test_workers_starting_together_upgrade_once(empty_url):
    applied, barrier = [], threading.Barrier(4)
    db.init(empty_url)

    def start():
        barrier.wait()
        db.open_connection()
        try:
            applied.append(migrations.upgrade(db.database))
        finally:
            db.close_connection()

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(applied) == [[]] * 3 + [list(range(1, migrations.LATEST + 1))]


def test_a_database_made_before_migrations_is_adopted_with_its_rows(tmp_path):
    url = f"sqlite:///{tmp_path}/release.db"

    def release_schema(database):  # what the release before migrations created: no schema_version
        m0001_initial.up(database.obj, None)
        database.execute_sql(
            "INSERT INTO speaker (key, name, kind, folded, created_at) "
            "VALUES ('person:ann lee', 'Ann Lee', 'person', 'ann lee', '2024-01-01')"
        )

    _with(url, release_schema)
    create_app({"DATABASE_URL": url})
    assert _with(url, migrations.version) == migrations.LATEST
    assert _with(url, lambda database: database.execute_sql("SELECT name FROM speaker").fetchall()) == [
        ("Ann Lee",)
    ]


def test_the_migrations_make_the_schema_the_models_describe(tmp_path):
    """A model changed without a migration (or the other way round) fails here. Triggers are the
    migrations' alone (full-text tables, speaker names): no model describes them."""

    def schema(database):
        rows = database.execute_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '%_fts%' AND type != 'trigger' "
            "AND name NOT LIKE 'schema_version%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
        )
        return rows.fetchall()

    migrated = SqliteDatabase(str(tmp_path / "migrated.db"))
    migrations.upgrade(migrated)
    described = SqliteDatabase(str(tmp_path / "described.db"))
    create_tables(described, MODELS)
    assert schema(migrated) == schema(described)


def test_migrations_are_numbered_without_gaps_or_repeats():
    assert migrations.numbered(["m0002_b", "m0001_a", "notes"]) == ["m0001_a", "m0002_b"]
    assert migrations.numbered(["m0003_c", "m0001_a", "m0002_b"]) == ["m0001_a", "m0002_b", "m0003_c"]
    with pytest.raises(RuntimeError):  # two migrations under one number, whatever their names
        migrations.numbered(["m0001_a", "m0002_b", "m0002_reserved"])
    with pytest.raises(RuntimeError):
        migrations.numbered(["m0001_a", "m0003_c"])
    with pytest.raises(RuntimeError):
        migrations.numbered(["m0001_a", "m0001_b"])
