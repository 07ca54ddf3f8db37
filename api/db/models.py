"""What every model shares: the deferred database, UTC timestamps, portable LIKE, get-or-create;
and ``create_tables``, with which migrations create the tables of their frozen models."""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import SQL, IntegrityError, Model, NodeList, SchemaManager, sort_models

from .binding import database


def utcnow() -> datetime:
    """Now, in UTC, naive: every stored datetime is naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def like(field, pattern: str):
    """``field LIKE pattern`` with backslash as the escape character, on every backend."""
    return NodeList((field, SQL("LIKE"), pattern, SQL("ESCAPE '\\'")))


def in_range(query, column, args: dict):
    """``query`` limited to ``args["since"] <= column <= args["until"]`` (either may be absent)."""
    if args.get("since"):
        query = query.where(column >= args["since"])
    if args.get("until"):
        query = query.where(column <= args["until"])
    return query


CHUNK = 2000  # values per IN (...) list: well under every backend's parameter limit


def chunks(values: list, size: int = CHUNK):
    """``values`` in consecutive slices of at most ``size``."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


class BaseModel(Model):
    class Meta:
        database = database


def get_or_create(model, where, **fields):
    """(row matching ``where``, created): inserted from ``fields`` when missing, safe under races.

    The insert runs in a savepoint: when a concurrent transaction inserted the same
    unique row first, only the savepoint rolls back and that row is returned.
    """
    row = model.get_or_none(where)
    if row is not None:
        return row, False
    try:
        with database.atomic():
            return model.create(**fields), True
    except IntegrityError:
        return model.get(where), False


def create_tables(database, models: list) -> None:
    """Create the tables and indexes of ``models`` in ``database``, where missing.

    For a migration's frozen models, bound to no database: binding them for the
    moment (``bind_ctx``) would rebind the classes under every thread at once.
    """
    for model in sort_models(models):
        SchemaManager(model, database).create_all(safe=True)
