"""/speakers: find people by name or alias, and what they said."""

from flask import Blueprint

from schemas.quotes import quote_item, quote_page_schema, speaker_quote_args_schema
from schemas.speakers import speaker_args_schema, speaker_item, speaker_page_schema, speaker_schema

from ...facts.queries import annotate_speaker_claims, verdicts_of
from ...news import queries
from ..auth import requires
from ..pagination import paginate
from ..parsing import query_args

bp = Blueprint("speakers", __name__)


def _annotated(rows: list) -> list:
    """Speakers with aliases, quote statistics, and their claims' and verdicts' counts."""
    return annotate_speaker_claims(queries.annotate_speakers(rows))


def _annotated_rows(rows: list[dict]) -> list[dict]:
    """``_annotated`` for the raw rows of a list page."""
    ids = [r["Speaker.id"] for r in rows]
    aliases, verdicts = queries.aliases_of(ids), verdicts_of(ids)
    for r in rows:
        r["aliases"], r["verdicts"] = aliases[r["Speaker.id"]], verdicts[r["Speaker.id"]]
    return rows


@bp.get("/speakers")
@requires("read")
def list_speakers():
    """Speakers whose name or alias contains ``q`` (any case or accent), most quoted first."""
    args = query_args(speaker_args_schema)
    return paginate(queries.speakers(args), args, speaker_page_schema, _annotated_rows, speaker_item)


@bp.get("/speakers/<id:speaker_id>")
@requires("read")
def get_speaker(speaker_id):
    """One speaker: name, title, aliases and counts."""
    return speaker_schema.dump(_annotated([queries.get_speaker(speaker_id)])[0])


@bp.get("/speakers/<id:speaker_id>/quotes")
@requires("read")
def speaker_quotes(speaker_id):
    """What a speaker said, newest first."""
    speaker = queries.get_speaker(speaker_id)
    args = {**query_args(speaker_quote_args_schema), "speaker": speaker.id}
    return paginate(queries.quotes(args), args, quote_page_schema, item=quote_item)
