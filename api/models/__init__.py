"""Peewee models, in the order their tables are created."""
from .base import BaseModel, create_or_get, insert_unique, like, utcnow
from .facts import STATUSES, Change, Claim, Review
from .news import Article, Quote, Speaker, SpeakerAlias, Statement

MODELS = [Article, Speaker, SpeakerAlias, Statement, Quote, Claim, Review, Change]

__all__ = ["BaseModel", "create_or_get", "insert_unique", "like", "utcnow", "Article", "Quote", "Speaker", "SpeakerAlias", "Statement",
           "Claim", "Review", "Change", "STATUSES", "MODELS"]
