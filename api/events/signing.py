"""Webhook signatures: HMAC-SHA256 over "{timestamp}.{body}", sent as
``Quotebook-Signature: t=<timestamp>,v1=<hex digest>``.

A receiver verifies a delivery with the webhook's secret (given once, when it subscribed)::

    t, v1 = dict(part.split("=", 1) for part in header.split(",")).values()
    expected = hmac.new(secret.encode(), f"{t}.".encode() + raw_body, hashlib.sha256).hexdigest()
    ok = hmac.compare_digest(expected, v1) and abs(time.time() - int(t)) < 300

The timestamp is signed with the body, so an old delivery replayed later fails the age check.

    >>> signature_header("whsec_test", 1700000000, b'{"event":"alert"}')
    't=1700000000,v1=40e0b3fbbdf4bcd3b80177ce03107d901b8592a2b43fd25f8c726c83751ce6ef'
"""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "Quotebook-Signature"
TOLERANCE = 300  # seconds a receiver should accept between the timestamp and its clock


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``{timestamp}.{body}`` under ``secret``."""
    return hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={sign(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """Does ``header`` sign ``body`` with ``secret``, at most TOLERANCE seconds ago?"""
    try:
        parts = dict(part.strip().split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    fresh = abs((time.time() if now is None else now) - timestamp) <= TOLERANCE
    return fresh and hmac.compare_digest(sign(secret, timestamp, body), parts.get("v1", ""))
