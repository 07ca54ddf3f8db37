"""A write that lost a race (deadlock, serialization failure) runs again; a database still locked
after its busy timeout does not (it is answered 503 at once)."""

import pytest
from peewee import IntegrityError, OperationalError

from api.db import retry
from api.intake import articles

from ..payloads import article_payload


class PgError(Exception):
    def __init__(self, pgcode):
        super().__init__(f"pg {pgcode}")
        self.pgcode = pgcode


def lost(pgcode: str) -> OperationalError:
    exc = OperationalError(f"pg {pgcode}")
    exc.orig = PgError(pgcode)
    return exc


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch):
    monkeypatch.setattr(retry, "BACKOFF", 0)


@pytest.mark.parametrize(
    "exc",
    [lost("40P01"), lost("40001")],
    ids=["deadlock", "serialization"],
)
def test_a_transaction_that_lost_a_race_runs_again(app, exc):
    calls = []

    def work():
        calls.append(1)
        if len(calls) < 3:
            raise exc
        return "done"

    with app.app_context():
        assert retry.retried(work) == "done"
    assert len(calls) == 3


def test_a_database_still_locked_after_its_busy_timeout_is_not_retried(app):
    calls = []

    def locked():
        calls.append(1)
        raise OperationalError("database is locked")

    with app.app_context(), pytest.raises(OperationalError):
        retry.retried(locked)
    assert len(calls) == 1


def test_other_errors_and_the_last_attempt_are_raised(app):
    calls = []

    def broken():
        calls.append(1)
        raise OperationalError("no such table: nothing")

    with app.app_context(), pytest.raises(OperationalError):
        retry.retried(broken)
    assert len(calls) == 1

    def always_deadlocked():
        calls.append(1)
        raise lost("40P01")

    with app.app_context(), pytest.raises(OperationalError):
        retry.retried(always_deadlocked, attempts=3)
    assert len(calls) == 4


def test_an_integrity_error_is_retried_only_when_asked(app):
    calls = []

    def collides():
        calls.append(1)
        raise IntegrityError("UNIQUE constraint failed")

    with app.app_context(), pytest.raises(IntegrityError):
        retry.retried(collides)
    assert len(calls) == 1
    with app.app_context(), pytest.raises(IntegrityError):
        retry.retried(collides, attempts=2, retry_on_conflict=lambda: True)
    assert len(calls) == 3


def test_an_article_whose_write_deadlocked_once_is_stored_with_201(client, monkeypatch):
    real, calls = articles.resolve_speakers, []

    def deadlocks_once(found, changes):
        calls.append(1)
        if len(calls) == 1:
            raise lost("40P01")
        return real(found, changes)

    monkeypatch.setattr(articles, "resolve_speakers", deadlocks_once)
    response = client.post("/articles", json=article_payload())
    assert response.status_code == 201 and len(calls) == 2
    assert client.get("/articles").get_json()["total"] == 1
