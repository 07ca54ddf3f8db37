"""Quote responses, list arguments, and the stateless /extract request."""

from marshmallow import Schema, fields

from .common import DateRangeArgsSchema, Id, Language, Page, SpanSchema, Text, Timestamp
from .speakers import SpeakerRefSchema


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
        )

    id = fields.Integer()
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True)
    mention = fields.Function(_span("mention"))
    cue = fields.Function(_span("cue"))
    article = fields.Nested(ArticleRefSchema)
    statement_id = fields.Integer(allow_none=True)


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


quote_schema = QuoteSchema()
quote_page_schema = Page(QuoteSchema)()
quote_args_schema = QuoteArgsSchema()
speaker_quote_args_schema = QuoteArgsSchema(exclude=("speaker",))
extract_in_schema = ExtractInSchema()
extraction_schema = ExtractionSchema()
