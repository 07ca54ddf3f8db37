"""/quotes: filter and page through stored quotes."""

from flask import Blueprint

from schemas.quotes import quote_args_schema, quote_item, quote_page_schema, quote_schema

from ...news import queries
from ..auth import requires
from ..pagination import paginate
from ..parsing import query_args

bp = Blueprint("quotes", __name__)


@bp.get("/quotes")
@requires("read")
def list_quotes():
    """Quotes by speaker, article, publisher and date, newest first."""
    args = query_args(quote_args_schema)
    return paginate(queries.quotes(args), args, quote_page_schema, item=quote_item)


@bp.get("/quotes/<id:quote_id>")
@requires("read")
def get_quote(quote_id):
    """One quote."""
    return quote_schema.dump(queries.get_quote(quote_id))
