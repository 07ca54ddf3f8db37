"""/speakers: find people by name or alias, and what they said."""
from flask import Blueprint

from schemas.quotes import quote_page_schema, speaker_quote_args_schema
from schemas.speakers import speaker_args_schema, speaker_page_schema, speaker_schema

from .. import queries
from ..pagination import paginate
from ..parsing import query_args

bp = Blueprint("speakers", __name__)


@bp.get("/speakers")
def list_speakers():
    """Speakers whose name or alias contains ``q`` (any case or accent), most quoted first."""
    args = query_args(speaker_args_schema)
    return paginate(queries.speakers(args), args, speaker_page_schema, queries.annotate_speakers)


@bp.get("/speakers/<int:speaker_id>")
def get_speaker(speaker_id):
    """One speaker: name, title, aliases and counts."""
    return speaker_schema.dump(queries.annotate_speakers([queries.speaker_or_404(speaker_id)])[0])


@bp.get("/speakers/<int:speaker_id>/quotes")
def speaker_quotes(speaker_id):
    """What a speaker said, newest first."""
    speaker = queries.speaker_or_404(speaker_id)
    args = {**query_args(speaker_quote_args_schema), "speaker": speaker.id}
    return paginate(queries.quotes(args), args, quote_page_schema)
