"""One statement, many appearances: link each new quote to the statement it repeats.

The same speaker's same words, after folding case, accents, punctuation,
quotation-mark style and spacing, are one statement; so is a partial quote
contained in a longer one (both of at least MIN_WORDS words, so that a stock
phrase such as "a disaster" does not join unrelated remarks).
"""
from __future__ import annotations

from peewee import SQL, fn

from .db import database
from .models import Claim, Quote, Review, Statement, create_or_get, utcnow
from .textutil import digest, normalize

MIN_WORDS = 4


def statement_key(speaker_id: int | None, normalized: str) -> str:
    return f"{speaker_id or 0}:{digest(normalized)}"


def attach(speaker_id: int | None, text: str, dated_at, changes: list) -> int | None:
    """The id of the statement that ``text`` (said by ``speaker_id``) is an appearance of."""
    norm = normalize(text)
    if not norm:
        return None
    words = norm.count(" ") + 1
    key = statement_key(speaker_id, norm)
    same = Statement.key == key
    if speaker_id and words >= MIN_WORDS:
        same |= _overlapping(speaker_id, norm)
    found = list(Statement.select().where(same))
    if not found:
        statement, created = create_or_get(
            Statement, Statement.key == key, key=key, speaker=speaker_id, text=text, normalized=norm,
            word_count=words, first_seen_at=dated_at)
        if created:
            changes.append(("statement", statement.id, "created"))
            return statement.id
        found = [statement]  # a concurrent request created it first
    survivor = min(found, key=lambda s: s.id)
    _merge(survivor, [s for s in found if s.id != survivor.id], changes)
    _grow(survivor, text, norm, words, dated_at)
    changes.append(("statement", survivor.id, "updated"))
    # A new appearance: its claims (and their verdicts) now reach one more article.
    changes += [("claim", c.id, "updated") for c in Claim.select(Claim.id).where(Claim.statement == survivor.id)]
    return survivor.id


def _overlapping(speaker_id: int, norm: str):
    """A condition: statements of the speaker that contain ``norm`` or that ``norm`` contains, word-aligned.

    Normalized text holds only letters, digits and single spaces, so it is safe inside LIKE.
    """
    padded, p = f" {norm} ", database.param
    contains_new = SQL(f"(' ' || normalized || ' ') LIKE {p}", [f"%{padded}%"])
    inside_new = SQL(f"{p} LIKE ({p} || normalized || {p})", [padded, "% ", " %"])
    return (Statement.speaker == speaker_id) & (contains_new | ((Statement.word_count >= MIN_WORDS) & inside_new))


def _grow(statement: Statement, text: str, norm: str, words: int, dated_at) -> None:
    """Keep the longest wording and the earliest date."""
    updates = {"updated_at": utcnow()}
    if words > statement.word_count:
        updates.update(text=text, normalized=norm, word_count=words)
    if dated_at < statement.first_seen_at:
        updates["first_seen_at"] = dated_at
    Statement.update(**updates).where(Statement.id == statement.id).execute()


def _merge(survivor: Statement, others: list[Statement], changes: list) -> None:
    """Fold ``others`` into ``survivor``: their appearances, claims and verdicts move over."""
    for other in others:
        Quote.update(statement=survivor.id).where(Quote.statement == other.id).execute()
        for claim in Claim.select().where(Claim.statement == other.id):
            twin = Claim.get_or_none((Claim.statement == survivor.id) & (Claim.norm_hash == claim.norm_hash))
            if twin is None:
                Claim.update(statement=survivor.id).where(Claim.id == claim.id).execute()
                changes.append(("claim", claim.id, "updated"))
            else:
                Review.update(claim=twin.id).where(Review.claim == claim.id).execute()
                claim.delete_instance()
                changes.append(("claim", claim.id, "deleted"))
                changes.append(("claim", twin.id, "updated"))
        if other.first_seen_at < survivor.first_seen_at:
            survivor.first_seen_at = other.first_seen_at
            Statement.update(first_seen_at=other.first_seen_at).where(Statement.id == survivor.id).execute()
        other.delete_instance()
        changes.append(("statement", other.id, "deleted"))


def refresh_first_seen(statement_ids: set[int]) -> None:
    """After appearances were deleted: first seen = the earliest one left (kept if none is)."""
    for sid in statement_ids:
        earliest = Quote.select(fn.MIN(Quote.dated_at)).where(Quote.statement == sid).scalar()
        if earliest is not None:
            Statement.update(first_seen_at=earliest, updated_at=utcnow()).where(Statement.id == sid).execute()
