"""Speaker responses and list arguments."""

from marshmallow import Schema, fields

from .common import Page, PageArgsSchema, Text, Timestamp


class SpeakerRefSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    title = fields.String(allow_none=True)
    kind = fields.String()


class SpeakerSchema(SpeakerRefSchema):
    aliases = fields.List(fields.String())
    quote_count = fields.Integer()
    article_count = fields.Integer()
    first_quoted_at = Timestamp(allow_none=True)
    last_quoted_at = Timestamp(allow_none=True)
    created_at = Timestamp()
    claim_count = fields.Integer()
    verdicts = fields.Dict(keys=fields.String(), values=fields.Integer())


class SpeakerArgsSchema(PageArgsSchema):
    q = Text(max_length=200, blank=True, load_default=None)


speaker_schema = SpeakerSchema()
speaker_page_schema = Page(SpeakerSchema)()
speaker_args_schema = SpeakerArgsSchema()
