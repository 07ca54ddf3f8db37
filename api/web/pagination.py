"""The one list envelope: {items, total, total_exact, limit, offset, next}, capped pages.

Pages are read by keyset: ``next`` carries an opaque ``cursor`` (the last item's place in
the list's order), so page 5,000 costs what page 1 does. ``offset`` still works, but
reads everything it skips. ``total`` counts up to COUNT_LIMIT matching items (a search by
words, ``q``, up to SEARCH_COUNT_LIMIT); past that it is the limit and ``total_exact`` is false.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from flask import current_app, request, url_for
from marshmallow import ValidationError

from ..db.paging import Listing, decode_cursor, encode_cursor, page, page_rows
from ..news.models import QUOTE_ORDER

_QUERY_SAFE = "!$'()*,/:;?@"  # what werkzeug leaves unquoted in a query it builds (url.spec.whatwg.org)
_PATH_SAFE = "!$&'()*+,/:;=@"  # and in a path


def page_limit(args: dict) -> int:
    """The page size asked for, or the default; above the cap is a 422 naming ``limit``."""
    cap = current_app.config["MAX_PAGE_SIZE"]
    limit = args.get("limit") or current_app.config["PAGE_SIZE"]
    if limit > cap:
        raise ValidationError({"limit": [f"Must be at most {cap}."]})
    return min(limit, cap)


def next_page_url(cursor: str, limit: int, endpoint: str | None = None, **params) -> str:
    """The URL of the page after ``cursor`` (of this request's list unless ``endpoint`` is given)."""
    if endpoint is not None:
        params.pop("offset", None)
        return url_for(endpoint, **{**params, "limit": limit, "cursor": cursor})
    # This request's own list: its path, its query with the page's place, encoded as url_for
    # encodes a query (half the cost: no URL adapter, no rule to build the path again)
    query = {**request.args.to_dict(), **params}
    query.pop("offset", None)
    query.update(limit=limit, cursor=cursor)
    items = [(k, v) for k, v in query.items() if v is not None]
    path = quote(request.path, safe=_PATH_SAFE)  # as asked, decoded: /speakers/３/quotes is routed too
    return f"{request.script_root}{path}?{urlencode(items, safe=_QUERY_SAFE)}"


def _shape(args: dict, slots: dict) -> tuple | None:
    """What fixes a list's SQL: the view and its filters' values (not the page's place or size, nor the
    values of the filters that are parameters, ``slots``: only that they are given); None (build it
    every time) if a value cannot be a key. A view's own arguments are part of it unless they are
    such a parameter (GET /speakers/{id}/quotes: the speaker). A slot named ``filter:kind`` stands for
    a filter whose value becomes that parameter (``q:like``: a search's LIKE pattern); the slots'
    names are part of the shape (which parameters the SQL has)."""
    parameters = {name.split(":")[0] for name in slots}
    filters = tuple(
        sorted(
            (k, "?" if k in parameters else v)
            for k, v in args.items()
            if k not in ("limit", "offset", "cursor")
        )
    )
    given = set(slots.values())
    view_args = tuple(sorted((k, v) for k, v in (request.view_args or {}).items() if v not in given))
    shape = request.endpoint, view_args, filters, tuple(slots)
    try:
        hash(shape)
    except TypeError:
        return None
    return shape


def paginate(listing, args: dict, page_schema, prepare=None, item=None) -> dict:
    """One page of the ``listing`` (a ``db.paging.Listing``) dumped by ``page_schema``.

    ``prepare`` may attach what the items need (aliases, verdicts) to the page's rows at once.
    With ``item`` (a function of a raw row, beside the item's schema) the rows are read as
    dicts through SQL built once per list shape (``db.prepared``) and dumped by ``item``:
    the same JSON, without building the query, a model per row, or marshmallow per field.
    """
    limit, offset, cursor = page_limit(args), args.get("offset", 0), args.get("cursor")
    if cursor and offset:
        raise ValidationError({"cursor": ["Give cursor or offset, not both."]})
    after = decode_cursor(cursor, listing.order) if cursor else None
    cap = current_app.config["SEARCH_COUNT_LIMIT" if listing.search else "COUNT_LIMIT"]
    if item is None:
        rows, total, exact, more = page(listing, limit, offset, after, cap)
    else:
        rows, total, exact, more = page_rows(listing, limit, offset, after, cap, _shape(args, listing.slots))
    if prepare is not None:
        rows = prepare(rows)
    following = next_page_url(encode_cursor(listing.key(rows[-1])), limit) if more else None
    envelope = {"total": total, "total_exact": exact, "limit": limit, "offset": offset, "next": following}
    if item is not None:
        return {"items": [item(r) for r in rows], **envelope}
    return page_schema.dump({"items": rows, **envelope})


def more_quotes_url(article) -> str | None:
    """The page of GET /quotes?article=ID after the quotes an article's detail embeds; None if none."""
    if len(article.quotes) >= article.quote_count:  # quotes: the raw rows of news.queries.article_detail
        return None
    cursor = encode_cursor(Listing(None, QUOTE_ORDER, None).key(article.quotes[-1]))
    return next_page_url(
        cursor, current_app.config["MAX_PAGE_SIZE"], "quotes.list_quotes", article=article.id
    )
