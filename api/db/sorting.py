"""SQLite: a search's first page sorted from its matches, without a walk that would fall short.

Past its cap of counted matches, a search finds its page by walking the list's order
(``db.paging.WALK`` rows at most, ``walks.compile_search``), which finds only the matches
within that reach; fewer than a page, every match is then sorted. A word whose matches lie mostly
beyond the reach (``?q=obama`` at 1M quotes: 9 of its 598 speakers within it)
walked in vain before it sorted. A listing that gives ``bounded`` (its matches' keys, one row per
match read, from a source the database stops reading at a LIMIT: the trigram index's rows) has
its count tell also how many of the counted matches lie within the walk's reach (``near``); the
first page of a search with no more than a page of them is sorted from its matches read up to a
bound (``compile_bounded``), and walked only if there were more than that (``db.paging._search``).
``near`` is a sample: the count's first matches in the index's order, not all of them.
"""

from __future__ import annotations

from peewee import CTE, SQL, NodeList, Select, fn

from .prepared import Statement, _compiled, _converter, mark
from .walks import reach_row, walked_fields


def _limited(keys, count: int):
    """``keys`` (a query, or the SQL of a SELECT) read up to ``count`` rows."""
    if isinstance(keys, SQL):
        return NodeList((keys, SQL(f"LIMIT {int(count)}")))
    return keys.order_by().limit(count)


def compile_sample(listing, reach: int, cap: int) -> Statement:
    """The capped count of a search's matches (``count``) and how many of those counted lie within a
    walk's ``reach`` (``near``: their leading value above the reach's last row's), run with the
    listing's slot values:

        SELECT COUNT(1) AS count, SUM(quote_count > (SELECT quote_count FROM speaker ORDER BY
          quote_count DESC, id DESC LIMIT 1 OFFSET reach - 1)) AS near
        FROM speaker WHERE id IN (the matches' keys LIMIT cap + 1)
    """
    fields, slots = walked_fields(listing), tuple(listing.slots.values())
    marks = tuple(mark(i, v) for i, v in enumerate(slots))
    if slots:
        listing = listing.marked(marks)
    base = listing.walk[0]
    key = base.model._meta.primary_key
    last = reach_row(base, fields, reach, fields[:1])
    keyed = listing.count.select(key) if listing.total is None else listing.total
    matched = _limited(keyed, cap + 1)
    if isinstance(matched, NodeList):
        matched = NodeList((SQL("("), matched, SQL(")")))
    counted = base.select(fn.COUNT(SQL("1")).alias("count"), fn.SUM(fields[0] > last).alias("near"))
    return _compiled(counted.where(key.in_(matched)), marks, [_converter(v) for v in slots], set())


def compile_bounded(listing, limit: int, bound: int) -> Statement:
    """A search's first ``limit`` rows sorted from its matches (``listing.bounded``) read up to
    ``bound`` + 1, each row carrying ``_n``, how many were read (more than ``bound``: the page is not
    the list's). Slots are filled from ``(limit, *slots)``:

        WITH _m (k) AS MATERIALIZED (the matches' keys LIMIT bound + 1)
        SELECT ..., (SELECT COUNT(1) FROM _m) AS _n FROM speaker WHERE id IN (
          SELECT id FROM speaker WHERE id IN (SELECT k FROM _m) ORDER BY quote_count DESC, id DESC LIMIT ?)
    """
    fields, slots = walked_fields(listing), tuple(listing.slots.values())
    marks = tuple(mark(i, v) for i, v in enumerate((limit, *slots)))
    if slots:
        listing = listing.marked(marks[1:])
    base = listing.walk[0]
    key = base.model._meta.primary_key
    matches = CTE("_m", _limited(listing.bounded, bound + 1), columns=("k",), materialized=True)
    keys = base.select(key).where(key.in_(Select([matches], [matches.c.k])))
    keys = keys.order_by(*(f.desc() for f in fields)).limit(marks[0])
    rows = listing.query.clone()
    rows._where = None  # the filters are the matches'
    read = Select([matches], [fn.COUNT(SQL("1"))])
    rows = rows.where(key.in_(keys)).with_cte(matches).select_extend(read.alias("_n"))
    return _compiled(rows, marks, [int] + [_converter(v) for v in slots], {0}, (0,))
