"""Pages of a list at any depth: keyset pagination after a cursor, and totals counted up to a cap.

A ``Listing`` is a list's query (filtered, in its order), that order as (column,
descending) pairs ending in a unique column, and the query its total counts (the base
table with only the joins its filters need). ``page`` reads the rows after a cursor
through the index that serves the order (an ``offset`` still works, at the cost of
reading what it skips), and counts at most ``cap`` + 1 rows: beyond the cap, the total
says "at least ``cap``" (``exact`` False) instead of counting a million rows per request.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import json
import time
from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import and_, or_

import orjson

from ..core.errors import Invalid
from .binding import database, is_postgres
from .prepared import STATEMENTS, column_key, compile_count, compile_page, mark
from .sorting import compile_bounded, compile_sample
from .walks import compile_reach, compile_search, walked_fields

# A search walks at most this many rows of its list's order for a page; found fewer matches, it sorts
# every match instead (few matches: a small sort; many matches: the walk finds them first).
WALK = 2000
# SQLite: a first page that the walk would likely not fill is sorted from at most this many matches
# read (``db.sorting``); more, it is walked for.
SORT_BOUND = 5000
# Seconds a worker keeps where a first page's walk stops (``reach``): the WALK-th row of the list,
# which moves a little with each write; a stale one moves where a walk stops, not what it finds.
REACH_KEPT = 10.0
_reaches: dict = {}  # (backend, database, view, WALK) -> (read at, the WALK-th row's values)


@dataclass
class Listing:
    query: object
    order: tuple  # ((field, descending), ...): the query's ORDER BY, ending in a unique column
    count: object  # the query whose rows the total counts
    # A search's (base, condition): the list's rows unfiltered, and the condition on one row that
    # the search adds; given, a search with many matches walks the order's index for its page (WALK).
    walk: tuple | None = None
    total: object = None  # what the total counts instead of ``count``: a DISTINCT query of keys, or SQL
    search: bool = False  # a search by words: its total counts up to the search cap (web.pagination)
    slots: dict = dataclasses.field(
        default_factory=dict
    )  # filters given as parameters (see ``Deferred``): none
    # SQLite: a search's matches' keys, one row per match read, from a source read in an order the
    # database stops at a LIMIT; given, a first page the walk would likely not fill is sorted from
    # them (``db.sorting``).
    bounded: object = None

    def key(self, row) -> tuple:
        """The values of ``row`` (a model, or a dict of ``page_rows``) in the order's columns: what the
        next page starts after."""
        if isinstance(row, dict):
            return tuple(field.python_value(row[column_key(field)]) for field, _ in self.order)
        return tuple(row.__data__[field.name] for field, _ in self.order)

    @property
    def walks(self) -> bool:
        return self.walk is not None

    @property
    def bounds(self) -> bool:
        return self.bounded is not None


class Deferred:
    """A ``Listing`` made by ``build()`` only when its queries are needed: when a page's SQL is compiled
    (the first request of each shape, ``db.prepared``) or the list is read without an item function.
    A request whose shape is compiled already builds no peewee query at all. ``order``, ``search`` and
    whether the list ``walks`` (``build()`` gives it a ``walk``) are known up front.

    ``slots`` names filters whose values are parameters of the compiled SQL rather than part of its
    shape (ids: one statement serves every speaker); ``build(values)`` makes the listing with
    ``values`` (one per slot, markers when compiling) in their place."""

    def __init__(
        self, build, order: tuple, search=False, walks=False, slots: dict | None = None, bounds=False
    ):
        self._build, self.order, self.search, self.walks, self.bounds = build, order, search, walks, bounds
        self.slots = slots or {}

    @functools.cached_property
    def built(self) -> Listing:
        return self._build(tuple(self.slots.values()))

    def marked(self, marks: tuple) -> Listing:
        """The listing with ``marks`` in the slots' places (``db.prepared`` finds them in its SQL)."""
        built = self._build(marks)
        built.slots = dict(zip(self.slots, marks, strict=True))
        return built

    query = property(lambda self: self.built.query)
    count = property(lambda self: self.built.count)
    walk = property(lambda self: self.built.walk)
    total = property(lambda self: self.built.total)
    bounded = property(lambda self: self.built.bounded)
    key = Listing.key


def after(order: tuple, values: tuple):
    """A condition: rows that come after ``values`` in ``order``.

    The leading column is bounded on its own too, so that the database starts its index
    scan at the cursor instead of filtering from the top.
    """
    (lead, lead_desc), first = order[0], values[0]
    bound = lead <= first if lead_desc else lead >= first
    steps = []
    for i, (field, desc) in enumerate(order):
        ties = [order[j][0] == values[j] for j in range(i)]
        steps.append(reduce(and_, [*ties, field < values[i] if desc else field > values[i]]))
    return bound & reduce(or_, steps)


def page(listing: Listing, limit: int, offset: int = 0, cursor: tuple | None = None, cap: int = 1000):
    """(rows, total, exact, more): up to ``limit`` rows after ``cursor`` (or ``offset``), the total."""
    query = listing.query
    if cursor is not None:
        query = query.where(after(listing.order, cursor))
        offset = 0
    rows = list(query.limit(limit + 1).offset(offset or None))
    more, rows = len(rows) > limit, rows[:limit]
    counted = _count_statement(listing, cap).run(tuple(listing.slots.values()))[0]["count"]
    return rows, min(counted, cap), counted <= cap, more


def page_rows(
    listing: Listing, limit: int, offset: int = 0, cursor: tuple | None = None, cap: int = 1000, shape=None
):
    """What ``page`` returns, the rows as dicts (``db.prepared``): the SQL is built once per ``shape``
    (a hashable key for the listing and its filters' values; None builds it every time).

    The page's keys are read from ``listing.count``, then its rows from ``listing.query`` without
    its filters: the count query must carry every filter of the list (as its total needs anyway).
    """
    if cursor is not None:
        offset = 0
    fixed = tuple(listing.slots.values())  # filters' values given as parameters (ids, search terms)
    if listing.walks and not offset:  # a search: its page walked for when it has many matches
        searched = (_search_at_once if is_postgres() else _search)(listing, fixed, limit, cursor, cap, shape)
        if searched is not None:
            return searched
    at = (shape, cursor is not None, bool(offset), cap)
    statement = STATEMENTS.get(
        shape and at, lambda: compile_page(listing, after, cursor, limit + 1, offset, cap)
    )
    rows = statement.run((*(cursor or ()), limit + 1, offset, *fixed))
    more, rows = len(rows) > limit, rows[:limit]
    # every row carries the capped count; past the end, the count on its own
    counted = rows[0]["_total"] if rows else _counting(listing, shape, cap).run(fixed)[0]["count"]
    return rows, min(counted, cap), counted <= cap, more


def _search_at_once(listing: Listing, fixed: tuple, limit: int, cursor, cap: int, shape):
    """PostgreSQL: a search's page and its count in one statement, walked for or sorted by the count
    (``compile_search``); None if the walk ran out of reach (the matches are then sorted)."""
    first = cursor is None and shape is not None  # the walk's bound given (``reach``), not found by it
    searching = STATEMENTS.get(
        shape and (shape, "search", cursor is not None, cap),
        lambda: compile_search(listing, after, cursor, limit + 1, WALK, cap, reached=first),
    )
    rows = searching.run((*(cursor or ()), limit + 1, *fixed, *(reach(listing, shape[0]) if first else ())))
    # no row: no match, or none after the cursor (the count says which), or none within reach
    counted = rows[0]["_total"] if rows else _counting(listing, shape, cap).run(fixed)[0]["count"]
    if counted <= cap or len(rows) > limit:
        return rows[:limit], min(counted, cap), counted <= cap, len(rows) > limit
    return None


def reach(listing: Listing, view) -> tuple:
    """The values, in the list's order columns, of the WALK-th row of the list that ``view``'s searches
    walk (a whole table: ``compile_reach``; Nones if it has fewer rows), read at most once in
    REACH_KEPT seconds per worker: reading it costs PostgreSQL an index walk of WALK entries, about
    0.1 ms of a first page's 0.6 (``?q=trump``, 100k quotes)."""
    key, now = (type(database.obj).__name__, database.obj.database, view, WALK), time.monotonic()
    kept = _reaches.get(key)
    if kept is None or now - kept[0] > REACH_KEPT:
        base, fields = listing.walk[0], walked_fields(listing)
        rows = STATEMENTS.get(("reach", *key), lambda: compile_reach(base, fields, WALK)).run()
        values = (
            tuple(f.python_value(rows[0][column_key(f)]) for f in fields) if rows else (None,) * len(fields)
        )
        _reaches[key] = kept = (now, values)
    return kept[1]


def _search(listing: Listing, fixed: tuple, limit: int, cursor, cap: int, shape):
    """SQLite: the count, then, past ``cap`` matches, the walk alone (``compile_search``, not
    ``counted``: SQLite has no round trip to save, and the one statement took it more CPU than
    three, 2.5 against 1.9 ms a request for ``?q=trump`` at 100k); when the walk runs out of reach,
    every match sorted, without counting them again (the count said: past the cap). A first page
    that the count says the walk would likely not fill (``db.sorting``) is sorted from its matches
    first, when they are no more than ``SORT_BOUND``. None if not walked (the caller sorts the
    matches, with their count)."""
    sampled = cursor is None and listing.bounds
    if sampled:
        counting = STATEMENTS.get(
            shape and (shape, "sample", cap), lambda: compile_sample(listing, WALK, cap)
        )
    else:
        counting = _counting(listing, shape, cap)
    counted = counting.run(fixed)[0]
    if counted["count"] <= cap:
        return None
    if sampled and (counted["near"] or 0) <= limit:  # ``?q=obama`` at 1M: 9 of the first 101
        sorting = STATEMENTS.get(
            shape and (shape, "bounded"), lambda: compile_bounded(listing, limit + 1, SORT_BOUND)
        )
        rows = sorting.run((limit + 1, *fixed))
        if rows and rows[0]["_n"] <= SORT_BOUND:
            return rows[:limit], cap, False, len(rows) > limit
    walking = STATEMENTS.get(
        shape and (shape, "walk", cursor is not None),
        lambda: compile_search(listing, after, cursor, limit + 1, WALK, cap, counted=False),
    )
    rows = walking.run((*(cursor or ()), limit + 1, *fixed))
    if len(rows) <= limit:  # out of reach: every match sorted
        sorting = STATEMENTS.get(
            shape and (shape, "sorted", cursor is not None),
            lambda: compile_page(listing, after, cursor, limit + 1, 0, cap, counted=False),
        )
        rows = sorting.run((*(cursor or ()), limit + 1, 0, *fixed))
    return rows[:limit], cap, False, len(rows) > limit


def _counting(listing: Listing, shape, cap: int):
    return STATEMENTS.get(shape and (shape, "count", cap), lambda: _count_statement(listing, cap))


def _count_statement(listing: Listing, cap: int):
    """The capped count's Statement, run with the listing's slot values (none: no parameters)."""
    if not listing.slots:
        return compile_count(listing.count if listing.total is None else listing.total, cap)
    marks = tuple(mark(i, v) for i, v in enumerate(listing.slots.values()))
    marked = listing.marked(marks)
    return compile_count(marked.count if marked.total is None else marked.total, cap, marks)


def encode_cursor(values: tuple) -> str:
    """An opaque, URL-safe cursor for ``values`` (ints, strings, datetimes)."""
    plain = [{"t": v.isoformat()} if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(orjson.dumps(plain)).decode().rstrip("=")  # compact, as json.dumps was


def decode_cursor(cursor: str, order: tuple) -> tuple:
    """The values in ``cursor``; a cursor this list did not make is ``Invalid`` (422 on ``cursor``)."""
    try:
        plain = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        values = tuple(datetime.fromisoformat(v["t"]) if isinstance(v, dict) else v for v in plain)
        ok = len(values) == len(order) and all(isinstance(v, int | str | datetime) for v in values)
    except (ValueError, TypeError, KeyError, AttributeError):
        ok = False
    if not ok:
        raise Invalid({"cursor": ["Not a cursor of this list: use the one in the previous page's `next`."]})
    return values


def scan(query, id_column, size: int = 1000):
    """Every row of ``query`` in ``id_column`` order, a batch of ``size`` at a time (keyset: flat memory)."""
    last = None
    while True:
        batch = query.order_by(id_column)
        if last is not None:
            batch = batch.where(id_column > last)
        rows = list(batch.limit(size))
        if not rows:
            return
        yield rows
        last = rows[-1].__data__[id_column.name]
