"""Sending webhook deliveries: signed POSTs, retried with exponential backoff, each attempt logged.

A 2xx answer delivers. Anything else (another status, a refused connection, a timeout)
counts an attempt, records why, and schedules the next one ``backoff * 2**(attempts - 1)``
seconds later (capped at an hour); after ``max_attempts`` the delivery is ``failed`` and
stays listed with its last answer (GET /webhooks/{id}/deliveries).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta

from ..core.vocabulary import DELIVERED, FAILED
from ..db.models import utcnow
from .models import Delivery
from .outbox import derive_all, take_due
from .signing import HEADER, signature_header

MAX_BACKOFF = 3600  # seconds
USER_AGENT = "Quotebook-Webhooks/1"


@dataclass
class Policy:
    timeout: float = 10.0  # seconds to wait for the receiver
    backoff: float = 30.0  # seconds before the second attempt; doubled each time
    max_attempts: int = 8


def post(delivery: Delivery, timeout: float) -> tuple[int | None, str | None]:
    """POST one delivery, signed: (HTTP status or None, error or None)."""
    body = delivery.body.encode("utf-8")
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Quotebook-Event": delivery.event,
        "Quotebook-Delivery": str(delivery.id),
        HEADER: signature_header(delivery.webhook.secret, int(time.time()), body),
    }
    request = urllib.request.Request(delivery.webhook.url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - http(s) only
            return answer.status, None
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, str(getattr(exc, "reason", exc))[:500]


def attempt(delivery: Delivery, policy: Policy, send=post) -> bool:
    """One attempt at ``delivery``, its outcome recorded; delivered?"""
    status, error = send(delivery, policy.timeout)
    now, attempts = utcnow(), delivery.attempts + 1
    ok = status is not None and 200 <= status < 300
    changes = {
        "attempts": attempts,
        "response_status": status,
        "error": None if ok else error or f"HTTP {status}",
    }
    if ok:
        changes |= {"status": DELIVERED, "delivered_at": now}
    elif attempts >= policy.max_attempts:
        changes |= {"status": FAILED}
    else:
        wait = min(MAX_BACKOFF, policy.backoff * 2 ** (attempts - 1))
        changes |= {"next_attempt_at": now + timedelta(seconds=wait)}
    Delivery.update(**changes).where(Delivery.id == delivery.id).execute()
    return ok


def run_once(policy: Policy, describe=None, send=post) -> tuple[int, int, int]:
    """Derive what the change log holds for every webhook, then send what is due:
    (changes read, delivered, failed attempts)."""
    read = derive_all(describe)
    delivered = failed = 0
    for delivery in take_due(utcnow(), lease_seconds=policy.timeout * 3 + 30):
        if attempt(delivery, policy, send):
            delivered += 1
        else:
            failed += 1
    return read, delivered, failed
