"""/extract: run the engine on a text and return its quotes, storing nothing."""

from flask import Blueprint

from schemas.quotes import extract_in_schema, extraction_schema

from ...extraction import extract
from ..auth import requires
from ..limits import heavy
from ..parsing import json_body

bp = Blueprint("extract", __name__)


@bp.post("/extract")
@requires("ingest")
@heavy
def extract_quotes():
    """Quotes and speakers found in ``text`` (in ``language``, else detected); nothing is stored."""
    body = json_body(extract_in_schema)
    return extraction_schema.dump({"quotes": extract(body["text"], body["language"])})
