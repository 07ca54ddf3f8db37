"""Reading the change log: the changes after a cursor, oldest first."""

from __future__ import annotations

from .models import Change


def changes_after(after: int, entity: str | None, limit: int) -> tuple[list[Change], int, int, bool]:
    """Up to ``limit`` changes after the cursor ``after``, oldest first: (items, total, cursor, more)."""
    query = Change.select().where(Change.id > after).order_by(Change.id)
    if entity:
        query = query.where(Change.entity == entity)
    items = list(query.limit(limit + 1))
    more, items = len(items) > limit, items[:limit]
    return items, query.count(), items[-1].id if items else after, more
