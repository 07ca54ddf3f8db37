"""The one list envelope: {items, total, limit, offset, next}, newest first, capped pages."""

from __future__ import annotations

from flask import current_app, request, url_for
from marshmallow import ValidationError


def page_limit(args: dict) -> int:
    """The page size asked for, or the default; above the cap is a 422 naming ``limit``."""
    cap = current_app.config["MAX_PAGE_SIZE"]
    limit = args.get("limit") or current_app.config["PAGE_SIZE"]
    if limit > cap:
        raise ValidationError({"limit": [f"Must be at most {cap}."]})
    return min(limit, cap)


def paginate(query, args: dict, page_schema, prepare=None) -> dict:
    """One page of ``query`` (already in a stable order) dumped by ``page_schema``.

    ``prepare`` may attach what the items need (counts, aliases) to the page's rows at once.
    """
    limit, offset = page_limit(args), args.get("offset", 0)
    total = query.count()
    items = list(query.limit(limit).offset(offset))
    if prepare is not None:
        items = prepare(items)
    following = offset + limit
    next_url = None
    if following < total:
        params = {**request.args.to_dict(), "limit": limit, "offset": following}
        next_url = url_for(request.endpoint, **(request.view_args or {}), **params)
    return page_schema.dump(
        {"items": items, "total": total, "limit": limit, "offset": offset, "next": next_url}
    )
