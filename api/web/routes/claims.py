"""/claims: check-worthy statements, checkers' claims, status, verdicts, ClaimReview."""

from flask import Blueprint, url_for

from schemas.claims import (
    claim_args_schema,
    claim_in_schema,
    claim_item,
    claim_page_schema,
    claim_patch_schema,
    claim_schema,
    review_in_schema,
    review_schema,
)
from schemas.factchecks import match_decision_out_schema, match_decision_schema

from ...facts import claims, matches, queries
from ...facts.claimreview import claimreview
from ..auth import current_actor, requires
from ..cache import cached
from ..matching import factcheck_index, thresholds
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("claims", __name__)


def _detail(claim_id: int):
    return claim_schema.dump(queries.claim_detail(queries.get_claim(claim_id)))


@bp.get("/claims")
@requires("read")
@cached
def list_claims():
    """Claims by status, speaker, score, date, verdict and words; newest first."""
    args = query_args(claim_args_schema)
    return paginate(queries.claims(args), args, claim_page_schema, queries.annotate_claim_rows, claim_item)


@bp.post("/claims")
@requires("review")
def create_claim():
    """Make a claim of a quote, or of words of it, that the scorer passed over."""
    data = json_body(claim_in_schema)
    claim, created = claims.make_claim(data["quote"], data.get("text"), actor=current_actor())
    if created:
        matches.match_claims(factcheck_index(), [claim.id], thresholds(), actor=current_actor())
    return (
        _detail(claim.id),
        201 if created else 200,
        {"Location": url_for("claims.get_claim", claim_id=claim.id)},
    )


@bp.get("/claims/<id:claim_id>")
@requires("read")
@cached
def get_claim(claim_id):
    """One claim: why it was picked, where it appeared, its verdicts and verdicts on the same words."""
    return _detail(claim_id)


@bp.patch("/claims/<id:claim_id>")
@requires("review")
def update_claim(claim_id):
    """Set a claim's status (e.g. dismissed, in_review) and assignee."""
    claims.update_claim(claim_id, json_body(claim_patch_schema), actor=current_actor())
    return _detail(claim_id)


@bp.post("/claims/<id:claim_id>/reviews")
@requires("review")
def create_review(claim_id):
    """Record a verdict; the claim becomes reviewed."""
    verdict = claims.record_verdict(claim_id, json_body(review_in_schema), actor=current_actor())
    return review_schema.dump(verdict), 201


@bp.get("/claims/<id:claim_id>/claimreview")
@requires("read")
def get_claimreview(claim_id):
    """schema.org ClaimReview JSON-LD, one document per verdict."""
    claim = queries.claim_detail(queries.get_claim(claim_id))
    docs = [claimreview(claim, claim.appearances, r) for r in claim.reviews]
    return docs, 200, {"Content-Type": "application/ld+json"}


@bp.post("/claims/<id:claim_id>/matches/<id:factcheck_id>")
@requires("review")
def decide_match(claim_id, factcheck_id):
    """Confirm or reject a fact-check for a claim; a rejected one is not suggested again."""
    confirmed = json_body(match_decision_schema)["confirmed"]
    match = matches.decide(claim_id, factcheck_id, confirmed, factcheck_index(), actor=current_actor())
    return match_decision_out_schema.dump(match)
