"""Article requests and responses."""

from marshmallow import Schema, fields

from .claims import AlertSchema
from .common import DateRangeArgsSchema, HttpUrl, Language, Page, PageArgsSchema, Text, Timestamp, timestamp
from .quotes import ArticleRefSchema, QuoteSchema, article_ref, quote_item
from .speakers import SpeakerRefSchema, speaker_ref


class ArticleInSchema(Schema):
    text = Text(required=True)
    url = HttpUrl(allow_none=True, load_default=None)
    title = Text(max_length=1000, allow_none=True, load_default=None)
    publisher = Text(max_length=200, allow_none=True, load_default=None)
    published_at = Timestamp(allow_none=True, load_default=None)
    language = Language()


class ArticleSummarySchema(ArticleRefSchema):
    language = fields.String(allow_none=True)
    created_at = Timestamp()
    updated_at = Timestamp()
    revision = fields.Integer()
    quote_count = fields.Integer()


class ArticleSchema(ArticleSummarySchema):
    text = fields.String()
    speakers = fields.List(fields.Nested(SpeakerRefSchema))
    quotes = fields.List(fields.Nested(QuoteSchema))
    quotes_next = fields.String(allow_none=True)
    alerts = fields.List(fields.Nested(AlertSchema))


class ArticleRevisionInSchema(Schema):
    """PUT /articles/{id}: the corrected text (and title); the other fields stay the first version's."""

    text = Text(required=True)
    title = Text(max_length=1000, allow_none=True, load_default=None)


class RevisionSchema(Schema):
    id = fields.Integer()
    number = fields.Integer()
    created_at = Timestamp()
    actor = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    text = fields.String()
    added = fields.List(fields.Integer())
    removed = fields.List(fields.Integer())
    kept = fields.Integer()


class ArticleArgsSchema(DateRangeArgsSchema):
    publisher = Text(max_length=200, blank=True, load_default=None)


def article_item(row: dict) -> dict:
    """ArticleSummarySchema's dump of a raw row of ``news.queries.articles``."""
    return {
        **article_ref(row),
        "language": row["Article.language"],
        "created_at": timestamp(row["Article.created_at"]),
        "updated_at": timestamp(row["Article.updated_at"]),
        "revision": row["Article.revision"],
        "quote_count": row["quote_count"],
    }


def article_detail_item(article) -> dict:
    """ArticleSchema's dump of ``news.queries.article_detail``'s article (quotes and speakers as raw
    rows), ``alerts`` and ``quotes_next`` attached (tests/web/test_items.py: the same)."""
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "published_at": timestamp(article.published_at),
        "language": article.language,
        "created_at": timestamp(article.created_at),
        "updated_at": timestamp(article.updated_at),
        "revision": article.revision,
        "quote_count": article.quote_count,
        "text": article.text,
        "speakers": [speaker_ref(r, r["Quote.speaker"]) for r in article.speaker_rows],
        "quotes": [quote_item(r) for r in article.quotes],
        "quotes_next": article.quotes_next,
        "alerts": _alerts_schema.dump(article.alerts) if article.alerts else [],
    }


_alerts_schema = AlertSchema(many=True)
article_in_schema = ArticleInSchema()
article_schema = ArticleSchema()
article_page_schema = Page(ArticleSummarySchema)()
article_args_schema = ArticleArgsSchema()
article_revision_in_schema = ArticleRevisionInSchema()
revision_page_schema = Page(RevisionSchema)()
revision_args_schema = PageArgsSchema()
