"""The schema step: numbered migrations, applied in order, the version kept in the database.

Each module ``mNNNN_<what>.py`` beside this one is one migration, numbered from
0001 without gaps. It defines ``up(database, migrator)``: ``database`` is the
peewee database, ``migrator`` a ``playhouse.migrate.SchemaMigrator`` for it
(``migrate(migrator.add_column(...))``). A migration that creates tables
defines frozen copies of the models it needs; none imports the live models,
which will have changed by the time it runs on an old database.

``upgrade(database)`` applies what the database lacks, in one transaction that
holds the ``schema`` advisory lock on PostgreSQL (SQLite's BEGIN IMMEDIATE
serialises it there), and records each step in ``schema_version``; a second
run finds nothing to do. ``start_up`` is what create_app runs; the ``flask db``
commands (api/cli/db.py) run ``upgrade`` and ``version`` by hand.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import pkgutil
import re

from peewee import DateTimeField, IntegerField, Model, PostgresqlDatabase, SqliteDatabase, TextField, fn
from playhouse.migrate import SchemaMigrator

from ..locks import hold_until_commit
from ..models import create_tables, utcnow

log = logging.getLogger("api.db")

_MODULE = re.compile(r"m(\d{4})_\w+")


def numbered(names: list[str]) -> list[str]:
    """The migration module names in order of their numbers; refuses a gap or a repeated number:
    ['m0002_b', 'm0001_a', 'notes'] -> ['m0001_a', 'm0002_b']."""
    found = sorted((int(match.group(1)), name) for name in names if (match := _MODULE.fullmatch(name)))
    numbers = [number for number, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps or repeats: {numbers}")
    return [name for _, name in found]


def _discover() -> list:
    """The migration modules of this package, in order."""
    names = numbered([info.name for info in pkgutil.iter_modules(__path__)])
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


MIGRATIONS = _discover()
LATEST = len(MIGRATIONS)


class SchemaVersion(Model):
    """One row per applied migration (frozen, like a migration: never change it); bound to none."""

    version = IntegerField(primary_key=True)
    name = TextField()
    applied_at = DateTimeField()

    class Meta:
        table_name = "schema_version"


class SchemaMismatch(RuntimeError):
    """The database's schema is not the one this code runs on."""


def _real(database):
    """The database behind a DatabaseProxy (migrations and playhouse.migrate need the real one)."""
    return getattr(database, "obj", database)


def version(database) -> int:
    """The schema version of ``database``: the last migration applied, 0 when it has none."""
    database = _real(database)
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    return SchemaVersion.select(fn.MAX(SchemaVersion.version)).scalar(database) or 0


def _refuse_newer(current: int) -> None:
    if current > LATEST:
        raise SchemaMismatch(
            f"The database schema is at version {current}, newer than this code knows "
            f"(version {LATEST}): run the release that migrated it, or restore a matching backup."
        )


@contextlib.contextmanager
def _foreign_keys_off(database):
    """SQLite: foreign keys off while the schema changes, checked before commit, then on again.

    SQLite cannot add NOT NULL to a column or change its type, so ``playhouse.migrate``
    copies the table into a new one and drops the old: with foreign keys on, that drop
    deletes every row referring to it (``ON DELETE CASCADE``: an article's quotes) or
    empties their references (``SET NULL``). The pragma is a no-op inside a transaction,
    so it is set here, before the migrations' transaction begins, as SQLite's manual
    prescribes for schema changes (https://www.sqlite.org/lang_altertable.html#otheralter).
    """
    enabled = isinstance(database, SqliteDatabase) and bool(database.pragma("foreign_keys"))
    if enabled:
        database.pragma("foreign_keys", 0)
        if database.pragma("foreign_keys"):
            raise RuntimeError(
                "Run the schema upgrade outside a transaction: SQLite keeps foreign keys on in one."
            )
    try:
        yield
    finally:
        if enabled:
            database.pragma("foreign_keys", 1)


def _check_references(database) -> None:
    """Before commit (SQLite): every reference still points at a row, or the upgrade rolls back."""
    if isinstance(database, SqliteDatabase):
        broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise SchemaMismatch(
                f"The upgrade would leave {len(broken)} broken references, e.g. {broken[:3]}."
            )


def upgrade(database, target: int | None = None) -> list[int]:
    """Apply every migration ``database`` lacks (up to ``target``, None: all), in order; the numbers
    applied (none: already current). A ``target`` builds the schema of an earlier release (tests)."""
    database = _real(database)
    with _foreign_keys_off(database), database.atomic():
        hold_until_commit("schema", database)
        create_tables(database, [SchemaVersion])
        current = version(database)
        _refuse_newer(current)
        migrator = SchemaMigrator.from_database(database)
        applied = []
        for number, module in enumerate(MIGRATIONS[current:target], start=current + 1):
            module.up(database, migrator)
            name = module.__name__.rsplit(".", 1)[-1]
            SchemaVersion.insert(version=number, name=name, applied_at=utcnow()).execute(database)
            applied.append(number)
            log.info("schema: applied migration %s", name)
        _check_references(database)
    return applied


def start_up(database, auto_upgrade: bool) -> None:
    """Before serving: upgrade an empty or older database (``auto_upgrade``), refuse a newer one.

    Without ``auto_upgrade`` an older database is refused too, naming the command that upgrades it.
    """
    current = version(database)
    _refuse_newer(current)
    if current == LATEST:
        return
    if not auto_upgrade:
        raise SchemaMismatch(
            f"The database schema is at version {current}, this code needs version {LATEST}: "
            "run `flask --app api db upgrade` (or set AUTO_MIGRATE=true)."
        )
    upgrade(database)


def drop_all(database) -> None:
    """Drop every table of ``database``, the version table too (tests; a deliberate fresh start)."""
    database = _real(database)
    postgres = isinstance(database, PostgresqlDatabase)
    if not postgres:  # an FTS5 table first: dropping it drops its shadow tables
        virtual = database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
        for (name,) in virtual.fetchall():
            database.execute_sql(f'DROP TABLE IF EXISTS "{name}"')
    remaining = set(database.get_tables())
    while remaining:  # tables that no remaining table refers to, until none is left
        referred = {
            fk.dest_table
            for table in remaining
            for fk in database.get_foreign_keys(table)
            if fk.dest_table != table
        }
        leaves = (remaining - referred) or remaining
        for table in sorted(leaves):
            database.execute_sql(f'DROP TABLE IF EXISTS "{table}"' + (" CASCADE" if postgres else ""))
        remaining -= leaves
