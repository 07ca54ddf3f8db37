"""Webhook subscriptions: subscribe, show, unsubscribe; a webhook's deliveries, newest first.

A new webhook starts at the end of the change log: it is sent what happens from then on.
Its ``secret`` signs every delivery (``signing.py``); one is made when none is given.
"""

from __future__ import annotations

import secrets

from peewee import fn

from ..core.errors import NotFound
from ..db import database
from ..db.models import utcnow
from ..db.paging import Listing
from .models import Change, Delivery, Webhook


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def subscribe(fields: dict, actor: str | None = None) -> Webhook:
    """A webhook sending ``fields["events"]`` to ``fields["url"]`` from now on."""
    with database.atomic():
        cursor = Change.select(fn.MAX(Change.id)).scalar() or 0
        return Webhook.create(
            url=fields["url"],
            events=sorted(set(fields["events"])),
            secret=fields.get("secret") or new_secret(),
            description=fields.get("description"),
            cursor=cursor,
            created_at=utcnow(),
            actor=actor,
        )


def get_webhook(webhook_id: int) -> Webhook:
    found = Webhook.get_or_none(Webhook.id == webhook_id)
    if found is None:
        raise NotFound(f"No webhook with id {webhook_id}.")
    return found


def unsubscribe(webhook_id: int) -> None:
    """Delete a webhook and its deliveries (pending ones are not sent)."""
    with database.atomic():
        get_webhook(webhook_id).delete_instance(recursive=True)


def webhooks() -> Listing:
    order = ((Webhook.id, False),)
    return Listing(Webhook.select().order_by(Webhook.id), order, Webhook.select())


def deliveries(webhook_id: int, status: str | None = None) -> Listing:
    """A webhook's deliveries, newest first (optionally only those in ``status``)."""
    get_webhook(webhook_id)
    base = Delivery.select().where(Delivery.webhook == webhook_id)
    if status:
        base = base.where(Delivery.status == status)
    return Listing(base.order_by(Delivery.id.desc()), ((Delivery.id, True),), base)
