"""A list's SQL built once per shape, its rows read as plain dicts: the read path without the glue.

Building a peewee query's SQL costs more than SQLite takes to run it, and a model
instance per row more again; a list page needs neither. ``Statements`` keeps, per
*shape* (the list, its filters' values, whether a cursor or an offset is given), the
SQL text and parameters of the page query and of its capped count. What changes from
page to page (the cursor's values, the limit, the offset) is built once with marker
values in their place and filled in by position on every later request:

    shape ('quotes.list_quotes', (('speaker', 5),)), a cursor of 3 values
    -> 'SELECT ... WHERE ("t1"."speaker_id" = ?) AND ("t1"."dated_at" <= ?) ... LIMIT ?'
       params [5, <mark 0>, <mark 0>, ..., <mark 2>, <mark limit>]

Rows come back as ``{"Quote.id": 7, "Article.title": ..., "quote_count": 3}``: the
``Model.field`` of each selected column (an alias for an expression), values as the
driver returns them (SQLite: dates as text). Same SQL, same parameters as the query
built every time would run: only the building is skipped.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime

from peewee import SQL, Field, NodeList, Select, fn

from . import server
from .binding import database, is_postgres

CACHED_SHAPES = 512  # shapes kept (a search's words are part of its shape)
# Marker values no request can carry: ids are positive, dates before 0001-01-02 are refused,
# texts may not hold NUL. A marker is found in the built parameters by equality.
_MARK_INT = -(2**62)
_MARK_DATE = datetime(1, 1, 1)
_MARK_TEXT = "\x00mark:"


def column_key(node) -> str:
    """The dict key of a selected column: 'Quote.dated_at' for a field, the alias for an expression."""
    if isinstance(node, Field):
        return f"{node.model.__name__}.{node.name}"
    alias = getattr(node, "_alias", None)  # an Alias node, or a subquery given .alias()
    if not alias:
        raise ValueError(f"a listed column needs a field or an alias: {node!r}")
    return alias


def mark(index: int, value):
    """The marker of the ``index``-th value, of the value's type."""
    if isinstance(value, datetime):
        return _MARK_DATE.replace(microsecond=index + 1)
    if isinstance(value, str):
        return f"{_MARK_TEXT}{index}"
    return _MARK_INT - index


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple
    slots: tuple  # (position in params, index of the value, converter)
    names: tuple  # the dict key of each column
    query: object = field(default=None, compare=False)  # the peewee query it was built from
    inline: tuple = ()  # indexes of values written into the SQL PostgreSQL prepares (``db.server``)
    # the prepared statement's name for each tuple of inlined values (``db.server``), made once
    prepared: dict = field(default_factory=dict, compare=False, repr=False)

    def _execute(self, values: tuple):
        if server.ENABLED and is_postgres():
            return server.execute(self, values)
        params = list(self.params)
        for position, index, convert in self.slots:
            params[position] = convert(values[index])
        return database.execute_sql(self.sql, params)

    def run(self, values: tuple = ()) -> list[dict]:
        """The rows as dicts of raw values."""
        return [dict(zip(self.names, row, strict=True)) for row in self._execute(values).fetchall()]

    def models(self, values: tuple = ()) -> list:
        """The rows as the query's model instances, joined models attached: what iterating the query
        gives, through peewee's own row conversion, without building its SQL again."""
        return list(self.query._get_cursor_wrapper(self._execute(values)))


def compile_page(
    listing, after, cursor: tuple | None, limit: int, offset: int, cap: int, counted: bool = True
) -> Statement:
    """The page query's Statement: ``after(order, values)`` (when a cursor is given), limit and offset
    as slots filled from ``(*cursor, limit, offset, *slots)`` (``slots``: the listing's filters given as
    parameters, ids); each row carries ``_total``, the capped count
    (one round trip for both: a scalar subquery the database evaluates once), unless not ``counted``
    (the caller has counted already).

    The page is found first on the base table alone (``listing.count``: only the joins its filters
    need), keys in list order, and only its rows are joined and read whole: a search that matches
    thousands of rows sorts their keys, not thousands of joined rows
    (``... WHERE t1.id IN (SELECT t2.id FROM claim AS t2 WHERE ... ORDER BY ... LIMIT ?)``).
    """
    order = listing.order
    fields = [f for f, _ in order]
    slots = tuple(listing.slots.values())  # filters' values as parameters (``db.paging.Deferred``)
    values = (*(cursor or ()), limit, offset, *slots)
    marks = tuple(mark(i, v) for i, v in enumerate(values))
    if slots:
        listing = listing.marked(marks[len(marks) - len(slots) :])
        marks = marks[: len(marks) - len(slots)]
    key = listing.count.model._meta.primary_key
    keys = listing.count.select(key).order_by(*(f.desc() if desc else f.asc() for f, desc in order))
    if cursor is not None:
        keys = keys.where(after(order, marks[: len(cursor)]))
    keys = keys.limit(marks[-2])
    if offset:
        keys = keys.offset(marks[-1])
    converters = [f.db_value for f in fields[: len(cursor or ())]] + [int, int]
    expected = set(range(len(cursor or ()))) | {len(marks) - 2} | ({len(marks) - 1} if offset else set())
    rows = listing.query.clone()
    rows._where = None  # the filters are the keys' (a listing's count has all of them): not twice
    rows = rows.where(key.in_(keys))
    if counted:
        total = _capped_count(listing.count if listing.total is None else listing.total, cap)
        rows = rows.select_extend(total.alias("_total"))
    inline = (len(marks) - 2, len(marks) - 1)  # limit and offset: planned for (db.server)
    if slots:
        marks += tuple(listing.slots.values())
        converters += [_converter(v) for v in slots]  # not required: a slot may serve some queries only
    return _compiled(rows, marks, converters, expected, inline)


def _converter(value):
    """How a slot's value (an id, a search term) is given to the driver."""
    return str if isinstance(value, str) else int


def compile_in(build, column, count: int) -> Statement:
    """The Statement of ``build(values)``, a query on ``column IN values`` for ``count`` values, with a
    slot for each value: ``run(ids)`` then reads the rows of any ``count`` ids (the annotations of a
    page: aliases, verdicts)."""
    return compile_ins(build, ((column, count),))


def compile_ins(build, lists: tuple) -> Statement:
    """``compile_in`` for a query on several lists of values, ``lists`` ((column, count), ...):
    ``build(values, ...)`` gets one tuple per list; ``run`` takes their values one list after another."""
    marks, converters, groups = (), [], []
    for column, count in lists:
        group = tuple(_MARK_INT - len(marks) - i for i in range(count))
        marks, converters = marks + group, converters + [column.db_value] * count
        groups.append(group)
    return _compiled(build(*groups), marks, converters, set(range(len(marks))))


def _compiled(query, marks: tuple, converters: list, expected: set, inline: tuple = ()) -> Statement:
    """``query`` built with ``marks`` in the values' places: its SQL, and where each value goes."""
    sql, params = query.sql()
    slots = _slots(params, marks, converters, expected)
    names = tuple(column_key(node) for node in query._returning)
    return Statement(sql, tuple(params), slots, names, query, inline)


def _slots(params: list, marks: tuple, converters: list, expected: set) -> tuple:
    """(position in params, index of the value, converter) of each marker found in ``params``; the
    ``expected`` indexes must be among them (a slot's value may appear in some of a listing's queries
    only: a search's LIKE pattern in its walk, its FTS phrase in its count)."""
    wanted = {converters[i](m): (i, converters[i]) for i, m in enumerate(marks)}
    slots = tuple((position, *wanted[p]) for position, p in enumerate(params) if _hashable(p) and p in wanted)
    found = {index for _, index, _ in slots}
    if not expected <= found:  # a marker did not come through as itself: do not reuse this SQL
        raise ValueError(f"markers not found in the built parameters: {sorted(expected - found)}")
    return slots


def _capped_count(query, cap: int):
    """SELECT COUNT(1) over at most ``cap`` + 1 rows of ``query``: a peewee query (a DISTINCT one: of
    its rows), or the ``SQL`` of a whole SELECT (a search's own, driven by a full-text index)."""
    if isinstance(query, SQL):
        rows = NodeList((SQL("("), query, SQL(f"LIMIT {int(cap) + 1})")))
    else:
        rows = (query if query._simple_distinct else query.select(SQL("1"))).order_by().limit(cap + 1)
    return Select([rows.alias("_counted")], [fn.COUNT(SQL("1"))])


def compile_count(query, cap: int, marks: tuple = ()) -> Statement:
    """The capped count alone, for a page past the list's end or a search's first question; ``marks``:
    the markers of the slot values ``query`` was built with (none: constants only)."""
    sql, params = _capped_count(query, cap).bind(database).sql()
    converters = [_converter(m) for m in marks]
    return Statement(sql, tuple(params), _slots(params, marks, converters, set()), ("count",))


def _hashable(value) -> bool:
    return isinstance(value, int | str | datetime)


class Statements:
    """An LRU of compiled Statements by key; ``get(key, build)`` builds on a miss (``key`` None: always)."""

    def __init__(self, size: int = CACHED_SHAPES):
        self.size, self._kept, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key, build) -> Statement:
        if key is None:
            return build()
        key = (type(database.obj).__name__, key)  # the SQL differs between backends
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        found = build()
        with self._lock:
            self._kept[key] = found
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return found


STATEMENTS = Statements()  # the one cache of the read path (lists, their counts, their annotations)
