"""Fact-checks (imported ClaimReview and verdicts), their import report, matches and POST /match."""

from marshmallow import Schema, fields, validate

from api.core.vocabulary import FACTCHECK_SOURCES, MATCH_STATUSES

from .common import JsonInteger, Page, PageArgsSchema, Text, Timestamp

LANGUAGE = validate.Regexp(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z", error="Not a BCP 47 language tag.")


def _rating(f):
    if f.rating_label is None and f.rating_value is None:
        return None
    return {"label": f.rating_label, "value": f.rating_value, "best": f.best_rating, "worst": f.worst_rating}


def _reviewer(f):
    return {"name": f.reviewer, "url": f.reviewer_url} if f.reviewer or f.reviewer_url else None


class FactCheckSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    claim_text = fields.String()
    claimant = fields.String(allow_none=True)
    claim_date = fields.Date(allow_none=True)
    title = fields.String(allow_none=True)
    rating = fields.Function(_rating)
    reviewer = fields.Function(_reviewer)
    review_date = fields.Date(allow_none=True)
    language = fields.String(allow_none=True)
    source = fields.String()
    claim_id = fields.Integer(allow_none=True)
    created_at = Timestamp()
    updated_at = Timestamp()


class FactCheckRefSchema(Schema):
    """A fact-check inside a match or an alert: what it says and who said so."""

    id = fields.Integer()
    url = fields.String()
    claim_text = fields.String()
    claimant = fields.String(allow_none=True)
    rating = fields.Function(_rating)
    reviewer = fields.Function(_reviewer)
    review_date = fields.Date(allow_none=True)
    source = fields.String()


class ImportItemSchema(Schema):
    index = fields.Integer()
    status = fields.String()
    id = fields.Integer(allow_none=True)
    url = fields.String(allow_none=True)
    errors = fields.Dict()


class ImportReportSchema(Schema):
    """POST /factchecks with a batch: per review what was stored and what was refused, and why."""

    stored = fields.Integer()
    refused = fields.Integer()
    items = fields.List(fields.Nested(ImportItemSchema))


class FactCheckArgsSchema(PageArgsSchema):
    q = Text(max_length=200, blank=True, load_default=None)
    reviewer = Text(max_length=1000, load_default=None)
    source = fields.String(load_default=None, validate=validate.OneOf(FACTCHECK_SOURCES))
    language = fields.String(load_default=None, validate=[validate.Length(max=35), LANGUAGE])


class MatchSchema(Schema):
    """A fact-check matched to a claim: how similar, what a checker made of it, whether the claimant
    is the claim's speaker."""

    factcheck = fields.Nested(FactCheckRefSchema)
    similarity = fields.Float(allow_none=True)
    status = fields.String()
    same_speaker = fields.Boolean(allow_none=True)


class TextMatchSchema(Schema):
    """A fact-check found for a text (POST /match), and how similar."""

    factcheck = fields.Nested(FactCheckRefSchema)
    similarity = fields.Float()


class TextMatchesSchema(Schema):
    items = fields.List(fields.Nested(TextMatchSchema))


class MatchInSchema(Schema):
    text = Text(required=True, max_length=5000)
    limit = JsonInteger(load_default=10, validate=validate.Range(min=1, max=100))


class JsonBoolean(fields.Boolean):
    """true or false in a JSON body: not 0, 1 or "true" (0 == False in Python's sets)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class MatchDecisionSchema(Schema):
    confirmed = JsonBoolean(required=True)


class MatchDecisionOutSchema(Schema):
    claim_id = fields.Integer()
    factcheck_id = fields.Integer()
    similarity = fields.Float(allow_none=True)
    status = fields.String(validate=validate.OneOf(MATCH_STATUSES))
    actor = fields.String(allow_none=True)
    updated_at = Timestamp()


factcheck_schema = FactCheckSchema()
factcheck_page_schema = Page(FactCheckSchema)()
factcheck_args_schema = FactCheckArgsSchema()
import_report_schema = ImportReportSchema()
text_matches_schema = TextMatchesSchema()
match_in_schema = MatchInSchema()
match_decision_schema = MatchDecisionSchema()
match_decision_out_schema = MatchDecisionOutSchema()
