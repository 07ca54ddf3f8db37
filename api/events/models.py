"""The change log, and the webhooks that deliver it: subscriptions and their deliveries."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    JSONField,
    TextField,
)

from ..core.vocabulary import PENDING
from ..db.models import BaseModel, utcnow


class Change(BaseModel):
    """One entry of the change feed; ``id`` is the cursor, committed in order (see log.record)."""

    id = AutoField()
    entity = CharField(max_length=12)  # one of core.vocabulary.ENTITIES
    entity_id = IntegerField()
    action = CharField(max_length=10)  # created | updated | deleted
    at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)  # the name of the API key that made the change

    class Meta:
        indexes = ((("entity", "id"), False),)  # one entity's changes after a cursor (matching, outbox)


class Webhook(BaseModel):
    """A subscription: ``url`` is sent the events named in ``events``, signed with ``secret``.

    ``cursor`` is the last change the outbox has turned into this webhook's deliveries.
    """

    url = TextField()
    events = JSONField()  # [event type, ...] of core.vocabulary.EVENTS
    secret = TextField()
    description = TextField(null=True)
    active = BooleanField(default=True)
    cursor = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)
    actor = CharField(max_length=100, null=True)


class Delivery(BaseModel):
    """One event for one webhook: its body (fixed when derived), then every attempt to send it."""

    webhook = ForeignKeyField(Webhook, backref="deliveries", on_delete="CASCADE")
    change = IntegerField()  # the change it was derived from
    event = CharField(max_length=20)
    body = TextField()  # the JSON sent, byte for byte what the signature covers
    status = CharField(max_length=10, default=PENDING, index=True)  # core.vocabulary.DELIVERY_STATUSES
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(default=utcnow)
    response_status = IntegerField(null=True)  # of the last attempt
    error = TextField(null=True)  # of the last attempt: connection refused, HTTP 500, ...
    created_at = DateTimeField(default=utcnow)
    delivered_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("webhook", "change", "event"), True),  # derived once, whatever crashes
            (("status", "next_attempt_at"), False),  # what is due
            (("webhook", "id"), False),
        )
