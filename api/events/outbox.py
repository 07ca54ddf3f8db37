"""The transactional outbox: webhook deliveries derived from the change log, then sent.

Nothing is sent from the request that made a change: its transaction only appends to the
change log (``log.py``). The worker (``flask --app api webhooks run``) turns each webhook's
changes after its cursor into deliveries and moves the cursor, in one transaction, so a
crash anywhere loses nothing and derives nothing twice (a delivery is unique per webhook,
change and event). It then takes the deliveries that are due, leased so that several workers
share them without sending one twice at once, and sends them (``sender.py``): at least once,
so a receiver may see one twice and can tell by its ``Quotebook-Delivery`` id.

    change (entity, action)          event
    alert, created                   alert              (a claim matched a fact-check closely)
    claim, created | updated         claim.created | claim.updated
    review, created                  review.created
    factcheck, created | updated     factcheck.imported
    article, updated | corrected     article.corrected
"""

from __future__ import annotations

import json
from datetime import timedelta

from ..core.vocabulary import (
    ALERT,
    ARTICLE_CORRECTED,
    CLAIM_CREATED,
    CLAIM_UPDATED,
    FACTCHECK_IMPORTED,
    PENDING,
    REVIEW_CREATED,
)
from ..db import database, is_postgres
from ..db.locks import hold_until_commit
from ..db.models import utcnow
from ..db.retry import retried
from .models import Change, Delivery, Webhook

EVENT_OF = {
    ("alert", "created"): ALERT,
    ("claim", "created"): CLAIM_CREATED,
    ("claim", "updated"): CLAIM_UPDATED,
    ("review", "created"): REVIEW_CREATED,
    ("factcheck", "created"): FACTCHECK_IMPORTED,
    ("factcheck", "updated"): FACTCHECK_IMPORTED,
    ("article", "updated"): ARTICLE_CORRECTED,
    ("article", "corrected"): ARTICLE_CORRECTED,
}
BATCH = 500  # changes read per webhook per transaction


def payload(change: Change, event: str, describe=None) -> str:
    """The JSON body of a delivery: the change, and what ``describe(entity, id)`` says of it."""
    body = {
        "event": event,
        "cursor": change.id,
        "entity": change.entity,
        "id": change.entity_id,
        "action": change.action,
        "at": change.at.isoformat(timespec="seconds") + "Z",
        "actor": change.actor,
        "data": describe(change.entity, change.entity_id) if describe else None,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def derive(webhook_id: int, describe=None, batch: int = BATCH) -> int:
    """One batch of a webhook's changes after its cursor made deliveries, the cursor moved on:
    one transaction; how many changes it read (0: caught up)."""

    def work() -> int:
        hold_until_commit("outbox")
        webhook = Webhook.get_or_none(Webhook.id == webhook_id)
        if webhook is None or not webhook.active:
            return 0
        changes = list(Change.select().where(Change.id > webhook.cursor).order_by(Change.id).limit(batch))
        wanted = set(webhook.events)
        rows = [
            {
                "webhook": webhook.id,
                "change": c.id,
                "event": event,
                "body": payload(c, event, describe),
                "next_attempt_at": utcnow(),
                "created_at": utcnow(),
            }
            for c in changes
            if (event := EVENT_OF.get((c.entity, c.action))) in wanted
        ]
        if rows:
            Delivery.insert_many(rows).on_conflict_ignore().execute()
        if changes:
            Webhook.update(cursor=changes[-1].id).where(Webhook.id == webhook.id).execute()
        return len(changes)

    return retried(work)


def derive_all(describe=None) -> int:
    """Every active webhook caught up with the change log; how many changes were read."""
    total = 0
    for (webhook_id,) in Webhook.select(Webhook.id).where(Webhook.active).tuples():
        while read := derive(webhook_id, describe):
            total += read
    return total


def take_due(now, lease_seconds: float, limit: int = 100) -> list[Delivery]:
    """Pending deliveries whose next attempt is due, oldest first, with their webhooks, leased to
    this worker: their next attempt moves ``lease_seconds`` on, so that another worker leaves
    them alone while this one sends (and takes them up if this one dies). PostgreSQL skips the
    rows another worker is leasing at that moment; SQLite serialises writers already."""
    with database.atomic():
        query = (
            Delivery.select(Delivery.id)
            .where((Delivery.status == PENDING) & (Delivery.next_attempt_at <= now))
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
        )
        if is_postgres():
            query = query.for_update(skip_locked=True)
        ids = [d.id for d in query]
        if ids:
            lease = now + timedelta(seconds=lease_seconds)
            Delivery.update(next_attempt_at=lease).where(Delivery.id.in_(ids)).execute()
    if not ids:
        return []
    return list(
        Delivery.select(Delivery, Webhook).join(Webhook).where(Delivery.id.in_(ids)).order_by(Delivery.id)
    )
