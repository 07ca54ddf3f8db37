"""/claims: check-worthy statements, checkers' claims, status, verdicts, ClaimReview."""

from flask import Blueprint, url_for

from schemas.claims import (
    claim_args_schema,
    claim_in_schema,
    claim_page_schema,
    claim_patch_schema,
    claim_schema,
    review_in_schema,
    review_schema,
)

from ...facts import claims, queries
from ...facts.claimreview import claimreview
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("claims", __name__)


def _detail(claim_id: int):
    return claim_schema.dump(queries.claim_detail(queries.get_claim(claim_id)))


@bp.get("/claims")
def list_claims():
    """Claims by status, speaker, score, date, verdict and words; newest first."""
    args = query_args(claim_args_schema)
    return paginate(queries.claims(args), args, claim_page_schema, queries.annotate_claims)


@bp.post("/claims")
def create_claim():
    """Make a claim of a quote, or of words of it, that the scorer passed over."""
    data = json_body(claim_in_schema)
    claim, created = claims.make_claim(data["quote"], data.get("text"))
    return (
        _detail(claim.id),
        201 if created else 200,
        {"Location": url_for("claims.get_claim", claim_id=claim.id)},
    )


@bp.get("/claims/<int:claim_id>")
def get_claim(claim_id):
    """One claim: why it was picked, where it appeared, its verdicts and verdicts on the same words."""
    return _detail(claim_id)


@bp.patch("/claims/<int:claim_id>")
def update_claim(claim_id):
    """Set a claim's status (e.g. dismissed, in_review) and assignee."""
    claims.update_claim(claim_id, json_body(claim_patch_schema))
    return _detail(claim_id)


@bp.post("/claims/<int:claim_id>/reviews")
def create_review(claim_id):
    """Record a verdict; the claim becomes reviewed."""
    return review_schema.dump(claims.record_verdict(claim_id, json_body(review_in_schema))), 201


@bp.get("/claims/<int:claim_id>/claimreview")
def get_claimreview(claim_id):
    """schema.org ClaimReview JSON-LD, one document per verdict."""
    claim = queries.claim_detail(queries.get_claim(claim_id))
    docs = [claimreview(claim, claim.appearances, r) for r in claim.reviews]
    return docs, 200, {"Content-Type": "application/ld+json"}
