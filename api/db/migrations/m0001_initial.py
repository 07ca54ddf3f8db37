"""0001 initial: the schema of the first release, and its claim full-text index.

Frozen: the classes below copy the models as they stood when this migration was
written, and the index statements are the ones that release ran. Never edit them
and never import the live models here: a change to the schema is a new migration.

Tables are created ``IF NOT EXISTS``, so a database made by the release before
migrations existed (the same tables, no ``schema_version``) is adopted as version 1.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    Model,
    PostgresqlDatabase,
    TextField,
)

from ..models import create_tables


class Article(Model):
    dedupe_key = CharField(max_length=80, unique=True)
    url = TextField(null=True)
    title = TextField(null=True)
    publisher = CharField(max_length=200, null=True, index=True)
    published_at = DateTimeField(null=True)
    language = CharField(max_length=35, null=True)
    text = TextField()
    created_at = DateTimeField()
    dated_at = DateTimeField(index=True)

    class Meta:
        indexes = ((("dated_at", "id"), False),)


class Speaker(Model):
    key = CharField(max_length=400, unique=True)
    name = TextField()
    title = TextField(null=True)
    kind = CharField(max_length=20)
    folded = TextField(index=True)
    created_at = DateTimeField()


class SpeakerAlias(Model):
    speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
    alias = TextField()
    folded = CharField(max_length=400, index=True)

    class Meta:
        indexes = ((("speaker", "folded"), True),)


class Statement(Model):
    key = CharField(max_length=80, unique=True)
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
    text = TextField()
    normalized = TextField()
    word_count = IntegerField()
    first_seen_at = DateTimeField(index=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        indexes = ((("speaker", "first_seen_at"), False),)


class Quote(Model):
    article = ForeignKeyField(Article, on_delete="CASCADE")
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
    statement = ForeignKeyField(Statement, null=True, on_delete="SET NULL")
    position = IntegerField()
    start = IntegerField(column_name="start_char")
    end = IntegerField(column_name="end_char")
    text = TextField()
    kind = CharField(max_length=20)
    confidence = FloatField()
    mention_text = TextField(null=True)
    mention_start = IntegerField(null=True)
    mention_end = IntegerField(null=True)
    cue_text = TextField(null=True)
    cue_start = IntegerField(null=True)
    cue_end = IntegerField(null=True)
    publisher = CharField(max_length=200, null=True)
    dated_at = DateTimeField()

    class Meta:
        indexes = (
            (("article", "position"), True),
            (("speaker", "dated_at", "id"), False),
            (("publisher", "dated_at", "id"), False),
            (("dated_at", "id"), False),
            (("statement", "dated_at"), False),
        )


class Claim(Model):
    statement = ForeignKeyField(Statement, on_delete="CASCADE")
    text = TextField()
    normalized = TextField()
    norm_hash = CharField(max_length=64, index=True)
    folded = TextField()
    score = FloatField(index=True)
    features = JSONField()
    origin = CharField(max_length=10)
    status = CharField(max_length=12, index=True)
    assignee = TextField(null=True)
    created_at = DateTimeField(index=True)
    updated_at = DateTimeField()

    class Meta:
        indexes = ((("statement", "norm_hash"), True),)


class Review(Model):
    claim = ForeignKeyField(Claim, on_delete="CASCADE")
    rating_label = TextField()
    rating_value = FloatField()
    best_rating = FloatField()
    worst_rating = FloatField()
    reviewer = TextField()
    reviewer_url = TextField(null=True)
    url = TextField()
    date_published = DateField()
    summary = TextField(null=True)
    created_at = DateTimeField()


class Change(Model):
    id = AutoField()
    entity = CharField(max_length=12)
    entity_id = IntegerField()
    action = CharField(max_length=10)
    at = DateTimeField()


MODELS = [Article, Speaker, SpeakerAlias, Statement, Quote, Claim, Review, Change]

# SQLite: an FTS5 index over claim.folded, kept current by triggers.
_SQLITE_FULL_TEXT = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5("
    "folded, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_update AFTER UPDATE OF folded ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO claim_fts(rowid, folded) VALUES (new.id, new.folded); END",
]
# PostgreSQL: a GIN index on the expression that facts/search.py queries.
_POSTGRES_FULL_TEXT = [
    "CREATE INDEX IF NOT EXISTS claim_folded_fts ON claim USING gin (to_tsvector('simple', folded))"
]


def up(database, migrator) -> None:
    create_tables(database, MODELS)
    postgres = isinstance(database, PostgresqlDatabase)
    for statement in _POSTGRES_FULL_TEXT if postgres else _SQLITE_FULL_TEXT:
        database.execute_sql(statement)
