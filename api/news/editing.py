"""Editors' writes on the news record: fixes of quotes, speaker identities, the rows a merge moves.

Steps of a larger write (``intake/fixes.py`` adds what claims need); each takes the
write's list of changes where it records any. A fix is kept by article and words
(``QuoteFix``), so that re-extracting a corrected text applies it again.
"""

from __future__ import annotations

from ..core.errors import NotFound
from ..core.text import digest, fold, normalize
from ..db.models import insert_rows, utcnow
from ..extraction import PERSON
from ..extraction import Speaker as Named
from .matching import StatementRow
from .models import Quote, QuoteFix, Speaker, SpeakerAlias, SpeakerMerge, Statement
from .speakers import insert_speakers, speaker_key, stored_keys
from .statements import index, statement_key


def live_speaker_id(speaker_id: int) -> int:
    """The id of the speaker ``speaker_id`` is now (itself, or the one it was merged into)."""
    if Speaker.get_or_none(Speaker.id == speaker_id) is not None:
        return speaker_id
    merged = SpeakerMerge.get_or_none(SpeakerMerge.old_id == speaker_id)
    if merged is None:
        raise NotFound(f"No speaker with id {speaker_id}.")
    return merged.speaker_id


def speaker_named(name: str, changes: list) -> int:
    """The person called ``name`` (by key, a merged one leading on), created when there is none."""
    found = Named(name=name.strip(), kind=PERSON)
    key = speaker_key(found)
    stored = stored_keys([key])
    if key not in stored:
        insert_speakers({key: found}, changes)
        stored = stored_keys([key])
    insert_rows(
        SpeakerAlias,
        [SpeakerAlias.speaker, SpeakerAlias.alias, SpeakerAlias.folded],
        [(stored[key], found.name, fold(found.name)[:400])],
        ignore=True,
    )
    return stored[key]


def fixed_quote(quote_id: int) -> Quote:
    quote = Quote.get_or_none(Quote.id == quote_id)
    if quote is None:
        raise NotFound(f"No quote with id {quote_id}.")
    return quote


def record_fix(quote: Quote, speaker_id: int | None, not_a_quote: bool, actor: str | None) -> QuoteFix:
    """Keep the decision on ``quote``'s words in its article (replacing an earlier one on them)."""
    norm_hash = digest(normalize(quote.text))
    now = utcnow()
    QuoteFix.delete().where(
        (QuoteFix.article == quote.article_id) & (QuoteFix.norm_hash == norm_hash)
    ).execute()
    fix = QuoteFix.create(
        article=quote.article_id,
        norm_hash=norm_hash,
        speaker=speaker_id,
        not_a_quote=not_a_quote,
        actor=actor,
        at=now,
    )
    Quote.update(fixed_at=now, fixed_by=actor).where(Quote.id == quote.id).execute()
    return fix


def set_same_as(speaker_id: int, urls: list[str], changes: list) -> None:
    """Replace the speaker's outside identities (an empty list: none)."""
    Speaker.update(same_as=list(dict.fromkeys(urls)) or None, updated_at=utcnow()).where(
        Speaker.id == speaker_id
    ).execute()
    changes.append(("speaker", speaker_id, "updated"))


def statement_row(statement: Statement) -> StatementRow:
    """A stored statement as the statement steps take it (its index rows as stored)."""
    row = StatementRow(
        statement.id, statement.speaker_id, statement.text, statement.normalized, statement.first_seen_at
    )
    row.stored_hashes = row.hashes()
    return row


def move_statement(statement: Statement, speaker_id: int | None, changes: list) -> Statement | None:
    """Give a statement to another speaker; when that speaker has one of the same words already,
    that twin is returned (the caller folds the two), else the statement is rekeyed and reindexed."""
    key = statement_key(speaker_id, statement.normalized)
    twin = Statement.get_or_none(Statement.key == key)
    if twin is not None and twin.id != statement.id:
        return twin
    Statement.update(speaker=speaker_id, key=key, updated_at=utcnow()).where(
        Statement.id == statement.id
    ).execute()
    moved = StatementRow(
        statement.id, speaker_id, statement.text, statement.normalized, statement.first_seen_at
    )
    moved.stored_hashes = statement_row(statement).stored_hashes
    index([moved])
    changes.append(("statement", statement.id, "updated"))
    return None


def move_speaker_rows(old: Speaker, into: int, actor: str | None) -> None:
    """A merge's moves on news rows: ``old``'s quotes, fixes, aliases and redirects go to ``into``, and
    ``old``'s id and key lead there from now on (the statements must have moved first)."""
    Quote.update(speaker=into).where(Quote.speaker == old.id).execute()
    QuoteFix.update(speaker=into).where(QuoteFix.speaker == old.id).execute()
    aliases = SpeakerAlias.select(SpeakerAlias.alias, SpeakerAlias.folded).where(
        SpeakerAlias.speaker == old.id
    )
    insert_rows(
        SpeakerAlias,
        [SpeakerAlias.speaker, SpeakerAlias.alias, SpeakerAlias.folded],
        [(into, alias, folded) for alias, folded in aliases.tuples()],
        ignore=True,
    )
    SpeakerMerge.update(speaker=into).where(SpeakerMerge.speaker == old.id).execute()
    SpeakerMerge.create(old_id=old.id, old_key=old.key, speaker=into, actor=actor, at=utcnow())
    Speaker.delete().where(Speaker.id == old.id).execute()
    Speaker.update(updated_at=utcnow()).where(Speaker.id == into).execute()
