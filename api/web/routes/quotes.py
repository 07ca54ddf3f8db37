"""/quotes: filter and page through stored quotes; editors fix their speakers."""

from flask import Blueprint, current_app

from schemas.quotes import (
    fixed_quote_schema,
    quote_args_schema,
    quote_item,
    quote_page_schema,
    quote_patch_schema,
    quote_schema,
)

from ...intake.articles import match_article
from ...intake.fixes import fix_quote
from ...news import queries
from ..auth import current_actor, requires
from ..cache import cached
from ..matching import factcheck_index, thresholds
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("quotes", __name__)


@bp.get("/quotes")
@requires("read")
@cached
def list_quotes():
    """Quotes by speaker, article, publisher and date, newest first."""
    args = query_args(quote_args_schema)
    return paginate(queries.quotes(args), args, quote_page_schema, item=quote_item)


@bp.get("/quotes/<id:quote_id>")
@requires("read")
@cached
def get_quote(quote_id):
    """One quote."""
    return quote_schema.dump(queries.get_quote(quote_id))


@bp.patch("/quotes/<id:quote_id>")
@requires("review")
def patch_quote(quote_id):
    """Set a quote's speaker, or mark it not a quote; kept through re-extraction."""
    threshold = current_app.config["CHECKWORTHY_THRESHOLD"]
    quote, kept = fix_quote(quote_id, json_body(quote_patch_schema), threshold, actor=current_actor())
    if kept:  # claims the quote's new statement was given are matched as a new article's are
        match_article(quote.article_id, factcheck_index(), thresholds(), actor=current_actor())
    quote.not_a_quote = not kept
    return fixed_quote_schema.dump(quote)
