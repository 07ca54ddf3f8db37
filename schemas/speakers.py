"""Speaker responses and list arguments."""

import json

from marshmallow import Schema, fields, validate

from .common import HttpUrl, Id, Page, PageArgsSchema, Text, Timestamp, timestamp


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


def speaker_ref(row: dict, speaker_id) -> dict | None:
    """SpeakerRefSchema's dump of the ``Speaker.*`` columns of a raw row; None when ``speaker_id`` is."""
    if speaker_id is None:
        return None
    return {
        "id": row["Speaker.id"],
        "name": row["Speaker.name"],
        "title": row["Speaker.title"],
        "kind": row["Speaker.kind"],
    }


def _urls(same_as) -> list:
    """A raw row's ``same_as`` column: JSON text (SQLite), a list (PostgreSQL json), or null."""
    if isinstance(same_as, str):
        same_as = json.loads(same_as)
    return same_as or []


def speaker_item(row: dict) -> dict:
    """SpeakerSchema's dump of a raw row of ``news.queries.speakers`` with ``aliases`` and ``verdicts``."""
    return {
        **speaker_ref(row, row["Speaker.id"]),
        "aliases": row["aliases"],
        "quote_count": row["Speaker.quote_count"],
        "article_count": row["Speaker.article_count"],
        "first_quoted_at": timestamp(row["Speaker.first_quoted_at"]),
        "last_quoted_at": timestamp(row["Speaker.last_quoted_at"]),
        "created_at": timestamp(row["Speaker.created_at"]),
        "updated_at": timestamp(row["Speaker.updated_at"]),
        "same_as": _urls(row["Speaker.same_as"]),
        "claim_count": row["Speaker.claim_count"],
        "verdicts": row["verdicts"],
    }


speaker_schema = SpeakerSchema()
speaker_patch_schema = SpeakerPatchSchema()
speaker_merge_schema = SpeakerMergeSchema()
speaker_page_schema = Page(SpeakerSchema)()
speaker_args_schema = SpeakerArgsSchema()
