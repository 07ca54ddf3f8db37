"""/factchecks: published fact-checks (ClaimReview) imported, listed, searched, shown."""

from flask import Blueprint, url_for

from schemas.factchecks import (
    factcheck_args_schema,
    factcheck_page_schema,
    factcheck_schema,
    import_report_schema,
    match_in_schema,
    text_matches_schema,
)

from ...core.errors import Invalid
from ...facts import factchecks, parse, queries
from ...facts.matching import ranked_factchecks
from ..auth import current_actor, requires
from ..matching import factcheck_index
from ..pagination import paginate
from ..parsing import json_body, json_document, query_args

bp = Blueprint("factchecks", __name__)


@bp.post("/factchecks")
@requires("ingest")
def import_factchecks():
    """Store ClaimReview JSON-LD: one object, an array, a @graph, or a claims:search answer."""
    document = json_document()
    shape = parse.shape(document)
    if shape is None:
        raise Invalid(
            {"_schema": ["Send ClaimReview JSON-LD: an object, an array, or an object with @graph."]}
        )
    outcomes = factchecks.import_document(document, actor=current_actor())
    if not outcomes:
        raise Invalid(
            {"@graph" if isinstance(document, dict) else "_schema": ["No ClaimReview in the document."]}
        )
    if shape == "one":
        (outcome,) = outcomes
        if outcome.status == factchecks.REFUSED:
            raise Invalid(outcome.errors)
        location = {"Location": url_for("factchecks.get_factcheck", factcheck_id=outcome.id)}
        body = factcheck_schema.dump(queries.get_factcheck(outcome.id))
        return body, 201 if outcome.status == factchecks.CREATED else 200, location
    refused = sum(o.status == factchecks.REFUSED for o in outcomes)
    report = {"stored": len(outcomes) - refused, "refused": refused, "items": outcomes}
    return import_report_schema.dump(report), 207


@bp.get("/factchecks")
@requires("read")
def list_factchecks():
    """Fact-checks by words, reviewer, source and language; newest first."""
    args = query_args(factcheck_args_schema)
    return paginate(queries.factchecks(args), args, factcheck_page_schema)


@bp.get("/factchecks/<id:factcheck_id>")
@requires("read")
def get_factcheck(factcheck_id):
    """One fact-check."""
    return factcheck_schema.dump(queries.get_factcheck(factcheck_id))


@bp.delete("/factchecks/<id:factcheck_id>")
@requires("admin")
def delete_factcheck(factcheck_id):
    """Delete a fact-check and its matches; every worker's index drops it."""
    factchecks.delete_factcheck(factcheck_id, actor=current_actor())
    return "", 204


@bp.post("/match")
@requires("read")
def match_text():
    """The fact-checks closest to any text (a tweet, a quote), best first, with their similarity."""
    data = json_body(match_in_schema)
    found = ranked_factchecks(factcheck_index(), data["text"], data["limit"])
    return text_matches_schema.dump({"items": [{"factcheck": f, "similarity": s} for f, s in found]})
