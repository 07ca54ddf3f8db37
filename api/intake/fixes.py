"""Editors' fixes: a quote's speaker or "not a quote", speaker merges, speakers' outside identities.

Each is one write by ``actor`` (an API key's name), recorded in the change feed. A fix of
a quote is kept by its article and words (``news.models.QuoteFix``) and applied again when a
corrected text is re-extracted (``intake/revisions.py``): the engine never overwrites it.

``fix_quote``       PATCH /quotes/{id}: the quote moves to another speaker's statement
                    (claims follow words that were never the old speaker's), or is removed
``merge_speakers``  POST /speakers/{id}/merge: quotes, aliases, statements, claims and verdict
                    tallies follow; the old id and name lead to the survivor from then on
``set_identity``    PATCH /speakers/{id}: ``same_as`` URLs, exported as ClaimReview's ``sameAs``
"""

from __future__ import annotations

from ..core.errors import Conflict
from ..core.text import normalize
from ..events.log import write
from ..facts.claims import (
    add_detected_claims,
    claims_change_speaker,
    move_claims,
    scored_sentences,
    verdicts_follow,
)
from ..news import queries
from ..news.editing import (
    fixed_quote,
    live_speaker_id,
    move_speaker_rows,
    move_statement,
    record_fix,
    set_same_as,
    speaker_named,
    statement_row,
)
from ..news.models import Quote, Speaker, Statement
from ..news.revisions import drop_quotes
from ..news.speakers import lock_speakers, refresh_quote_counts
from ..news.statements import add_appearances, fold_into, refresh_first_seen
from .statements import link_appearances, prune_unheard


def fix_quote(quote_id: int, fields: dict, threshold: float | None = None, actor: str | None = None):
    """(quote, still a quote): ``fields`` is one of speaker_id, speaker_name, not_a_quote."""
    before = queries.get_quote(quote_id)

    def work(changes):
        quote = fixed_quote(quote_id)
        if fields.get("not_a_quote"):
            target = None
        elif fields.get("speaker_id") is not None:
            target = live_speaker_id(fields["speaker_id"])
        else:
            target = speaker_named(fields["speaker_name"], changes)
        lock_speakers({quote.speaker_id, target} - {None})
        fix = record_fix(quote, target, bool(fields.get("not_a_quote")), actor)
        if fix.not_a_quote:
            prune_unheard(drop_quotes([quote], changes), changes)
            refresh_quote_counts([quote.speaker_id])
            changes.append(("quote", quote.id, "deleted"))
            return fix
        if target != quote.speaker_id:
            _reattribute(quote, target, threshold, changes)
        changes.append(("quote", quote.id, "updated"))
        return fix

    fix = write(work, retry_on_conflict=lambda: True, actor=actor)
    if fix.not_a_quote:
        before.fixed_at, before.fixed_by, before.not_a_quote = fix.at, fix.actor, True
        return before, False
    return queries.get_quote(quote_id), True


def _reattribute(quote: Quote, target: int | None, threshold: float | None, changes: list) -> None:
    """The quote's words become an appearance of ``target``'s statement of them (found or made).

    When no other quote is left on its old statement, those words were never the old
    speaker's: its claims (and their verdicts) move to the new statement and it goes.
    """
    norm = normalize(quote.text)
    [statement] = link_appearances([(target, quote.text, norm)], quote.dated_at, changes)
    new_id = statement.id if statement else None
    Quote.update(speaker=target, statement=new_id).where(Quote.id == quote.id).execute()
    old = Statement.get_or_none(Statement.id == quote.statement_id) if quote.statement_id else None
    if old is not None:
        add_appearances({old.id: -1})
        refresh_first_seen({old.id})
        changes.append(("statement", old.id, "updated"))
        if new_id is not None and old.appearance_count <= 1:
            claims_change_speaker(old.id, old.speaker_id, target)
            move_claims(old.id, new_id, target, changes)
            fold_into(statement, statement_row(old), changes)
            verdicts_follow([new_id], changes)
    if statement is not None:
        sentences = scored_sentences(quote.text, threshold)
        add_detected_claims([(new_id, target, s) for s in sentences], changes)
    refresh_quote_counts({quote.speaker_id, target})


def merge_speakers(speaker_id: int, into: int, actor: str | None = None) -> Speaker:
    """Fold speaker ``speaker_id`` into ``into``; the survivor."""
    old = queries.get_speaker(speaker_id)

    def work(changes):
        survivor = live_speaker_id(into)
        if survivor == old.id:
            raise Conflict(f"Speaker {old.id} cannot be merged into itself.")
        lock_speakers({old.id, survivor})
        claims_change_speaker(None, old.id, survivor)
        moved = []
        for statement in Statement.select().where(Statement.speaker == old.id).order_by(Statement.id):
            twin = move_statement(statement, survivor, changes)
            moved.append(twin.id if twin is not None else statement.id)
            if twin is not None:
                move_claims(statement.id, twin.id, survivor, changes)
                fold_into(statement_row(twin), statement_row(statement), changes)
                refresh_first_seen({twin.id})
                changes.append(("statement", twin.id, "updated"))
        verdicts_follow(moved, changes)
        move_speaker_rows(old, survivor, actor)
        refresh_quote_counts([survivor])
        changes += [("speaker", old.id, "merged"), ("speaker", survivor, "updated")]
        return survivor

    return queries.get_speaker(write(work, retry_on_conflict=lambda: True, actor=actor))


def set_identity(speaker_id: int, same_as: list[str], actor: str | None = None) -> Speaker:
    """Replace the speaker's ``same_as`` URLs."""
    speaker = queries.get_speaker(speaker_id)
    write(lambda changes: set_same_as(speaker.id, same_as, changes), actor=actor)
    return queries.get_speaker(speaker.id)
