"""Peewee models, in the order their tables are created."""
from .base import BaseModel, create_or_get, in_range, insert_unique, like, utcnow
from .facts import STATUSES, Change, Claim, Review
from .news import ARTICLE_REF, Article, Quote, Speaker, SpeakerAlias, Statement

MODELS = [Article, Speaker, SpeakerAlias, Statement, Quote, Claim, Review, Change]

__all__ = ["ARTICLE_REF", "BaseModel", "create_or_get", "in_range", "insert_unique", "like", "utcnow", "Article", "Quote", "Speaker", "SpeakerAlias", "Statement",
           "Claim", "Review", "Change", "STATUSES", "MODELS"]
