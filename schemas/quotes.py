"""Quote responses, list arguments, and the stateless /extract request."""

from marshmallow import Schema, ValidationError, fields, validates_schema

from .common import DateRangeArgsSchema, Id, JsonTrue, Language, Page, SpanSchema, Text, Timestamp, timestamp
from .speakers import SpeakerRefSchema, speaker_ref


def _span(prefix):
    """The (text, start, end) columns named ``prefix_*`` as one object, or None."""

    def get(quote):
        text = getattr(quote, f"{prefix}_text")
        if text is None:
            return None
        return {
            "text": text,
            "start": getattr(quote, f"{prefix}_start"),
            "end": getattr(quote, f"{prefix}_end"),
        }

    return get


class ArticleRefSchema(Schema):
    id = fields.Integer()
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    published_at = Timestamp(allow_none=True)


class QuoteCoreSchema(Schema):
    """What a quote is, stored or not: its words, where they are, its kind and confidence."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String()
    confidence = fields.Float()


class QuoteSchema(QuoteCoreSchema):
    class Meta:
        fields = (
            "id",
            "text",
            "start",
            "end",
            "kind",
            "confidence",
            "speaker",
            "mention",
            "cue",
            "article",
            "statement_id",
            "fixed_at",
            "fixed_by",
        )

    id = fields.Integer()
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True)
    mention = fields.Function(_span("mention"))
    cue = fields.Function(_span("cue"))
    article = fields.Nested(ArticleRefSchema)
    statement_id = fields.Integer(allow_none=True)
    fixed_at = Timestamp(allow_none=True)
    fixed_by = fields.String(allow_none=True)


class FixedQuoteSchema(QuoteSchema):
    """PATCH /quotes/{id}: the quote as fixed; a stretch marked not a quote is gone (``not_a_quote``)."""

    class Meta:
        fields = (*QuoteSchema.Meta.fields, "not_a_quote")

    not_a_quote = fields.Boolean()


class QuotePatchSchema(Schema):
    """One decision: an existing speaker, a speaker by name (found or created), or not a quote."""

    speaker_id = Id(query=False)
    speaker_name = Text(max_length=200)
    not_a_quote = JsonTrue()

    @validates_schema
    def exactly_one(self, data, **kwargs):
        if len(data) != 1:
            raise ValidationError("Give exactly one of speaker_id, speaker_name, not_a_quote.", "_schema")


class QuoteArgsSchema(DateRangeArgsSchema):
    speaker = Id(load_default=None)
    article = Id(load_default=None)
    publisher = Text(max_length=200, blank=True, load_default=None)


class ExtractedSpeakerSchema(Schema):
    name = fields.String()
    title = fields.String(allow_none=True)
    kind = fields.String()
    aliases = fields.List(fields.String())


class ExtractedQuoteSchema(QuoteCoreSchema):
    """A quote from the engine, not stored: no id, no article."""

    speaker = fields.Nested(ExtractedSpeakerSchema, allow_none=True)
    mention = fields.Nested(SpanSchema, allow_none=True)
    cue = fields.Nested(SpanSchema, allow_none=True)


class ExtractInSchema(Schema):
    text = Text(required=True)
    language = Language()


class ExtractionSchema(Schema):
    quotes = fields.List(fields.Nested(ExtractedQuoteSchema))


def article_ref(row: dict) -> dict:
    """ArticleRefSchema's dump of the ``Article.*`` columns of a raw row."""
    return {
        "id": row["Article.id"],
        "url": row["Article.url"],
        "title": row["Article.title"],
        "publisher": row["Article.publisher"],
        "published_at": timestamp(row["Article.published_at"]),
    }


def _raw_span(row: dict, prefix: str) -> dict | None:
    text = row[f"Quote.{prefix}_text"]
    if text is None:
        return None
    return {"text": text, "start": row[f"Quote.{prefix}_start"], "end": row[f"Quote.{prefix}_end"]}


def quote_item(row: dict) -> dict:
    """QuoteSchema's dump of a raw row of ``news.queries.quotes`` (tests/web/test_items.py: the same)."""
    return {
        "id": row["Quote.id"],
        "text": row["Quote.text"],
        "start": row["Quote.start"],
        "end": row["Quote.end"],
        "kind": row["Quote.kind"],
        "confidence": float(row["Quote.confidence"]),
        "speaker": speaker_ref(row, row["Quote.speaker"]),
        "mention": _raw_span(row, "mention"),
        "cue": _raw_span(row, "cue"),
        "article": article_ref(row),
        "statement_id": row["Quote.statement"],
        "fixed_at": timestamp(row["Quote.fixed_at"]),
        "fixed_by": row["Quote.fixed_by"],
    }


quote_schema = QuoteSchema()
fixed_quote_schema = FixedQuoteSchema()
quote_patch_schema = QuotePatchSchema()
quote_page_schema = Page(QuoteSchema)()
quote_args_schema = QuoteArgsSchema()
speaker_quote_args_schema = QuoteArgsSchema(exclude=("speaker",))
extract_in_schema = ExtractInSchema()
extraction_schema = ExtractionSchema()
