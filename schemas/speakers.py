"""Speaker responses and list arguments."""

from marshmallow import Schema, fields, validate

from .common import HttpUrl, Id, Page, PageArgsSchema, Text, Timestamp


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
    updated_at = Timestamp()
    same_as = fields.Function(lambda speaker: speaker.same_as or [])
    claim_count = fields.Integer()
    verdicts = fields.Dict(keys=fields.String(), values=fields.Integer())


class SpeakerArgsSchema(PageArgsSchema):
    q = Text(max_length=200, blank=True, load_default=None)


class SpeakerPatchSchema(Schema):
    """The speaker's outside identities (Wikidata, a parliament's page): replaced as a whole."""

    same_as = fields.List(HttpUrl(), required=True, validate=validate.Length(max=20))


class SpeakerMergeSchema(Schema):
    """POST /speakers/{id}/merge: the speaker this one is folded into."""

    into = Id(query=False, required=True)


speaker_schema = SpeakerSchema()
speaker_patch_schema = SpeakerPatchSchema()
speaker_merge_schema = SpeakerMergeSchema()
speaker_page_schema = Page(SpeakerSchema)()
speaker_args_schema = SpeakerArgsSchema()
