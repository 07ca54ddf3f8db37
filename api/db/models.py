"""What every model shares: the deferred database, UTC timestamps, portable LIKE, get-or-create;
and ``create_tables``, with which migrations create the tables of their frozen models."""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    CharField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    IntegrityError,
    JSONField,
    Model,
    NodeList,
    SchemaManager,
    TextField,
    sort_models,
)

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


_AS_IS = (
    IntegerField,
    BigIntegerField,
    FloatField,
    TextField,
    CharField,
    JSONField,
    AutoField,
    ForeignKeyField,
)


def insert_rows(model, fields: list, rows: list, ignore: bool = False, returning: tuple = ()) -> list:
    """INSERT ``rows`` (tuples in ``fields`` order) into ``model``'s table; the ``returning`` columns.

    The hot path of ingest: peewee builds a node per value, which costs more than the
    insert for thousands of rows, so the SQL is written once per chunk here. ``ignore``:
    a row that collides with a unique one is skipped. Rows come back from RETURNING in
    no promised order: return a unique column to tell them apart.
    """
    table, param = model._meta.table_name, database.param
    # Values the driver takes as they are: numbers, text, and JSON given as text (both backends cast it).
    convert = [not isinstance(f, _AS_IS) for f in fields]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    one = "(" + ", ".join([param] * len(fields)) + ")"
    tail = (" ON CONFLICT DO NOTHING" if ignore else "") + (
        " RETURNING " + ", ".join(f'"{f.column_name}"' for f in returning) if returning else ""
    )
    found = []
    for part in chunks(rows, max(1, 20_000 // len(fields))):
        values = [
            f.db_value(v) if c else v for row in part for f, c, v in zip(fields, convert, row, strict=True)
        ]
        sql = f'INSERT INTO "{table}" ({columns}) VALUES {", ".join([one] * len(part))}{tail}'
        cursor = database.execute_sql(sql, values)
        if returning:
            found += cursor.fetchall()
    return found


def select_in(sql: str, values: list) -> list:
    """The rows of ``sql`` (ending in ``column IN``) for ``values``, a chunk of values per query."""
    found = []
    for part in chunks(values):
        found += database.execute_sql(f"{sql} ({', '.join([database.param] * len(part))})", part).fetchall()
    return found


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
