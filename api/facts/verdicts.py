"""Speakers' verdict tallies as pages show them: one indexed query per page, its SQL built once per
page size (``db.prepared``), or a column of the page's own query (``verdicts_columns``)."""

from __future__ import annotations

from peewee import fn

from ..db import is_postgres
from ..db.prepared import STATEMENTS, compile_in
from .models import SpeakerVerdict


def verdicts_of(ids: list[int]) -> dict[int, dict[str, int]]:
    """Per speaker: how many verdicts their claims have, by rating label."""
    verdicts: dict[int, dict[str, int]] = {i: {} for i in ids}
    if ids:
        statement = STATEMENTS.get(
            ("verdicts", len(ids)), lambda: compile_in(_verdicts_query, SpeakerVerdict.speaker, len(ids))
        )
        for row in statement.run(tuple(ids)):
            verdicts[row["SpeakerVerdict.speaker"]][row["SpeakerVerdict.label"]] = row["SpeakerVerdict.count"]
    return verdicts


def _verdicts_query(ids):
    query = SpeakerVerdict.select(SpeakerVerdict.speaker, SpeakerVerdict.label, SpeakerVerdict.count)
    query = query.where(SpeakerVerdict.speaker.in_(ids) & (SpeakerVerdict.count > 0))
    return query.order_by(SpeakerVerdict.label)


def verdicts_columns(speaker_id) -> tuple:
    """Columns for a speaker list's query: on PostgreSQL ``verdicts``, the speaker's tallies as a JSON
    object (label -> count, read by ``verdicts_in``), so that the page takes no round trip of its own
    for them; none on SQLite, where a query of their own (``verdicts_of``) takes less CPU."""
    if not is_postgres():
        return ()
    counts = SpeakerVerdict.select(fn.json_object_agg(SpeakerVerdict.label, SpeakerVerdict.count))
    return (
        counts.where((SpeakerVerdict.speaker == speaker_id) & (SpeakerVerdict.count > 0)).alias("verdicts"),
    )


def verdicts_in(value) -> dict[str, int]:
    """The tallies of a ``verdicts_columns`` value (parsed by the driver; None: no verdict), by label
    as ``verdicts_of`` gives them."""
    return dict(sorted((value or {}).items()))
