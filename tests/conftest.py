"""Fixtures: an app on a fresh database per test (SQLite in memory, or TEST_DATABASE_URL),
and a client that checks every response against openapi.yaml."""

from __future__ import annotations

import pytest

from api import db

from .apps import PG_URL, keyed_client, make_app, reset_database
from .payloads import article_payload


@pytest.fixture
def database_url():
    return PG_URL or "sqlite:///:memory:"


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    reset_database(app)
    yield app
    db.database.close()


@pytest.fixture
def client(app):
    """A client with an admin key: it may do everything (tests/web/test_auth.py checks who may not)."""
    return keyed_client(app, "admin", name="tester")


@pytest.fixture
def anonymous(app):
    """A client without a key."""
    return app.test_client()


@pytest.fixture
def post_article(client):
    def post(**overrides):
        response = client.post("/articles", json=article_payload(**overrides))
        assert response.status_code in (200, 201), response.get_json()
        return response.get_json()

    return post
