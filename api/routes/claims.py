"""/claims: check-worthy statements, checkers' claims, status, verdicts, ClaimReview."""
from flask import Blueprint, url_for
from marshmallow import ValidationError

from schemas.claims import (claim_args_schema, claim_in_schema, claim_page_schema, claim_patch_schema,
                            claim_schema, review_in_schema, review_schema)

from .. import claims, fact_queries
from ..changes import writing
from ..claimreview import claimreview
from ..models import Quote
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("claims", __name__)


def _detail(claim_id: int):
    return claim_schema.dump(fact_queries.claim_detail(fact_queries.claim_or_404(claim_id)))


@bp.get("/claims")
def list_claims():
    """Claims by status, speaker, score, date, verdict and words; newest first."""
    args = query_args(claim_args_schema)
    return paginate(fact_queries.claims(args), args, claim_page_schema, fact_queries.with_counts)


@bp.post("/claims")
def create_claim():
    """Make a claim of a quote, or of words of it, that the scorer passed over."""
    data = json_body(claim_in_schema)
    quote = Quote.get_or_none(Quote.id == data["quote"])
    if quote is None:
        raise ValidationError({"quote": [f"No quote with id {data['quote']}."]})
    with writing() as changes:
        claim, created = claims.make(quote, data.get("text"), changes)
    return _detail(claim.id), 201 if created else 200, {"Location": url_for("claims.get_claim", claim_id=claim.id)}


@bp.get("/claims/<int:claim_id>")
def get_claim(claim_id):
    """One claim: why it was picked, where it appeared, its verdicts and verdicts on the same words."""
    return _detail(claim_id)


@bp.patch("/claims/<int:claim_id>")
def update_claim(claim_id):
    """Set a claim's status (e.g. dismissed, in_review) and assignee."""
    fields = json_body(claim_patch_schema)
    with writing() as changes:
        claims.update(fact_queries.claim_or_404(claim_id), fields, changes)
    return _detail(claim_id)


@bp.post("/claims/<int:claim_id>/reviews")
def create_review(claim_id):
    """Record a verdict; the claim becomes reviewed."""
    data = json_body(review_in_schema)
    with writing() as changes:
        verdict = claims.review(fact_queries.claim_or_404(claim_id), data, changes)
    return review_schema.dump(verdict), 201


@bp.get("/claims/<int:claim_id>/claimreview")
def get_claimreview(claim_id):
    """schema.org ClaimReview JSON-LD, one document per verdict."""
    claim = fact_queries.claim_detail(fact_queries.claim_or_404(claim_id))
    docs = [claimreview(claim, claim.appearances, r) for r in claim.reviews]
    return docs, 200, {"Content-Type": "application/ld+json"}
