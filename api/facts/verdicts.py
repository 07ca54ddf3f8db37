"""Speakers' verdict tallies as pages show them: one indexed query per page, its SQL built once per
page size (``db.prepared``)."""

from __future__ import annotations

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
