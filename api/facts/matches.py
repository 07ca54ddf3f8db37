"""Writes of claims' matches with fact-checks: found when a claim is seen, decided by checkers.

``match_claims`` searches the fact-check index for each claim (CPU, before the write) and
stores what it finds at or above ``min_similarity`` as suggestions, in one transaction;
a pair stored before keeps its state, so a match a checker rejected is never suggested
again for that claim. A match at or above ``alert_at`` is an alert: recorded in the change
log as entity ``alert`` too, for the feed and the webhooks. ``decide`` records a checker's
confirmation or rejection.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.vocabulary import CONFIRMED, REJECTED, SUGGESTED
from ..db.models import insert_rows, select_in, utcnow
from ..events.log import write
from .matching import FactCheckIndex
from .models import Claim, ClaimMatch
from .queries import get_claim, get_factcheck


@dataclass(frozen=True)
class Thresholds:
    min_similarity: float = 0.3  # below: not kept
    alert_at: float = 0.5  # at or above: an alert
    limit: int = 5  # matches kept per claim


_NEW = (
    ClaimMatch.claim,
    ClaimMatch.factcheck,
    ClaimMatch.similarity,
    ClaimMatch.status,
    ClaimMatch.created_at,
    ClaimMatch.updated_at,
)


def found_matches(
    index: FactCheckIndex, claims: list[tuple[int, str]], thresholds: Thresholds
) -> list[tuple]:
    """(claim id, fact-check id, similarity) for each claim's closest fact-checks: CPU only."""
    index.refresh()
    found = []
    for claim_id, text in claims:
        for factcheck_id, similarity in index.search(text, thresholds.limit):
            if similarity >= thresholds.min_similarity:
                found.append((claim_id, factcheck_id, similarity))
    return found


def store_matches(found: list[tuple], thresholds: Thresholds, actor: str | None = None) -> int:
    """Store new (claim, fact-check, similarity) suggestions; pairs stored before are left as
    they are. How many were new."""
    if not found:
        return 0

    def work(changes: list) -> int:
        claim_ids = sorted({c for c, _, _ in found})
        known = {
            tuple(r)
            for r in select_in("SELECT claim_id, factcheck_id FROM claim_match WHERE claim_id IN", claim_ids)
        }
        alive = {r[0] for r in select_in("SELECT id FROM claim WHERE id IN", claim_ids)}
        wanted = {(c, f): s for c, f, s in found if (c, f) not in known and c in alive}
        if wanted:  # fact-checks deleted meanwhile are not matched
            alive_fc = {
                r[0]
                for r in select_in("SELECT id FROM factcheck WHERE id IN", sorted({f for _, f in wanted}))
            }
            wanted = {key: s for key, s in wanted.items() if key[1] in alive_fc}
        now = utcnow()
        rows = [(c, f, s, SUGGESTED, now, now) for (c, f), s in sorted(wanted.items())]
        made = insert_rows(
            ClaimMatch, _NEW, rows, ignore=True, returning=(ClaimMatch.id, ClaimMatch.similarity)
        )
        for match_id, similarity in sorted(made):
            changes.append(("match", match_id, "created"))
            if similarity >= thresholds.alert_at:
                changes.append(("alert", match_id, "created"))
        return len(made)

    return write(work, retry_on_conflict=lambda: True, actor=actor)


def match_claims(index: FactCheckIndex, claim_ids: list[int], thresholds: Thresholds, actor=None) -> int:
    """Match these claims against every fact-check and store the suggestions; how many were new."""
    claims = (
        [(c.id, c.text) for c in Claim.select(Claim.id, Claim.text).where(Claim.id.in_(claim_ids))]
        if claim_ids
        else []
    )
    return store_matches(found_matches(index, claims, thresholds), thresholds, actor)


def decide(
    claim_id: int, factcheck_id: int, confirmed: bool, index: FactCheckIndex, actor=None
) -> ClaimMatch:
    """A checker confirms or rejects a fact-check for a claim (suggested or not); a rejected
    one is not suggested again for this claim."""
    claim = get_claim(claim_id)
    factcheck = get_factcheck(factcheck_id)
    similarity = _similarity(index, claim.text, factcheck.id)
    status = CONFIRMED if confirmed else REJECTED

    def work(changes: list) -> ClaimMatch:
        match = ClaimMatch.get_or_none(
            (ClaimMatch.claim == claim.id) & (ClaimMatch.factcheck == factcheck.id)
        )
        if match is None:
            match = ClaimMatch.create(
                claim=claim.id, factcheck=factcheck.id, similarity=similarity, status=status, actor=actor
            )
            changes.append(("match", match.id, "created"))
        else:
            match.status, match.actor, match.updated_at = status, actor, utcnow()
            match.save()
            changes.append(("match", match.id, "updated"))
        changes.append(("claim", claim.id, "updated"))
        return match

    return write(work, retry_on_conflict=lambda: True, actor=actor)


def _similarity(index: FactCheckIndex, text: str, factcheck_id: int) -> float | None:
    """The index's similarity of ``text`` to one fact-check (None: not among its closest 100)."""
    index.refresh()
    return next((s for f, s in index.search(text, 100) if f == factcheck_id), None)
