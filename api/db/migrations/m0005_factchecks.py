"""0005 fact-checks: imported ClaimReview and verdicts as fact-checks, claims' matches with them,
webhooks and their deliveries (the outbox), the change log indexed by entity.

- factcheck: one row per review url (unique), with its search index (SQLite FTS5
  ``factcheck_fts`` kept by triggers; PostgreSQL a GIN tsvector index on ``folded``).
  The verdicts already recorded become fact-checks here (source 'verdict').
- claim_match: a claim's suggested matches, confirmed or rejected by a checker.
- webhook, delivery: subscriptions, and the events derived for each from the change log.
- change (entity, id): the matching index and the outbox read one entity's changes after a cursor.

Frozen like every migration: the classes below describe the tables as this release made them.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DoubleField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    Model,
    PostgresqlDatabase,
    SchemaManager,
    TextField,
)

from ..models import create_tables


class Claim(Model):  # only what the new tables refer to
    class Meta:
        table_name = "claim"


class Speaker(Model):
    class Meta:
        table_name = "speaker"


class Change(Model):  # only its new index
    entity = CharField(max_length=12)

    class Meta:
        table_name = "change"
        indexes = ((("entity", "id"), False),)


class FactCheck(Model):
    claim_text = TextField()
    title = TextField(null=True)
    claimant = TextField(null=True)
    claim_date = DateField(null=True)
    rating_label = TextField(null=True)
    rating_value = DoubleField(null=True)
    best_rating = DoubleField(null=True)
    worst_rating = DoubleField(null=True)
    reviewer = TextField(null=True)
    reviewer_url = TextField(null=True)
    url = TextField(unique=True)
    review_date = DateField(null=True)
    language = CharField(max_length=35, null=True)
    source = CharField(max_length=10)
    claim = ForeignKeyField(Claim, null=True, on_delete="SET NULL")
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
    folded = TextField()
    raw = JSONField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    actor = CharField(max_length=100, null=True)

    class Meta:
        table_name = "factcheck"
        indexes = ((("created_at", "id"), False),)


class ClaimMatch(Model):
    claim = ForeignKeyField(Claim, on_delete="CASCADE")
    factcheck = ForeignKeyField(FactCheck, on_delete="CASCADE")
    similarity = FloatField(null=True)
    status = CharField(max_length=10)
    actor = CharField(max_length=100, null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "claim_match"
        indexes = ((("claim", "factcheck"), True),)


class Webhook(Model):
    url = TextField()
    events = JSONField()
    secret = TextField()
    description = TextField(null=True)
    active = BooleanField(default=True)
    cursor = IntegerField(default=0)
    created_at = DateTimeField()
    actor = CharField(max_length=100, null=True)

    class Meta:
        table_name = "webhook"


class Delivery(Model):
    webhook = ForeignKeyField(Webhook, on_delete="CASCADE")
    change = IntegerField()
    event = CharField(max_length=20)
    body = TextField()
    status = CharField(max_length=10, index=True)
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField()
    response_status = IntegerField(null=True)
    error = TextField(null=True)
    created_at = DateTimeField()
    delivered_at = DateTimeField(null=True)

    class Meta:
        table_name = "delivery"
        indexes = (
            (("webhook", "change", "event"), True),
            (("status", "next_attempt_at"), False),
            (("webhook", "id"), False),
        )


_SQLITE_SEARCH = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS factcheck_fts USING fts5("
    "folded, content='factcheck', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS factcheck_fts_insert AFTER INSERT ON factcheck BEGIN "
    "INSERT INTO factcheck_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER IF NOT EXISTS factcheck_fts_delete AFTER DELETE ON factcheck BEGIN "
    "INSERT INTO factcheck_fts(factcheck_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER IF NOT EXISTS factcheck_fts_update AFTER UPDATE OF folded ON factcheck BEGIN "
    "INSERT INTO factcheck_fts(factcheck_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO factcheck_fts(rowid, folded) VALUES (new.id, new.folded); END",
]
_POSTGRES_SEARCH = [
    "CREATE INDEX IF NOT EXISTS factcheck_folded_fts ON factcheck USING gin (to_tsvector('simple', folded))"
]

# The verdicts recorded before this release, as fact-checks (the write path makes them from now on);
# a url reviewed twice keeps its latest verdict. lower() folds ASCII case only: the next write of
# the fact-check refolds it fully.
_VERDICTS = (
    "INSERT INTO factcheck (claim_text, claimant, claim_date, rating_label, rating_value, best_rating, "
    "worst_rating, reviewer, reviewer_url, url, review_date, source, claim_id, speaker_id, folded, "
    "created_at, updated_at, actor) "
    "SELECT claim.text, speaker.name, date(statement.first_seen_at), review.rating_label, "
    "review.rating_value, "
    "review.best_rating, review.worst_rating, review.reviewer, review.reviewer_url, review.url, "
    "review.date_published, 'verdict', claim.id, statement.speaker_id, lower(claim.folded), "
    "review.created_at, review.created_at, review.actor "
    "FROM review JOIN claim ON review.claim_id = claim.id "
    "JOIN statement ON claim.statement_id = statement.id "
    "LEFT JOIN speaker ON statement.speaker_id = speaker.id "
    "WHERE review.id IN (SELECT MAX(id) FROM review GROUP BY url)"
)


def up(database, migrator) -> None:
    create_tables(database, [FactCheck, ClaimMatch, Webhook, Delivery])
    SchemaManager(Change, database).create_indexes(safe=True)
    search = _POSTGRES_SEARCH if isinstance(database, PostgresqlDatabase) else _SQLITE_SEARCH
    for statement in search:
        database.execute_sql(statement)
    database.execute_sql(_VERDICTS)
