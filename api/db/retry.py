"""Transactions that lost a race are run again: deadlocks and serialization failures on
PostgreSQL (40P01, 40001).

They mean "nothing was written, the same work may succeed now": the caller never sees
them unless every attempt lost. SQLite's "database is locked" is not retried: writers
already queue for the busy timeout (BEGIN IMMEDIATE), so a lock still held after it means
an overloaded or stuck database, answered 503 with Retry-After at once rather than after
several more timeouts. Retrying is only possible for a whole transaction,
so a call made inside an open transaction is run once.
"""

from __future__ import annotations

import logging
import random
import time

from peewee import IntegrityError, OperationalError

from .binding import database

log = logging.getLogger("api.db")

ATTEMPTS = 5
BACKOFF = 0.05  # seconds before the second attempt; doubled each time, with jitter
RETRYABLE_CODES = {"40P01", "40001"}  # deadlock_detected, serialization_failure


def lost_a_race(exc: Exception) -> bool:
    """Did this transaction fail only because a concurrent one was in its way?"""
    original = getattr(exc, "orig", None) or exc.__cause__
    return getattr(original, "pgcode", None) in RETRYABLE_CODES


def retried(work, attempts: int = ATTEMPTS, retry_on_conflict=None):
    """``work()`` run as one transaction, run again (with backoff) when it lost a race.

    ``retry_on_conflict``: called after an IntegrityError; when it returns True the
    unique row that collided was a concurrent writer's, and the work runs again.
    """
    if database.in_transaction():
        return work()
    for attempt in range(1, attempts + 1):
        try:
            with database.atomic():
                return work()
        except (OperationalError, IntegrityError) as exc:
            if attempt == attempts:
                raise
            if isinstance(exc, IntegrityError):
                if retry_on_conflict is None or not retry_on_conflict():
                    raise
            elif not lost_a_race(exc):
                raise
            log.info("write lost a race (%s), attempt %d of %d", type(exc).__name__, attempt, attempts)
            time.sleep(BACKOFF * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")
