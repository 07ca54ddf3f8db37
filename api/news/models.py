"""Articles, speakers with aliases, statements, and quotes (a statement's appearances)."""

from __future__ import annotations

from peewee import (
    SQL,
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    TextField,
)

from ..db.models import BaseModel, utcnow


class Article(BaseModel):
    # "url:<sha256 of url>" or "text:<sha256 of text>": one row per article, even under races.
    dedupe_key = CharField(max_length=80, unique=True)
    url = TextField(null=True)
    title = TextField(null=True)
    publisher = CharField(max_length=200, null=True)
    published_at = DateTimeField(null=True)
    language = CharField(max_length=35, null=True)
    text = TextField()
    created_at = DateTimeField(default=utcnow)
    dated_at = DateTimeField()  # published_at, else ingestion time: what lists sort by ((dated_at, id))
    revision = IntegerField(default=1)  # the number of its current text's revision
    updated_at = DateTimeField(null=True, default=utcnow)  # when that revision was stored

    class Meta:
        indexes = ((("dated_at", "id"), False), (("publisher", "dated_at", "id"), False))


# The columns of an article that quotes carry along (not its text).
ARTICLE_REF = (Article.id, Article.url, Article.title, Article.publisher, Article.published_at)


class Speaker(BaseModel):
    key = CharField(max_length=400, unique=True)  # "<kind>:<folded name>": one row per person
    name = TextField()
    title = TextField(null=True)
    kind = CharField(max_length=20)
    folded = TextField()  # unindexed: name searches read speakeralias
    created_at = DateTimeField(default=utcnow)
    # Kept by the write path (news/tallies.py), so that no page aggregates quotes or claims.
    quote_count = IntegerField(default=0)
    article_count = IntegerField(default=0)
    claim_count = IntegerField(default=0)
    first_quoted_at = DateTimeField(null=True)
    last_quoted_at = DateTimeField(null=True)
    same_as = JSONField(null=True)  # URLs of the same person elsewhere (Wikidata, ...); None: none
    updated_at = DateTimeField(null=True, default=utcnow)  # its last fix, merge or new title
    # Every folded alias, joined by a line feed: kept by triggers on speakeralias (migration 0008),
    # read by a name search walking the list's index, which carries it.
    names = TextField(default="", constraints=[SQL("DEFAULT ''")])
    # The aliases as given, a JSON array in the order they were added: the same triggers keep it, so
    # that a list page reads its speakers' aliases with them (``news.queries.aliases_of`` reads the rows).
    aliases_json = TextField(default="[]", constraints=[SQL("DEFAULT '[]'")])

    class Meta:
        # Most quoted first, paged by keyset; names rides along for a search's walk (on PostgreSQL as
        # INCLUDE (names): migration 0008 makes it). By id, the keys alone, for a search that sorts its
        # matches (SQLite only: migration 0010).
        indexes = ((("quote_count", "id", "names"), False), (("id", "quote_count"), False))


class SpeakerGram(BaseModel):
    """A name search's index for a fragment shorter than a trigram: each distinct letter and pair of
    letters (none holding a space) of a speaker's folded aliases, under it. Kept by triggers on
    speakeralias (migration 0009), like ``Speaker.names``; no foreign key (derived rows)."""

    gram = TextField()
    speaker_id = IntegerField()

    class Meta:
        table_name = "speaker_gram"
        primary_key = CompositeKey("gram", "speaker_id")
        without_rowid = True  # SQLite: the key is the table (as ``StatementHash``)


class SpeakerSearch(BaseModel):
    """PostgreSQL only: a name search's matches, one row per speaker (its ``names`` as on the speaker
    row), under a trigram index, so that counting them stops at the count's limit where the aliases
    needed a DISTINCT over every match. Kept by triggers on speaker (migration 0011); SQLite counts
    through its FTS5 table. No foreign key (derived rows)."""

    speaker_id = IntegerField(primary_key=True)
    names = TextField()

    class Meta:
        table_name = "speaker_search"


class SpeakerMerge(BaseModel):
    """A speaker folded into another by an editor: its old id and key lead to the one it became."""

    old_id = IntegerField(primary_key=True)
    old_key = CharField(max_length=400, unique=True)  # the engine's name for it still finds ``speaker``
    speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
    actor = CharField(max_length=100, null=True)
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "speaker_merge"


class SpeakerAlias(BaseModel):
    speaker = ForeignKeyField(Speaker, backref="aliases", on_delete="CASCADE", index=False)  # see Meta
    alias = TextField()
    folded = CharField(max_length=400, index=True)

    class Meta:
        indexes = ((("speaker", "folded"), True),)


class Statement(BaseModel):
    """What a speaker said, once, however many outlets reported it (its quotes are appearances)."""

    # "<speaker id or 0>:<sha256 of normalized>": the same words of the same speaker are one row.
    key = CharField(max_length=80, unique=True)
    # index=False here and below: a composite index led by the same column serves it (migration 0007).
    speaker = ForeignKeyField(Speaker, backref="statements", null=True, on_delete="SET NULL", index=False)
    text = TextField()  # the longest appearance, as written
    normalized = TextField()  # folded words: case, accents, punctuation and marks removed
    word_count = IntegerField()
    first_seen_at = DateTimeField()  # earliest appearance (published_at, else ingestion)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    appearance_count = IntegerField(default=0)  # its quotes, kept by the write path

    class Meta:
        indexes = ((("speaker", "first_seen_at", "id"), False), (("first_seen_at", "id"), False))


class StatementHash(BaseModel):
    """The matching index: each statement under the hashes of ``core.shingles.index_hashes``.

    Derived from the statement's speaker and normalized words (no foreign key: rows are
    replaced by ``news.statements.index``/``unindex`` whenever those change, and a row
    left behind only costs a candidate that ``core.shingles.repeats`` turns down).
    """

    hash = BigIntegerField()
    statement = IntegerField()

    class Meta:
        table_name = "statement_hash"
        primary_key = CompositeKey("hash", "statement")
        # SQLite: the key is the table (migration 0007). Live models create no tables (migrations
        # do, from frozen ones), so PostgreSQL, which knows no rowid, never sees this option.
        without_rowid = True


class Quote(BaseModel):
    article = ForeignKeyField(Article, backref="quotes", on_delete="CASCADE", index=False)
    speaker = ForeignKeyField(Speaker, backref="quotes", null=True, on_delete="SET NULL", index=False)
    statement = ForeignKeyField(
        Statement, backref="appearances", null=True, on_delete="SET NULL", index=False
    )
    position = IntegerField()  # order within the article
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
    # Copied from the article so that every list filter has an index.
    publisher = CharField(max_length=200, null=True)
    dated_at = DateTimeField()
    fixed_at = DateTimeField(null=True)  # an editor's fix (a QuoteFix) applies to it since
    fixed_by = CharField(max_length=100, null=True)

    class Meta:
        indexes = ((("article", "position"), True), (("statement", "dated_at"), False))


class QuoteFix(BaseModel):
    """An editor's decision on the words of a quote in an article: its speaker, or not a quote.

    Kept by article and normalized words, not by quote id, so that re-extracting a
    corrected text applies it again: a human decision is never overwritten by the engine.
    """

    article = ForeignKeyField(Article, on_delete="CASCADE")
    norm_hash = CharField(max_length=64)  # core.text.digest of the quote's normalized words
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")
    not_a_quote = BooleanField(default=False)
    actor = CharField(max_length=100, null=True)
    at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "quote_fix"
        indexes = ((("article", "norm_hash"), True),)


class ArticleRevision(BaseModel):
    """One version of an article's text: revision 1 as first stored, one more per correction."""

    article = ForeignKeyField(Article, backref="revisions", on_delete="CASCADE")
    number = IntegerField()
    text = TextField()
    title = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)
    added = JSONField(default=list)  # ids of the quotes this revision added
    removed = JSONField(default=list)  # ids of the quotes it removed (gone)
    kept = IntegerField(default=0)  # how many quotes it kept (same words, same speaker, same id)

    class Meta:
        table_name = "article_revision"
        indexes = ((("article", "number"), True),)


# Lists of quotes go newest first, each article's quotes in reading order; one index per filter
# in exactly that order (column directions included), so that a page after a cursor is a range.
QUOTE_ORDER = ((Quote.dated_at, True), (Quote.article, True), (Quote.position, False))
_RECENT = (Quote.dated_at.desc(), Quote.article.desc(), Quote.position)
Quote.add_index(Quote.index(*_RECENT, name="quote_recent"))
Quote.add_index(Quote.index(Quote.speaker, *_RECENT, name="quote_speaker_recent"))
Quote.add_index(Quote.index(Quote.publisher, *_RECENT, name="quote_publisher_recent"))
