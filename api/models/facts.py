"""Fact-tracking: claims on statements, verdicts on claims, and the change feed."""
from __future__ import annotations

from peewee import (AutoField, CharField, DateField, DateTimeField, FloatField, ForeignKeyField,
                    IntegerField, JSONField, TextField)

from .base import BaseModel, utcnow
from .news import Statement

UNREVIEWED, IN_REVIEW, REVIEWED, DISMISSED = "unreviewed", "in_review", "reviewed", "dismissed"
STATUSES = (UNREVIEWED, IN_REVIEW, REVIEWED, DISMISSED)
SCORER, CHECKER = "scorer", "checker"  # who made the claim: the check-worthiness model or a person


class Claim(BaseModel):
    """A check-worthy sentence of a statement; it follows the statement to every appearance."""

    statement = ForeignKeyField(Statement, backref="claims", on_delete="CASCADE")
    text = TextField()
    normalized = TextField()
    norm_hash = CharField(max_length=64, index=True)  # the same words anywhere, any speaker
    folded = TextField()  # for full-text search
    score = FloatField(index=True)
    features = JSONField(default=list)  # [[name, weight], ...]: why the scorer picked it
    origin = CharField(max_length=10, default=SCORER)
    status = CharField(max_length=12, default=UNREVIEWED, index=True)
    assignee = TextField(null=True)
    created_at = DateTimeField(default=utcnow, index=True)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("statement", "norm_hash"), True),)


class Review(BaseModel):
    """A fact-checker's verdict on a claim."""

    claim = ForeignKeyField(Claim, backref="reviews", on_delete="CASCADE")
    rating_label = TextField()        # "False", "Mostly true"
    rating_value = FloatField()
    best_rating = FloatField()
    worst_rating = FloatField()
    reviewer = TextField()            # the organisation
    reviewer_url = TextField(null=True)
    url = TextField()                 # the fact-check article
    date_published = DateField()
    summary = TextField(null=True)
    created_at = DateTimeField(default=utcnow)


class Change(BaseModel):
    """One entry of the change feed; ``id`` is the cursor, committed in order (see store.record)."""

    id = AutoField()
    entity = CharField(max_length=12)   # article | statement | claim | review
    entity_id = IntegerField()
    action = CharField(max_length=10)   # created | updated | deleted
    at = DateTimeField(default=utcnow)
