"""0003 archive scale: counts kept in columns, the statement matching index, keyset indexes,
indexed speaker search, fresh planner statistics.

- speaker: quote_count, article_count, claim_count, first_quoted_at, last_quoted_at; statement:
  appearance_count. Filled here from the rows; the write path keeps them from now on.
- speaker_verdict: verdicts per speaker and rating label, filled here from the reviews.
- statement_hash: every statement under the hashes of ``core.shingles.index_hashes``.
- Indexes in the order of every list (keyset pages), replacing those they make redundant.
- Speaker search: SQLite FTS5 ``trigram`` table over speakeralias.folded, kept by triggers;
  PostgreSQL ``pg_trgm`` GIN index (when the extension cannot be created, searches scan:
  logged, not fatal). Autovacuum analyses the big tables after 2% of changes, not 10%.
- ANALYZE, so that the planner knows the new indexes.

Frozen like every migration: the classes below describe the tables as this release left
them; ``core.shingles`` is the hashing this release defines (a change to it is a new
migration rebuilding statement_hash).
"""

from __future__ import annotations

import logging

from peewee import (
    BigIntegerField,
    CompositeKey,
    DatabaseError,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    PostgresqlDatabase,
    SchemaManager,
    TextField,
)
from playhouse.migrate import migrate

from ...core.shingles import index_hashes
from ..models import chunks, create_tables

log = logging.getLogger("api.db")


class Speaker(Model):  # only what speaker_verdict refers to
    class Meta:
        table_name = "speaker"
        indexes = ((("quote_count", "id"), False),)

    quote_count = IntegerField(default=0)


class StatementHash(Model):
    hash = BigIntegerField()
    statement = IntegerField()

    class Meta:
        table_name = "statement_hash"
        primary_key = CompositeKey("hash", "statement")


class SpeakerVerdict(Model):
    speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
    label = TextField()
    count = IntegerField(default=0)

    class Meta:
        table_name = "speaker_verdict"
        indexes = ((("speaker", "label"), True),)


class Article(Model):
    publisher = TextField(null=True)
    dated_at = DateTimeField()

    class Meta:
        table_name = "article"
        indexes = ((("publisher", "dated_at", "id"), False),)


class Statement(Model):
    speaker = IntegerField(column_name="speaker_id")
    first_seen_at = DateTimeField()

    class Meta:
        table_name = "statement"
        indexes = ((("speaker", "first_seen_at", "id"), False), (("first_seen_at", "id"), False))


class Claim(Model):
    status = TextField()
    created_at = DateTimeField()

    class Meta:
        table_name = "claim"
        indexes = ((("created_at", "id"), False), (("status", "created_at", "id"), False))


class Quote(Model):
    article = IntegerField(column_name="article_id")
    speaker = IntegerField(column_name="speaker_id")
    publisher = TextField()
    position = IntegerField()
    dated_at = DateTimeField()

    class Meta:
        table_name = "quote"


_RECENT = (Quote.dated_at.desc(), Quote.article.desc(), Quote.position)
Quote.add_index(Quote.index(*_RECENT, name="quote_recent"))
Quote.add_index(Quote.index(Quote.speaker, *_RECENT, name="quote_speaker_recent"))
Quote.add_index(Quote.index(Quote.publisher, *_RECENT, name="quote_publisher_recent"))

_REPLACED = [
    ("article", "article_publisher"),
    ("statement", "statement_speaker_id_first_seen_at"),
    ("quote", "quote_speaker_id_dated_at_id"),
    ("quote", "quote_publisher_dated_at_id"),
    ("quote", "quote_dated_at_id"),
]

_COUNTS = [
    "UPDATE speaker SET quote_count = (SELECT COUNT(*) FROM quote WHERE quote.speaker_id = speaker.id), "
    "article_count = (SELECT COUNT(DISTINCT article_id) FROM quote WHERE quote.speaker_id = speaker.id), "
    "first_quoted_at = (SELECT MIN(dated_at) FROM quote WHERE quote.speaker_id = speaker.id), "
    "last_quoted_at = (SELECT MAX(dated_at) FROM quote WHERE quote.speaker_id = speaker.id), "
    "claim_count = (SELECT COUNT(*) FROM claim JOIN statement ON claim.statement_id = statement.id "
    "WHERE statement.speaker_id = speaker.id)",
    "UPDATE statement SET appearance_count = "
    "(SELECT COUNT(*) FROM quote WHERE quote.statement_id = statement.id)",
    "INSERT INTO speaker_verdict (speaker_id, label, count) "
    "SELECT statement.speaker_id, review.rating_label, COUNT(*) FROM review "
    "JOIN claim ON review.claim_id = claim.id JOIN statement ON claim.statement_id = statement.id "
    "WHERE statement.speaker_id IS NOT NULL GROUP BY statement.speaker_id, review.rating_label",
]

_SQLITE_SPEAKER_SEARCH = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS speaker_alias_fts USING fts5("
    "folded, content='speakeralias', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS speaker_alias_fts_insert AFTER INSERT ON speakeralias BEGIN "
    "INSERT INTO speaker_alias_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER IF NOT EXISTS speaker_alias_fts_delete AFTER DELETE ON speakeralias BEGIN "
    "INSERT INTO speaker_alias_fts(speaker_alias_fts, rowid, folded) "
    "VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER IF NOT EXISTS speaker_alias_fts_update AFTER UPDATE OF folded ON speakeralias BEGIN "
    "INSERT INTO speaker_alias_fts(speaker_alias_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO speaker_alias_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "INSERT INTO speaker_alias_fts(speaker_alias_fts) VALUES ('rebuild')",
]
_POSTGRES_SPEAKER_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS speaker_alias_folded_trgm ON speakeralias USING gin (folded gin_trgm_ops)",
]
_BIG_TABLES = ("quote", "statement", "statement_hash", "claim", "speakeralias")


def _hash_statements(database) -> None:
    last = 0
    while True:
        rows = database.execute_sql(
            f"SELECT id, speaker_id, normalized FROM statement WHERE id > {database.param} "
            "ORDER BY id LIMIT 2000",
            (last,),
        ).fetchall()
        if not rows:
            return
        values = [(h, sid) for sid, speaker_id, norm in rows for h in index_hashes(speaker_id, norm)]
        for part in chunks(values, 1000):
            StatementHash.insert_many(part, fields=[StatementHash.hash, StatementHash.statement]).execute(
                database
            )
        last = rows[-1][0]


def backfill(database) -> None:
    """Fill the counts, verdict tallies and matching index from the rows already stored."""
    for statement in _COUNTS:
        database.execute_sql(statement)
    _hash_statements(database)


def _postgres_speaker_search(database) -> None:
    try:
        with database.atomic():  # a savepoint: a refused extension leaves the upgrade going
            for statement in _POSTGRES_SPEAKER_SEARCH:
                database.execute_sql(statement)
    except DatabaseError as exc:
        log.warning("pg_trgm unavailable (%s): speaker search will scan speakeralias", exc)


def up(database, migrator) -> None:
    postgres = isinstance(database, PostgresqlDatabase)
    migrate(
        migrator.add_column("speaker", "quote_count", IntegerField(default=0)),
        migrator.add_column("speaker", "article_count", IntegerField(default=0)),
        migrator.add_column("speaker", "claim_count", IntegerField(default=0)),
        migrator.add_column("speaker", "first_quoted_at", DateTimeField(null=True)),
        migrator.add_column("speaker", "last_quoted_at", DateTimeField(null=True)),
        migrator.add_column("statement", "appearance_count", IntegerField(default=0)),
        *(migrator.drop_index(table, name) for table, name in _REPLACED),
    )
    create_tables(database, [StatementHash, SpeakerVerdict])
    for model in (Speaker, Article, Statement, Claim, Quote):
        SchemaManager(model, database).create_indexes(safe=True)
    backfill(database)
    if postgres:
        _postgres_speaker_search(database)
        for table in _BIG_TABLES:
            database.execute_sql(
                f"ALTER TABLE {table} SET (autovacuum_analyze_scale_factor = 0.02, "
                "autovacuum_vacuum_scale_factor = 0.05)"
            )
    else:
        for statement in _SQLITE_SPEAKER_SEARCH:
            database.execute_sql(statement)
    database.execute_sql("ANALYZE")
