"""The change log's one table."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, IntegerField

from ..db.models import BaseModel, utcnow


class Change(BaseModel):
    """One entry of the change feed; ``id`` is the cursor, committed in order (see log.record)."""

    id = AutoField()
    entity = CharField(max_length=12)  # one of core.vocabulary.ENTITIES
    entity_id = IntegerField()
    action = CharField(max_length=10)  # created | updated | deleted
    at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)  # the name of the API key that made the change
