"""A search's page found by walking its list's order (``db.paging``): the SQL of the walk, built once
per shape like every list's (``db.prepared``), and of the row where a walk stops.

A search with many matches does not sort them all: it reads the list's order index from the
top (or the cursor) and tests each row, stopping at the page's last match or at the reach (the
WALK-th row), whichever comes first; a walk that runs out of reach leaves the page to sorting.
"""

from __future__ import annotations

from peewee import SQL, DateTimeField, Field, Select, Tuple, Value, fn

from .prepared import _MARK_DATE, Statement, _compiled, _converter, mark


def compile_search(
    listing,
    after,
    cursor: tuple | None,
    limit: int,
    reach: int,
    cap: int,
    counted: bool = True,
    reached: bool = False,
) -> Statement:
    """A search's page: its keys walked in the list's order (the first ``limit`` matches after the
    cursor in the order's index, among the next ``reach`` rows at most: the database stops at the
    page's last match instead of reading and sorting every match). Slots are filled from
    ``(*cursor, limit, *slots)`` (``slots``: the listing's filters given as parameters, search terms).

    The walk stops above the reach's last row's leading value: SQLite bounds an index scan by a row
    value's first column only, and at 1M quotes the 2,000th speaker's count is 0, as is nearly every
    speaker's after it: ``(quote_count, id) >= (0, k1)`` scanned them all (``?q=obama``: 22 ms).
    Not ``counted`` (SQLite) that is the whole walk; fewer than ``limit`` rows: the caller sorts the
    matches. ``counted`` (PostgreSQL: one round trip where there were three), one statement has the
    capped count, the walk (with the rows at the reach's last value), or the matches sorted when
    they are no more than ``cap``, each row carrying ``_total``:

        WITH _m (k) AS MATERIALIZED (the matches' keys ... LIMIT cap + 1),
             _f (k0, k1) AS MATERIALIZED (the reach's last row: ... LIMIT 1 OFFSET reach - 1),
             _a AS MATERIALIZED (walk: n > cap AND quote_count > k0 ... LIMIT ?)
        SELECT ..., n AS _total FROM speaker WHERE id IN (
          SELECT id FROM _a
          UNION ALL SELECT id FROM (walk: n > cap AND quote_count = k0 AND id >= k1 ... LIMIT ? - rows of _a)
          UNION ALL SELECT id FROM (sorted: n <= cap AND id IN _m ... LIMIT ?))

    (``n``: the rows of ``_m``). Fewer than ``limit`` rows with ``n`` over ``cap``: the walk ran
    out of reach (the caller sorts the matches).

    ``reached`` (a first page): the reach's last row is not in the statement but given after the
    slots' values (``db.paging.reach``, read once in a while): any values bound a prefix of the
    list's order, so a stale one moves where the walk stops, never what a page it finds holds."""
    walked_fields(listing)
    slots = tuple(listing.slots.values())
    marks = tuple(mark(i, v) for i, v in enumerate((*(cursor or ()), limit, *slots)))
    if slots:
        listing = listing.marked(marks[len(marks) - len(slots) :])
    order, (base, matches) = listing.order, listing.walk
    given = tuple(mark(len(marks) + i, _sample(f)) for i, (f, _) in enumerate(order)) if reached else ()
    fields, at = [f for f, _ in order], len(cursor or ())
    key = base.model._meta.primary_key
    later = after(order, marks[:at]) if cursor is not None else None

    def limited(query, limit):
        query = query if later is None else query.where(later)
        return query.order_by(*(f.desc() for f in fields)).limit(limit)

    rows = listing.query.clone()
    rows._where = None
    if not counted:  # SQLite: the walk above the reach's last leading value, alone
        last = limited(base.select(fields[0]), 1).offset(reach - 1)
        rows = rows.where(key.in_(limited(base.select(key).where(matches & (fields[0] > last)), marks[at])))
        converters = [f.db_value for f in fields[:at]] + [int] + [_converter(v) for v in slots]
        return _compiled(rows, marks, converters, set(range(at + 1)), (at,))
    names = [f"k{i}" for i in range(len(fields))]
    farthest = limited(base.select(*fields), 1).offset(reach - 1).cte("_f", columns=names, materialized=True)
    found = [Select([farthest], [getattr(farthest.c, name)]) for name in names]
    last = list(given) or found  # given: the values after the slots'; else the _f row
    tail = fields[1] >= last[1] if len(fields) == 2 else Tuple(*fields[1:]) >= Tuple(*last[1:])
    # the matches' keys, up to cap + 1: their number, and all of them when no more than cap
    keyed = listing.count.select(key) if listing.total is None else listing.total
    matched = keyed.order_by().limit(cap + 1).cte("_m", columns=("k",), materialized=True)
    n = Select([matched], [fn.COUNT(SQL("1"))])
    walking, sorting = n > cap, n <= cap  # one-time filters: the arm whose filter is false is not run
    above = limited(base.select(key).where(matches & walking & (fields[0] > last[0])), marks[at])
    above = above.cte("_a", materialized=True)
    rest = Value(marks[at]) - Select([above], [fn.COUNT(SQL("1"))])  # what the walk above left
    # sorted: a few keys, read from _m (a generic plan of the list's own filters walked the list's
    # index for them, 49 ms for a word that matched no one at 100k)
    among = base.select(key).where(sorting & key.in_(Select([matched], [matched.c.k])))
    keys = Select([above], [getattr(above.c, key.column_name)])
    at_last = base.select(key).where(matches & walking & (fields[0] == last[0]) & tail)
    for name, arm in (("_b", limited(at_last, rest)), ("_s", limited(among, marks[at]))):
        arm = arm.alias(name)
        keys += Select([arm], [getattr(arm.c, key.column_name)])  # UNION ALL
    ctes = (matched, above) if reached else (matched, farthest, above)
    rows = rows.where(key.in_(keys)).with_cte(*ctes).select_extend(n.alias("_total"))
    converters = [f.db_value for f in fields[:at]] + [int] + [_converter(v) for v in slots]
    converters += [f.db_value for f in fields] if reached else []
    expected = set(range(at + 1)) | set(range(len(marks), len(marks) + len(given)))
    return _compiled(rows, marks + given, converters, expected, (at,))


def walked_fields(listing) -> list:
    """The columns of ``listing``'s order, which a walk needs to run one way (descending)."""
    if not all(desc for _, desc in listing.order):
        raise ValueError("a walked order runs one way (descending): its keys compare as a row value")
    return [f for f, _ in listing.order]


def reach_row(base, fields: list, reach: int, columns: list | None = None):
    """The query of the ``reach``-th row of ``base`` (a whole table, as the walks of a view's searches
    all are: a filtered one would bound each filter apart) in ``fields``' descending order, selecting
    ``columns`` (all of ``fields`` by default)."""
    if base._where is not None or len(base._from_list) > 1 or getattr(base, "_joins", None):
        raise ValueError("a walk's reach is read on a whole table")
    ordered = base.select(*(columns or fields)).order_by(*(f.desc() for f in fields))
    return ordered.limit(1).offset(reach - 1)


def compile_reach(base, fields: list, reach: int) -> Statement:
    """``reach_row``'s Statement: where a first page's walk stops (``db.paging.reach``)."""
    return _compiled(reach_row(base, fields, reach), (), [], set())


def _sample(field: Field):
    """A value of ``field``'s type, for its marker."""
    return _MARK_DATE if isinstance(field, DateTimeField) else 0
