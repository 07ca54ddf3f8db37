"""Fact-tracking: claims on statements, verdicts on claims, fact-checks and claims' matches with them."""

from __future__ import annotations

from peewee import (
    CharField,
    DateField,
    DateTimeField,
    DoubleField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    TextField,
)

from ..core.vocabulary import IMPORTED, SCORER, SUGGESTED, UNREVIEWED
from ..db.models import BaseModel, utcnow
from ..news.models import Speaker, Statement


class Claim(BaseModel):
    """A check-worthy sentence of a statement; it follows the statement to every appearance."""

    # Unindexed alone, like status and created_at: the composite indexes below lead with each.
    statement = ForeignKeyField(Statement, backref="claims", on_delete="CASCADE", index=False)
    text = TextField()
    normalized = TextField()
    norm_hash = CharField(max_length=64, index=True)  # the same words anywhere, any speaker
    folded = TextField()  # for full-text search
    score = FloatField(index=True)
    features = JSONField(default=list)  # [[name, weight], ...]: why the scorer picked it
    origin = CharField(max_length=10, default=SCORER)  # SCORER or CHECKER
    status = CharField(max_length=12, default=UNREVIEWED)  # core.vocabulary.STATUSES
    assignee = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # A copy of the statement's speaker, kept by the write path (facts/claims.py: a claim takes its
    # statement's speaker when made or moved), so that a speaker's claims are one index range in list
    # order (GET /claims?speaker=) rather than a join through statements. A plain column (migration
    # 0006 adds it to a table that has rows): whatever changes a statement's speaker changes its claims'.
    speaker = IntegerField(column_name="speaker_id", null=True)

    class Meta:
        indexes = (
            (("statement", "norm_hash"), True),
            (("created_at", "id"), False),  # newest first, paged by keyset
            (("status", "created_at", "id"), False),
            (("speaker", "created_at", "id"), False),  # a speaker's claims, newest first
        )


class Review(BaseModel):
    """A fact-checker's verdict on a claim."""

    claim = ForeignKeyField(Claim, backref="reviews", on_delete="CASCADE")
    rating_label = TextField()  # "False", "Mostly true"
    rating_value = DoubleField()
    best_rating = DoubleField()
    worst_rating = DoubleField()
    reviewer = TextField()  # the organisation
    reviewer_url = TextField(null=True)
    url = TextField()  # the fact-check article
    date_published = DateField()
    summary = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)  # the name of the API key that recorded it


class SpeakerVerdict(BaseModel):
    """How many verdicts a speaker's claims have, by rating label; kept by the write path."""

    speaker = ForeignKeyField(Speaker, on_delete="CASCADE")
    label = TextField()
    count = IntegerField(default=0)

    class Meta:
        table_name = "speaker_verdict"
        indexes = ((("speaker", "label"), True),)


class FactCheck(BaseModel):
    """A published fact-check (schema.org ClaimReview), imported or made from a verdict recorded here."""

    claim_text = TextField()  # claimReviewed: the claim as the fact-checkers stated it
    title = TextField(null=True)  # the review's headline or name, when given
    claimant = TextField(null=True)  # itemReviewed.author.name
    claim_date = DateField(null=True)
    rating_label = TextField(null=True)  # alternateName: "False", "Pants on Fire"
    rating_value = DoubleField(null=True)
    best_rating = DoubleField(null=True)
    worst_rating = DoubleField(null=True)
    reviewer = TextField(null=True)  # author.name: the organisation
    reviewer_url = TextField(null=True)
    url = TextField(unique=True)  # the review's own page: a re-import updates, never duplicates
    review_date = DateField(null=True)
    language = CharField(max_length=35, null=True)
    source = CharField(max_length=10, default=IMPORTED)  # core.vocabulary.FACTCHECK_SOURCES
    claim = ForeignKeyField(Claim, null=True, on_delete="SET NULL")  # a verdict's claim
    speaker = ForeignKeyField(Speaker, null=True, on_delete="SET NULL")  # a verdict's claimant
    folded = TextField()  # claim, title and claimant folded, for GET /factchecks?q=
    raw = JSONField(null=True)  # the ClaimReview as it came
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)

    class Meta:
        table_name = "factcheck"
        indexes = ((("created_at", "id"), False),)


class ClaimMatch(BaseModel):
    """A fact-check found for a claim (with its similarity), and what a checker made of it."""

    claim = ForeignKeyField(Claim, backref="claim_matches", on_delete="CASCADE")
    factcheck = ForeignKeyField(FactCheck, on_delete="CASCADE")
    similarity = FloatField(null=True)  # None: linked by a checker, not found by the index
    status = CharField(max_length=10, default=SUGGESTED)  # core.vocabulary.MATCH_STATUSES
    actor = CharField(max_length=100, null=True)  # who confirmed or rejected it
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "claim_match"
        indexes = ((("claim", "factcheck"), True),)
