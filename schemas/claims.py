"""Claims, verdicts, statements, alerts and the change feed."""

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from api.core.vocabulary import ENTITIES, STATUSES

from .common import (
    MAX_INT,
    DateRangeArgsSchema,
    HttpUrl,
    Id,
    IsoDate,
    JsonNumber,
    Page,
    PageArgsSchema,
    QueryBoolean,
    QueryInteger,
    QueryNumber,
    Text,
    Timestamp,
    timestamp,
)
from .factchecks import FactCheckRefSchema, MatchSchema
from .quotes import ArticleRefSchema
from .speakers import SpeakerRefSchema, speaker_ref

# A rating's numbers lie within this (a scale of 1-5 or 0-100 fits many times over).
MAX_RATING = 1_000_000


class RatingSchema(Schema):
    label = Text(required=True, max_length=100)
    value = JsonNumber(required=True, validate=validate.Range(min=-MAX_RATING, max=MAX_RATING))
    best = JsonNumber(required=True, validate=validate.Range(min=-MAX_RATING, max=MAX_RATING))
    worst = JsonNumber(required=True, validate=validate.Range(min=-MAX_RATING, max=MAX_RATING))

    @validates_schema(skip_on_field_errors=True)
    def value_on_scale(self, data, **kwargs):
        low, high = sorted((data["worst"], data["best"]))
        if data["best"] == data["worst"]:
            raise ValidationError("best and worst must differ.", "best")
        if not low <= data["value"] <= high:
            raise ValidationError(
                f"Must lie between worst ({data['worst']:g}) and best ({data['best']:g}).", "value"
            )


class ReviewerSchema(Schema):
    name = Text(required=True, max_length=300)
    url = HttpUrl(allow_none=True, load_default=None)


class ReviewInSchema(Schema):
    rating = fields.Nested(RatingSchema, required=True)
    reviewer = fields.Nested(ReviewerSchema, required=True)
    url = HttpUrl(required=True)
    date_published = IsoDate(required=True)
    summary = Text(max_length=5000, allow_none=True, load_default=None)

    @post_load
    def flatten(self, data, **kwargs):
        """{"rating": {label, value, best, worst}, "reviewer": {name, url}} -> the stored columns."""
        rating, reviewer = data.pop("rating"), data.pop("reviewer")
        return {
            **data,
            "rating_label": rating["label"],
            "rating_value": rating["value"],
            "best_rating": rating["best"],
            "worst_rating": rating["worst"],
            "reviewer": reviewer["name"],
            "reviewer_url": reviewer["url"],
        }


class ReviewSchema(Schema):
    id = fields.Integer()
    claim_id = fields.Integer()
    rating = fields.Function(
        lambda r: {
            "label": r.rating_label,
            "value": r.rating_value,
            "best": r.best_rating,
            "worst": r.worst_rating,
        }
    )
    reviewer = fields.Function(lambda r: {"name": r.reviewer, "url": r.reviewer_url})
    url = fields.String()
    date_published = fields.Date()
    summary = fields.String(allow_none=True)
    created_at = Timestamp()
    actor = fields.String(allow_none=True)


class StatementRefSchema(Schema):
    id = fields.Integer()
    text = fields.String()
    first_seen_at = Timestamp()
    appearance_count = fields.Integer()


class ClaimSchema(Schema):
    id = fields.Integer()
    text = fields.String()
    score = fields.Float()
    status = fields.String()
    assignee = fields.String(allow_none=True)
    origin = fields.String()
    speaker = fields.Function(
        lambda c: SpeakerRefSchema().dump(c.statement.speaker) if c.statement.speaker_id else None
    )
    statement = fields.Nested(StatementRefSchema)
    review_count = fields.Integer()
    verdict = fields.Function(lambda c: c.verdict.rating_label if c.verdict else None)
    created_at = Timestamp()
    updated_at = Timestamp()


class AppearanceSchema(Schema):
    quote_id = fields.Integer(attribute="id")
    start = fields.Integer()
    end = fields.Integer()
    dated_at = Timestamp()
    article = fields.Nested(ArticleRefSchema)


class RelatedVerdictSchema(ReviewSchema):
    claim = fields.Function(
        lambda r: {
            "id": r.claim.id,
            "text": r.claim.text,
            "speaker": SpeakerRefSchema().dump(r.claim.statement.speaker)
            if r.claim.statement.speaker_id
            else None,
        }
    )


class ClaimDetailSchema(ClaimSchema):
    features = fields.Function(lambda c: [{"name": n, "weight": w} for n, w in c.features])
    appearances = fields.List(fields.Nested(AppearanceSchema))
    reviews = fields.List(fields.Nested(ReviewSchema))
    related_verdicts = fields.List(fields.Nested(RelatedVerdictSchema))
    matches = fields.List(fields.Nested(MatchSchema))


class ClaimInSchema(Schema):
    quote = Id(query=False, required=True)
    text = Text(max_length=5000, load_default=None)


class ClaimPatchSchema(Schema):
    status = fields.String(validate=validate.OneOf(STATUSES))
    assignee = Text(max_length=200, allow_none=True)

    @validates_schema
    def not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("Give status, assignee or both.", "_schema")


class ClaimArgsSchema(DateRangeArgsSchema):
    status = fields.String(load_default=None, validate=validate.OneOf(STATUSES))
    speaker = Id(load_default=None)
    min_score = QueryNumber(load_default=None, validate=validate.Range(min=0, max=1))
    has_verdict = QueryBoolean(load_default=None)
    q = Text(max_length=200, blank=True, load_default=None)


class StatementSchema(Schema):
    id = fields.Integer()
    text = fields.String()
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True)
    first_seen_at = Timestamp()
    appearance_count = fields.Integer()
    created_at = Timestamp()
    updated_at = Timestamp()


class StatementDetailSchema(StatementSchema):
    appearances = fields.List(fields.Nested(AppearanceSchema))
    claims = fields.List(fields.Nested(ClaimSchema))


class StatementArgsSchema(DateRangeArgsSchema):
    speaker = Id(load_default=None)
    min_appearances = QueryInteger(load_default=None, validate=validate.Range(min=1, max=MAX_INT))


class AlertSchema(Schema):
    quote_id = fields.Integer()
    claim = fields.Function(lambda a: {"id": a["claim"].id, "text": a["claim"].text})
    same_speaker = fields.Boolean(allow_none=True)
    reviews = fields.List(fields.Nested(ReviewSchema))
    factcheck = fields.Function(
        lambda a: FactCheckRefSchema().dump(a["factcheck"]) if a.get("factcheck") else None
    )
    similarity = fields.Function(lambda a: a.get("similarity"))


class ChangeSchema(Schema):
    cursor = fields.Integer(attribute="id")
    entity = fields.String()
    id = fields.Integer(attribute="entity_id")
    action = fields.String()
    at = Timestamp()
    actor = fields.String(allow_none=True)


class ChangePageSchema(Schema):
    """The change feed's envelope: paged by cursor, not offset."""

    items = fields.List(fields.Nested(ChangeSchema))
    total = fields.Integer()
    limit = fields.Integer()
    cursor = fields.Integer()
    next = fields.String(allow_none=True)


class ChangeArgsSchema(PageArgsSchema):
    class Meta:
        exclude = ("offset", "cursor")

    after = QueryInteger(load_default=0, validate=validate.Range(min=0, max=MAX_INT))
    entity = fields.String(load_default=None, validate=validate.OneOf(ENTITIES))


def statement_item(row: dict) -> dict:
    """StatementSchema's dump of a raw row of ``news.queries.statements``."""
    return {
        "id": row["Statement.id"],
        "text": row["Statement.text"],
        "speaker": speaker_ref(row, row["Statement.speaker"]),
        "first_seen_at": timestamp(row["Statement.first_seen_at"]),
        "appearance_count": row["Statement.appearance_count"],
        "created_at": timestamp(row["Statement.created_at"]),
        "updated_at": timestamp(row["Statement.updated_at"]),
    }


def claim_item(row: dict) -> dict:
    """ClaimSchema's dump of a raw row of ``facts.queries.claims`` with ``review_count`` and ``verdict``."""
    return {
        "id": row["Claim.id"],
        "text": row["Claim.text"],
        "score": float(row["Claim.score"]),
        "status": row["Claim.status"],
        "assignee": row["Claim.assignee"],
        "origin": row["Claim.origin"],
        "speaker": speaker_ref(row, row["Statement.speaker"]),
        "statement": {
            "id": row["Statement.id"],
            "text": row["Statement.text"],
            "first_seen_at": timestamp(row["Statement.first_seen_at"]),
            "appearance_count": row["Statement.appearance_count"],
        },
        "review_count": row["review_count"],
        "verdict": row["verdict"],
        "created_at": timestamp(row["Claim.created_at"]),
        "updated_at": timestamp(row["Claim.updated_at"]),
    }


review_in_schema = ReviewInSchema()
review_schema = ReviewSchema()
claim_schema = ClaimDetailSchema()
claim_page_schema = Page(ClaimSchema)()
claim_in_schema = ClaimInSchema()
claim_patch_schema = ClaimPatchSchema()
claim_args_schema = ClaimArgsSchema()
statement_schema = StatementDetailSchema()
statement_page_schema = Page(StatementSchema)()
statement_args_schema = StatementArgsSchema()
alerts_schema = AlertSchema(many=True)
change_page_schema = ChangePageSchema()
change_args_schema = ChangeArgsSchema()
