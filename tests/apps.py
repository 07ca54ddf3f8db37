"""Apps for tests: one on a given database, a database emptied for the next test, clients with keys."""

from __future__ import annotations

import os

from api import create_app, db
from api.access.keys import create_key
from api.access.models import ApiKey
from api.db import migrations
from api.events.models import Change, Delivery, Webhook
from api.facts.models import Claim, ClaimMatch, FactCheck, Review, SpeakerVerdict
from api.news.models import (
    Article,
    ArticleRevision,
    Quote,
    QuoteFix,
    Speaker,
    SpeakerAlias,
    SpeakerGram,
    SpeakerMerge,
    Statement,
    StatementHash,
)

from .contract_client import ContractClient

PG_URL = os.environ.get("TEST_DATABASE_URL")

# Every table, parents first: emptied in reverse.
MODELS = [
    Article,
    ArticleRevision,
    Speaker,
    SpeakerAlias,
    SpeakerGram,
    SpeakerMerge,
    QuoteFix,
    Statement,
    StatementHash,
    Quote,
    Claim,
    Review,
    SpeakerVerdict,
    FactCheck,
    ClaimMatch,
    Change,
    Webhook,
    Delivery,
    ApiKey,
]


def make_app(url: str, **settings):
    """An app on ``url``; rate limits off unless a test turns them on (tests/web/test_limits.py)."""
    app = create_app({"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False, **settings})
    app.test_client_class = ContractClient
    return app


def add_key(app, name: str, *roles: str) -> str:
    """Create an API key on ``app``'s database; its token."""
    with app.app_context():
        db.open_connection()
        try:
            return create_key(name, list(roles))[1]
        finally:
            db.close_connection()


def keyed_client(app, *roles: str, name: str | None = None):
    """A test client that sends a new key with ``roles`` (admin when none) on every request."""
    roles = roles or ("admin",)
    client = app.test_client()
    token = add_key(app, name or "-".join(roles) + f"-{id(client)}", *roles)
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


_fresh_schema = set()


def reset_database(app) -> None:
    """Empty tables for the next test: rebuilt once per run and URL, then emptied (fast on PostgreSQL)."""
    url = app.config["DATABASE_URL"]
    if db.is_memory():
        return  # create_app's schema step has just made a new, empty one
    with app.app_context():
        db.database.connect(reuse_if_open=True)
        if db.is_postgres() and url in _fresh_schema:
            with db.database.atomic():  # DELETE beats TRUNCATE on tables this small
                for model in reversed(MODELS):
                    model.delete().execute()
        else:
            migrations.drop_all(db.database)
            _fresh_schema.add(url)
        migrations.upgrade(db.database)
        db.close_connection()
