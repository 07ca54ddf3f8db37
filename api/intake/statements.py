"""Link a new quote to the statement it is an appearance of; the statement's claims follow it."""

from __future__ import annotations

from ..core.text import normalize
from ..facts.claims import claims_reach_one_more_article, move_claims
from ..news import statements


def link_appearance(speaker_id: int | None, text: str, dated_at, changes: list) -> int | None:
    """The id of the statement that ``text`` (said by ``speaker_id``) is an appearance of.

    A new statement when nothing stored repeats it. Otherwise the oldest of the
    statements it repeats survives: the others (a partial quote that this longer
    one bridges) are folded into it with their claims, and it keeps the longest
    wording and the earliest date. None for a quote without words.
    """
    norm = normalize(text)
    if not norm:
        return None
    found = statements.repeated_statements(speaker_id, norm)
    if not found:
        statement, created = statements.create_statement(speaker_id, text, norm, dated_at)
        if created:
            changes.append(("statement", statement.id, "created"))
            return statement.id
        found = [statement]  # a concurrent request created it first
    survivor = min(found, key=lambda s: s.id)
    for other in found:
        if other.id != survivor.id:
            move_claims(other.id, survivor.id, changes)
            statements.fold_into(survivor, other, changes)
    statements.keep_longest_and_earliest(survivor, text, norm, dated_at)
    changes.append(("statement", survivor.id, "updated"))
    claims_reach_one_more_article(survivor.id, changes)
    return survivor.id
