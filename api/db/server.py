"""PostgreSQL: a compiled Statement (``db.prepared``) runs as a server-side prepared statement.

Planning a list page's query (three joins, a key subquery, a capped count) costs PostgreSQL
more than running it; a statement prepared once per connection is planned once. Each
connection PREPAREs a Statement the first time it runs it, under a name made from its SQL
and the values inlined into it, and EXECUTEs it from then on. Constants of the shape (a
filter's value, a search's words) and the page's limit and offset are written into the
prepared text as literals, so that the plan is made for them (a page without a cursor has no
parameter at all: its plan is made once); a cursor's values, a quote list's speaker or article
and a page's ids are parameters (``$1``...), planned once for any value (each connection sets
``plan_cache_mode`` to ``force_generic_plan``, ``db.binding``). A
connection keeps at most ``KEPT`` statements, the least recently used deallocated first.
"""

from __future__ import annotations

import hashlib
import re
import threading
import weakref
from collections import OrderedDict

from .binding import database

ENABLED = True  # off: Statements run as plain SQL (the benchmarks compare both)
KEPT = 256  # prepared statements per connection (each search's words make a statement of their own)
_PLACEHOLDER = re.compile(r"%s|%%")
_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # connection -> OrderedDict of names
_lock = threading.Lock()


def _literal(cursor, value) -> str:
    """``value`` as an SQL literal, its ``%`` doubled: the PREPARE text is sent through the driver's
    interpolation (which turns ``%%`` back into ``%``)."""
    return cursor.mogrify("%s", (value,)).decode().replace("%", "%%")


def _text(statement, values: tuple, cursor) -> tuple[str, list[int]]:
    """The PREPARE body of ``statement`` for ``values`` and the positions of its parameters, in order."""
    slots = {position: (index, convert) for position, index, convert in statement.slots}
    parts, params, position = [], [], 0
    pieces = _PLACEHOLDER.split(statement.sql)
    for piece, mark in zip(pieces, [*_PLACEHOLDER.findall(statement.sql), None], strict=True):
        parts.append(piece)
        if mark == "%%":
            parts.append("%%")
        elif mark == "%s":
            index, convert = slots.get(position, (None, None))
            if index is not None and index not in statement.inline:
                params.append(position)
                value = convert(values[index])  # an id as bigint: 2**31 and over are no row, not an error
                wide = isinstance(value, int) and not isinstance(value, bool)
                parts.append(f"${len(params)}::bigint" if wide else f"${len(params)}")
            else:
                value = statement.params[position] if index is None else convert(values[index])
                parts.append(_literal(cursor, value))
            position += 1
    return "".join(parts), params


def _name(statement, inlined: tuple) -> str:
    """The prepared statement's name: a digest of its SQL and inlined values, kept on the Statement
    (at most ``KEPT`` of them: a page's limit and offset are inlined)."""
    name = statement.prepared.get(inlined)
    if name is None:
        digest = hashlib.blake2b(repr((statement.sql, statement.params, inlined)).encode(), digest_size=12)
        if len(statement.prepared) >= KEPT:
            statement.prepared.clear()
        name = statement.prepared[inlined] = "qb_" + digest.hexdigest()
    return name


def execute(statement, values: tuple):
    """Run ``statement`` with ``values`` on this request's connection, prepared there if it is not yet;
    the cursor, as ``database.execute_sql`` gives it."""
    connection = database.connection()
    name = _name(statement, tuple(values[i] for i in statement.inline))
    with _lock:
        kept = _kept.setdefault(connection, OrderedDict())
        known = kept.get(name)
    if known is None:
        body, positions = _text(statement, values, connection.cursor())
        with _lock:  # noted first: a statement prepared is never prepared twice on a connection
            kept[name] = positions
            stale = kept.popitem(last=False)[0] if len(kept) > KEPT else None
        try:
            database.execute_sql(f"PREPARE {name} AS {body}", ())
        except Exception:
            with _lock:
                kept.pop(name, None)
            raise
        if stale is not None:
            database.execute_sql(f"DEALLOCATE {stale}", ())
        known = positions
    else:
        with _lock:
            kept.move_to_end(name)
    slots = {position: (index, convert) for position, index, convert in statement.slots}
    args = [slots[p][1](values[slots[p][0]]) for p in known]
    return database.execute_sql(
        f"EXECUTE {name}({', '.join(['%s'] * len(args))})" if args else f"EXECUTE {name}", args
    )
