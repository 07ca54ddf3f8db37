"""/speakers: find people by name or alias, and what they said; editors merge them and link
them to outside identities."""

import orjson
from flask import Blueprint
from marshmallow import ValidationError

from schemas.quotes import quote_item, quote_page_schema, speaker_quote_args_schema
from schemas.speakers import (
    speaker_args_schema,
    speaker_item,
    speaker_merge_schema,
    speaker_page_schema,
    speaker_patch_schema,
    speaker_schema,
)

from ...core.errors import Invalid
from ...facts.queries import annotate_speaker_claims
from ...facts.verdicts import verdicts_columns, verdicts_in, verdicts_of
from ...intake.fixes import merge_speakers, set_identity
from ...news import queries
from ..auth import current_actor, requires
from ..cache import cached
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("speakers", __name__)


def _annotated(rows: list) -> list:
    """Speakers with aliases, quote statistics, and their claims' and verdicts' counts."""
    return annotate_speaker_claims(queries.annotate_speakers(rows))


def _annotated_rows(rows: list[dict]) -> list[dict]:
    """``_annotated`` for the raw rows of a list page (their aliases a column of each row; their
    verdicts too on PostgreSQL, ``verdicts_columns``)."""
    verdicts = None if not rows or "verdicts" in rows[0] else verdicts_of([r["Speaker.id"] for r in rows])
    for r in rows:
        r["aliases"] = orjson.loads(r["Speaker.aliases_json"])
        r["verdicts"] = verdicts[r["Speaker.id"]] if verdicts is not None else verdicts_in(r["verdicts"])
    return rows


@bp.get("/speakers")
@requires("read")
@cached
def list_speakers():
    """Speakers whose name or alias contains ``q`` (any case or accent), most quoted first."""
    args = query_args(speaker_args_schema)
    listing = queries.speakers(args, verdicts_columns)
    return paginate(listing, args, speaker_page_schema, _annotated_rows, speaker_item)


@bp.get("/speakers/<id:speaker_id>")
@requires("read")
@cached
def get_speaker(speaker_id):
    """One speaker: name, title, aliases and counts."""
    return speaker_schema.dump(_annotated([queries.get_speaker(speaker_id)])[0])


@bp.get("/speakers/<id:speaker_id>/quotes")
@requires("read")
@cached
def speaker_quotes(speaker_id):
    """What a speaker said, newest first."""
    try:
        args = {**query_args(speaker_quote_args_schema), "speaker": speaker_id}
        page = paginate(queries.quotes(args), args, quote_page_schema, item=quote_item)
    except (ValidationError, Invalid):
        queries.get_speaker(speaker_id)  # an unknown or merged speaker: its 404 or 308 comes first
        raise
    if not page["items"]:  # a quote's speaker exists (a merged one's old id has none): no query needed
        queries.get_speaker(speaker_id)
    return page


@bp.patch("/speakers/<id:speaker_id>")
@requires("review")
def patch_speaker(speaker_id):
    """Set a speaker's outside identities (``same_as`` URLs)."""
    speaker = set_identity(speaker_id, json_body(speaker_patch_schema)["same_as"], actor=current_actor())
    return speaker_schema.dump(_annotated([speaker])[0])


@bp.post("/speakers/<id:speaker_id>/merge")
@requires("review")
def merge_speaker(speaker_id):
    """Fold a speaker into another (``into``); the old id answers 308 to the survivor from then on."""
    speaker = merge_speakers(speaker_id, json_body(speaker_merge_schema)["into"], actor=current_actor())
    return speaker_schema.dump(_annotated([speaker])[0])
