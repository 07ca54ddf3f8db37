"""Writes of speakers: one stored person or organisation per canonical name, with aliases, locked
in one order, and the counts kept on each (quotes, articles, first and last quoted, claims)."""

from __future__ import annotations

from collections import Counter, defaultdict

from peewee import Case, fn

from ..core.text import fold
from ..db import is_postgres
from ..db.models import chunks, insert_rows, utcnow
from ..extraction import PERSON, UNKNOWN
from .aliases import speakers_with_surname
from .models import Quote, Speaker, SpeakerAlias, SpeakerMerge

_MAX_KEY = 400


def speaker_key(found) -> str:
    return f"{found.kind}:{fold(found.name)}"[:_MAX_KEY]


def _named(found) -> bool:
    """Nameless speakers ("a senior official") are not entities: their quotes keep the mention only."""
    return found.kind != UNKNOWN and bool(found.name.strip())


def _known_by_surname(found, folded: str, planned: dict) -> int | str | None:
    """For a one-word name ("Austin"): the one person known by it, stored or planned, if exactly one is.

    "Defense Secretary Lloyd Austin" in one article and only "Austin" in a later one are one
    speaker; when two people share the alias ("Clinton"), it stays a speaker of its own.
    """
    if found.kind != PERSON or " " in folded:
        return None
    stored = Speaker.select(Speaker.id).where(
        (Speaker.kind == PERSON) & (Speaker.folded != folded) & Speaker.id.in_(speakers_with_surname(folded))
    )
    known: list[int | str] = [s.id for s in stored.limit(2)]
    known += [
        key
        for key, new in planned.items()
        if new.kind == PERSON and fold(new.name).endswith(f" {folded}") and key not in known
    ]
    return known[0] if len(known) == 1 else None


def stored_keys(keys: list[str]) -> dict[str, int]:
    """Key -> stored speaker id, a merged speaker's key leading to the speaker it became."""
    stored = {}
    for part in chunks(keys):
        stored.update(
            SpeakerMerge.select(SpeakerMerge.old_key, SpeakerMerge.speaker)
            .where(SpeakerMerge.old_key.in_(part))
            .tuples()
        )
        stored.update(Speaker.select(Speaker.key, Speaker.id).where(Speaker.key.in_(part)).tuples())
    return stored


_NEW_SPEAKER = (
    Speaker.key,
    Speaker.name,
    Speaker.title,
    Speaker.kind,
    Speaker.folded,
    Speaker.created_at,
    Speaker.updated_at,
    Speaker.quote_count,
    Speaker.article_count,
    Speaker.claim_count,
)


def insert_speakers(planned: dict, changes: list) -> None:
    """Insert engine Speakers by key (one a concurrent writer inserted first is skipped)."""
    now = utcnow()
    values = [
        (k, s.name, s.title, s.kind, fold(s.name), now, now, 0, 0, 0) for k, s in sorted(planned.items())
    ]
    created = insert_rows(Speaker, _NEW_SPEAKER, values, ignore=True, returning=(Speaker.id,))
    changes += [("speaker", sid, "created") for (sid,) in sorted(created)]


def resolve_speakers(found: list, changes: list) -> dict:
    """Engine Speaker -> stored speaker id (None for the nameless), created on first sight, locked.

    The article's speakers are looked up at once (a name an editor merged into another
    speaker finds that one), missing ones inserted in key order, then every one is locked
    in id order (``lock_speakers``); titles move to the latest given and every name is kept
    as an alias.
    """
    named = [s for s in dict.fromkeys(found) if s is not None and _named(s)]
    keys = {s: speaker_key(s) for s in named}
    stored = stored_keys(sorted(set(keys.values())))
    planned: dict[str, object] = {}
    chosen: dict = {}
    for s in named:
        key = keys[s]
        chosen[s] = stored.get(key) or (
            key if key in planned else _known_by_surname(s, fold(s.name), planned)
        )
        if chosen[s] is None:
            planned[key] = s
            chosen[s] = key
    if planned:
        insert_speakers(planned, changes)
        stored.update(stored_keys(sorted(planned)))
    ids = {s: stored[c] if isinstance(c, str) else c for s, c in chosen.items()}
    lock_speakers(set(ids.values()))
    _keep_titles_and_aliases(ids, changes)
    return ids


def lock_speakers(ids) -> None:
    """Lock speaker rows for the rest of the transaction, in id order (PostgreSQL; SQLite's writers queue).

    Every write that changes a speaker or its statements takes these locks first and in
    this order, so two writers sharing speakers wait for each other instead of deadlocking.
    """
    if ids and is_postgres():
        Speaker.select(Speaker.id).where(Speaker.id.in_(sorted(ids))).order_by(Speaker.id).for_update(
            "FOR NO KEY UPDATE"
        ).execute()


def _keep_titles_and_aliases(ids: dict, changes: list) -> None:
    latest = {}
    for found, sid in ids.items():
        if found.title:
            latest[sid] = found.title
    current = dict(Speaker.select(Speaker.id, Speaker.title).where(Speaker.id.in_(list(latest))).tuples())
    for sid, title in sorted(latest.items()):
        if current.get(sid) != title:
            Speaker.update(title=title, updated_at=utcnow()).where(Speaker.id == sid).execute()
            changes.append(("speaker", sid, "updated"))
    aliases = {
        (sid, fold(a)[:_MAX_KEY]): a
        for found, sid in ids.items()
        for a in (found.name, *found.aliases)
        if a.strip()
    }
    rows = [(sid, alias, f) for (sid, f), alias in sorted(aliases.items())]
    insert_rows(
        SpeakerAlias, [SpeakerAlias.speaker, SpeakerAlias.alias, SpeakerAlias.folded], rows, ignore=True
    )


def count_quotes(speaker_ids: list, dated_at, sign: int = 1) -> None:
    """An article dated ``dated_at`` with these speakers' quotes (one id per quote) was stored (``sign``
    1) or deleted (-1): one UPDATE per distinct number of quotes, not one per speaker."""
    by_number: dict[int, list[int]] = defaultdict(list)
    for sid, n in Counter(sid for sid in speaker_ids if sid).items():
        by_number[n].append(sid)
    for n, ids in sorted(by_number.items()):
        updates = {
            Speaker.quote_count: Speaker.quote_count + sign * n,
            Speaker.article_count: Speaker.article_count + sign,
        }
        if sign > 0:
            earlier = Speaker.first_quoted_at.is_null() | (Speaker.first_quoted_at > dated_at)
            later = Speaker.last_quoted_at.is_null() | (Speaker.last_quoted_at < dated_at)
            updates[Speaker.first_quoted_at] = Case(None, [(earlier, dated_at)], Speaker.first_quoted_at)
            updates[Speaker.last_quoted_at] = Case(None, [(later, dated_at)], Speaker.last_quoted_at)
        for part in chunks(sorted(ids)):
            Speaker.update(updates).where(Speaker.id.in_(part)).execute()


def count_claims(per_speaker: Counter) -> None:
    """Speaker id -> how many claims their statements gained (negative: lost)."""
    for sid, n in sorted((sid, n) for sid, n in per_speaker.items() if sid and n):
        Speaker.update(claim_count=Speaker.claim_count + n).where(Speaker.id == sid).execute()


def refresh_quote_counts(speaker_ids) -> None:
    """After some of their quotes moved or went: quotes, articles, first and last quoted, from the rows."""
    for sid in sorted(set(speaker_ids) - {None}):
        mine = Quote.select().where(Quote.speaker == sid)
        quotes, articles, first, last = (
            mine.select(
                fn.COUNT(Quote.id),
                fn.COUNT(fn.DISTINCT(Quote.article)),
                fn.MIN(Quote.dated_at),
                fn.MAX(Quote.dated_at),
            )
            .tuples()
            .get()
        )
        Speaker.update(
            quote_count=quotes, article_count=articles, first_quoted_at=first, last_quoted_at=last
        ).where(Speaker.id == sid).execute()


def refresh_quoted_span(speaker_ids) -> None:
    """After quotes were deleted: first and last quoted = the earliest and latest left (None if none)."""
    for sid in sorted(set(speaker_ids) - {None}):
        mine = Quote.select().where(Quote.speaker == sid)
        first = mine.select(fn.MIN(Quote.dated_at)).scalar()
        last = mine.select(fn.MAX(Quote.dated_at)).scalar()
        Speaker.update(first_quoted_at=first, last_quoted_at=last).where(Speaker.id == sid).execute()
