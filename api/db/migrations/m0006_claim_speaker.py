"""0006 claim speaker: ``claim.speaker_id``, its statement's speaker, kept by the write path, so that
``GET /claims?speaker=`` reads one index in list order instead of joining through statements.

- claim.speaker_id: nullable, filled here from each claim's statement (a plain integer, no
  foreign key: SQLite adds a referencing column only with an inline constraint, unlike the
  table the model describes; it is a copy of statement.speaker_id, whose key it follows).
- Index (speaker_id, created_at, id): the claims of a speaker newest first, paged by keyset.

Uses only the claim, statement and speaker tables of 0001-0003 (none of 0004/0005's), so it
applies after whatever those add. Frozen like every migration.
"""

from __future__ import annotations

from peewee import DateTimeField, IntegerField, Model, SchemaManager
from playhouse.migrate import migrate


class Claim(Model):
    speaker = IntegerField(column_name="speaker_id", null=True)
    created_at = DateTimeField()

    class Meta:
        table_name = "claim"
        indexes = ((("speaker", "created_at", "id"), False),)


BACKFILL = (
    "UPDATE claim SET speaker_id = "
    "(SELECT statement.speaker_id FROM statement WHERE statement.id = claim.statement_id)"
)


def up(database, migrator) -> None:
    migrate(migrator.add_column("claim", "speaker_id", IntegerField(null=True)))
    database.execute_sql(BACKFILL)
    SchemaManager(Claim, database).create_indexes(safe=True)
    database.execute_sql("ANALYZE claim")
