"""Writes of speakers: one stored person or organisation per canonical name, with aliases."""

from __future__ import annotations

from ..core.text import fold, like_escape
from ..db.models import get_or_create, like
from ..extraction import PERSON, UNKNOWN
from .models import Speaker, SpeakerAlias

_MAX_KEY = 400


def _known_by_surname(found, folded: str) -> Speaker | None:
    """For a one-word name ("Austin"): the one stored person known by it, if exactly one is.

    "Defense Secretary Lloyd Austin" in one article and only "Austin" in a later one are one
    speaker; when two people share the alias ("Clinton"), it stays a speaker of its own.
    """
    if found.kind != PERSON or " " in folded:
        return None
    by_alias = SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.folded == folded)
    known = list(
        Speaker.select()
        .where(
            (Speaker.kind == PERSON)
            & (Speaker.folded != folded)
            & (like(Speaker.folded, f"% {like_escape(folded)}") | Speaker.id.in_(by_alias))
        )
        .limit(2)
    )
    return known[0] if len(known) == 1 else None


def upsert_speaker(found) -> int | None:
    """The id of the stored speaker for an engine Speaker (created on first sight), with its aliases.

    Its title is updated to the latest one given. Nameless speakers ("a senior
    official") are not entities: their quotes keep the mention only (None).
    """
    if found.kind == UNKNOWN or not found.name.strip():
        return None
    folded = fold(found.name)
    key = f"{found.kind}:{folded}"[:_MAX_KEY]
    speaker = Speaker.get_or_none(Speaker.key == key) or _known_by_surname(found, folded)
    if speaker is None:
        speaker, _ = get_or_create(
            Speaker,
            Speaker.key == key,
            key=key,
            name=found.name,
            title=found.title,
            kind=found.kind,
            folded=folded,
        )
    if found.title and found.title != speaker.title:
        Speaker.update(title=found.title).where(Speaker.id == speaker.id).execute()
    aliases = {fold(a)[:_MAX_KEY]: a for a in (found.name, *found.aliases) if a.strip()}
    SpeakerAlias.insert_many(
        [{"speaker": speaker.id, "alias": alias, "folded": f} for f, alias in aliases.items()]
    ).on_conflict_ignore().execute()
    return speaker.id
