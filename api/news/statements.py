"""Writes of statements: what a speaker said, once, however many outlets reported it.

The same speaker's same words, after folding case, accents, punctuation,
quotation-mark style and spacing, are one statement; so is a partial quote
contained in a longer one (both of at least MIN_OVERLAP_WORDS words, so that a
stock phrase such as "a disaster" does not join unrelated remarks). These are
the steps on statement rows; ``intake/statements.py`` puts them together with
the claims that hang on a statement.
"""

from __future__ import annotations

from peewee import SQL, fn

from ..core.text import digest, word_count
from ..core.vocabulary import MIN_OVERLAP_WORDS
from ..db import database
from ..db.models import get_or_create, utcnow
from .models import Quote, Statement


def statement_key(speaker_id: int | None, normalized: str) -> str:
    return f"{speaker_id or 0}:{digest(normalized)}"


def repeated_statements(speaker_id: int | None, norm: str) -> list[Statement]:
    """The stored statements that words ``norm`` of ``speaker_id`` repeat: the same, or overlapping."""
    same = Statement.key == statement_key(speaker_id, norm)
    if speaker_id and word_count(norm) >= MIN_OVERLAP_WORDS:
        same |= _overlapping(speaker_id, norm)
    return list(Statement.select().where(same))


def _overlapping(speaker_id: int, norm: str):
    """A condition: statements of the speaker that contain ``norm`` or that ``norm`` contains, word-aligned.

    Normalized text holds only letters, digits and single spaces, so it is safe inside LIKE.
    """
    padded, p = f" {norm} ", database.param
    contains_new = SQL(f"(' ' || normalized || ' ') LIKE {p}", [f"%{padded}%"])
    inside_new = SQL(f"{p} LIKE ({p} || normalized || {p})", [padded, "% ", " %"])
    return (Statement.speaker == speaker_id) & (
        contains_new | ((Statement.word_count >= MIN_OVERLAP_WORDS) & inside_new)
    )


def create_statement(speaker_id: int | None, text: str, norm: str, dated_at) -> tuple[Statement, bool]:
    """(statement, created): a new statement of these words, or the one a concurrent request made."""
    key = statement_key(speaker_id, norm)
    return get_or_create(
        Statement,
        Statement.key == key,
        key=key,
        speaker=speaker_id,
        text=text,
        normalized=norm,
        word_count=word_count(norm),
        first_seen_at=dated_at,
    )


def keep_longest_and_earliest(statement: Statement, text: str, norm: str, dated_at) -> None:
    """After a new appearance: keep the longest wording and the earliest date."""
    updates = {"updated_at": utcnow()}
    if word_count(norm) > statement.word_count:
        updates.update(text=text, normalized=norm, word_count=word_count(norm))
    if dated_at < statement.first_seen_at:
        updates["first_seen_at"] = dated_at
    Statement.update(**updates).where(Statement.id == statement.id).execute()


def fold_into(survivor: Statement, other: Statement, changes: list) -> None:
    """Move the appearances of ``other`` to ``survivor`` (and its date, if earlier); delete ``other``.

    Whatever else hangs on ``other`` (its claims) must have moved first: deleting it cascades.
    """
    Quote.update(statement=survivor.id).where(Quote.statement == other.id).execute()
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
