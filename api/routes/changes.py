"""/changes: what was created, updated or deleted since a cursor, for dashboards that poll."""
from flask import Blueprint, url_for

from schemas.claims import change_args_schema, changes_schema

from .. import changes
from ..pagination import page_limit
from ..parsing import query_args

bp = Blueprint("changes", __name__)


@bp.get("/changes")
def list_changes():
    """Changes after the cursor ``after``, oldest first, without gaps or repeats."""
    args = query_args(change_args_schema)
    limit = page_limit(args)
    query = changes.since(args["after"], args.get("entity"))
    items = list(query.limit(limit))
    cursor = items[-1].id if items else args["after"]
    params = {k: v for k, v in (("entity", args.get("entity")), ("limit", limit)) if v}
    more = len(items) == limit and query.where(changes.Change.id > cursor).exists()
    return {"items": changes_schema.dump(items), "total": query.count(), "limit": limit, "cursor": cursor,
            "next": url_for("changes.list_changes", after=cursor, **params) if more else None}
