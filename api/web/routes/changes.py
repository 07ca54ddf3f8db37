"""/changes: what was created, updated or deleted since a cursor, for dashboards that poll."""

from flask import Blueprint, url_for

from schemas.claims import change_args_schema, change_page_schema

from ...events.feed import changes_after
from ..auth import requires
from ..pagination import page_limit
from ..parsing import query_args

bp = Blueprint("changes", __name__)


@bp.get("/changes")
@requires("read")
def list_changes():
    """Changes after the cursor ``after``, oldest first, without gaps or repeats."""
    args = query_args(change_args_schema)
    limit, entity = page_limit(args), args.get("entity")
    items, total, cursor, more = changes_after(args["after"], entity, limit)
    following = url_for(
        "changes.list_changes", after=cursor, limit=limit, **({"entity": entity} if entity else {})
    )
    page = {
        "items": items,
        "total": total,
        "limit": limit,
        "cursor": cursor,
        "next": following if more else None,
    }
    return change_page_schema.dump(page)
