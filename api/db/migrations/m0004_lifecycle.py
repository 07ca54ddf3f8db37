"""0004 lifecycle: article revisions, editors' fixes of quotes, speaker merges and identities.

- article: revision (the current revision's number), updated_at (when it was last revised; its
  creation until then); every stored article gets its revision 1 in article_revision (its text
  and title as they are, dated when it was stored).
- article_revision: each version of an article's text, who stored it, which quotes it added
  and removed.
- quote: fixed_at, fixed_by (an editor's fix, once one was made); quote_fix: the fix itself,
  by article and the quote's normalized words, so that re-extraction applies it again.
- speaker: same_as (outside identities: URLs), updated_at (its creation until a fix, a merge
  or a new title moves it); speaker_merge: where a merged
  speaker went (its id and key), so that the old id and the engine's old name both lead there.

Frozen like every migration: the classes below describe the tables as this release left them.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    Model,
    TextField,
)
from playhouse.migrate import migrate

from ..models import create_tables


class Article(Model):  # only what the new tables refer to
    class Meta:
        table_name = "article"


class Speaker(Model):
    class Meta:
        table_name = "speaker"


class ArticleRevision(Model):
    article = ForeignKeyField(Article, on_delete="CASCADE")
    number = IntegerField()
    text = TextField()
    title = TextField(null=True)
    created_at = DateTimeField()
    actor = CharField(max_length=100, null=True)
    added = JSONField()
    removed = JSONField()
    kept = IntegerField()

    class Meta:
        table_name = "article_revision"
        indexes = ((("article", "number"), True),)


class QuoteFix(Model):
    article = ForeignKeyField(Article, on_delete="CASCADE")
    norm_hash = CharField(max_length=64)
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
    not_a_quote = BooleanField()
    actor = CharField(max_length=100, null=True)
    at = DateTimeField()

    class Meta:
        table_name = "quote_fix"
        indexes = ((("article", "norm_hash"), True),)


class SpeakerMerge(Model):
    old_id = IntegerField(primary_key=True)
    old_key = CharField(max_length=400, unique=True)
    speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
    actor = CharField(max_length=100, null=True)
    at = DateTimeField()

    class Meta:
        table_name = "speaker_merge"


_FIRST_REVISIONS = (
    "INSERT INTO article_revision (article_id, number, text, title, created_at, actor, added, removed, kept) "
    "SELECT id, 1, text, title, created_at, NULL, '[]', '[]', "
    "(SELECT COUNT(*) FROM quote WHERE quote.article_id = article.id) FROM article"
)


def up(database, migrator) -> None:
    migrate(
        migrator.add_column("article", "revision", IntegerField(default=1)),
        migrator.add_column("article", "updated_at", DateTimeField(null=True)),
        migrator.add_column("speaker", "same_as", JSONField(null=True)),
        migrator.add_column("speaker", "updated_at", DateTimeField(null=True)),
        migrator.add_column("quote", "fixed_at", DateTimeField(null=True)),
        migrator.add_column("quote", "fixed_by", CharField(max_length=100, null=True)),
    )
    create_tables(database, [ArticleRevision, QuoteFix, SpeakerMerge])
    database.execute_sql(_FIRST_REVISIONS)
    for table in ("article", "speaker"):
        database.execute_sql(f"UPDATE {table} SET updated_at = created_at")
