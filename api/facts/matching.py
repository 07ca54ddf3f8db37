"""The matching seam: one ``api.matching.Index`` of every fact-check per process, kept current
by replaying the change log.

Each gunicorn worker (and each command) holds its own ``FactCheckIndex``. Before it answers,
``refresh()`` reads the fact-check changes after the last one it has seen (one indexed query,
``change (entity, id)``) and adds, replaces or removes those fact-checks, so a fact-check
imported through any worker, or by ``flask factchecks import``, is matched by all of them on
their next request, on SQLite and PostgreSQL alike. The first refresh loads every fact-check,
a batch at a time. Change ids become visible in order (``events/log.py``), so nothing slips
between the load and the first replay. Searching costs what the engine's index costs, not a
scan of the fact-checks.
"""

from __future__ import annotations

import gc
import threading

from peewee import fn

from ..db.models import chunks
from ..db.paging import scan
from ..events.models import Change
from ..matching import Index
from .models import FactCheck

LOAD_BATCH = 5000
# What a match shows of a fact-check (not its raw JSON-LD, which may be long to decode).
REF_COLUMNS = (
    FactCheck.id,
    FactCheck.url,
    FactCheck.claim_text,
    FactCheck.claimant,
    FactCheck.rating_label,
    FactCheck.rating_value,
    FactCheck.best_rating,
    FactCheck.worst_rating,
    FactCheck.reviewer,
    FactCheck.reviewer_url,
    FactCheck.review_date,
    FactCheck.source,
    FactCheck.speaker,
)


class FactCheckIndex:
    """Every fact-check in a matching ``Index``, by id; ``refresh()`` before ``search()``."""

    def __init__(self) -> None:
        self._index: Index | None = None  # made on first use: an app that never matches loads no model
        self.cursor: int | None = None  # the last change replayed; None: not loaded yet
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        if self._index is None:
            self._index = Index()
        return self._index

    def __len__(self) -> int:
        return len(self._index) if self._index is not None else 0

    def refresh(self) -> None:
        """Catch up with the change log (the first call loads every fact-check)."""
        with self._lock:
            if self.cursor is None:
                self._load()
            else:
                self._replay()

    def _load(self) -> None:
        cursor = Change.select(fn.MAX(Change.id)).scalar() or 0
        query = FactCheck.select(FactCheck.id, FactCheck.claim_text, FactCheck.title)
        for rows in scan(query, FactCheck.id, LOAD_BATCH):
            for row in rows:
                self.index.add(row.id, row.claim_text, row.title or "")
        self.cursor = cursor
        # The index lives as long as the process: keep the cyclic garbage collector from
        # walking its objects on every full collection (that cost grew with the fact-checks).
        gc.freeze()

    def _replay(self) -> None:
        changes = list(
            Change.select(Change.id, Change.entity_id)
            .where((Change.entity == "factcheck") & (Change.id > self.cursor))
            .order_by(Change.id)
            .tuples()
        )
        if not changes:
            return
        ids = sorted({entity_id for _, entity_id in changes})
        columns = (FactCheck.id, FactCheck.claim_text, FactCheck.title)
        found = {
            row.id: row
            for part in chunks(ids)
            for row in FactCheck.select(*columns).where(FactCheck.id.in_(part))
        }
        for fid in ids:
            if fid in found:
                self.index.add(fid, found[fid].claim_text, found[fid].title or "")
            else:
                self.index.remove(fid)
        self.cursor = changes[-1][0]

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` closest fact-checks to ``text``: (id, similarity in [0, 1]), best first."""
        with self._lock:  # not while a refresh (in another thread) is changing the index
            return self.index.search(text, k)


def ranked_factchecks(index: FactCheckIndex, text: str, k: int = 10) -> list[tuple[FactCheck, float]]:
    """The fact-checks closest to ``text``, best first, with their similarity (POST /match)."""
    index.refresh()
    found = index.search(text, k)
    rows = (
        {f.id: f for f in FactCheck.select().where(FactCheck.id.in_([fid for fid, _ in found]))}
        if found
        else {}
    )
    return [(rows[fid], similarity) for fid, similarity in found if fid in rows]
