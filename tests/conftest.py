"""Fixtures: an app on a fresh database per test (SQLite in memory, or TEST_DATABASE_URL),
and a client that checks every response against openapi.yaml."""
from __future__ import annotations

import os

import pytest
from flask.testing import FlaskClient
from werkzeug.exceptions import MethodNotAllowed, NotFound

from api import create_app, db
from api.models import MODELS

from .contract import check_response, spec_path

PG_URL = os.environ.get("TEST_DATABASE_URL")


class ContractClient(FlaskClient):
    """A test client that asserts each response matches the documented contract."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        adapter = self.application.url_map.bind("localhost")
        try:
            rule, _ = adapter.match(request.path, request.method, return_rule=True)
        except (NotFound, MethodNotAllowed):
            assert response.mimetype == "application/problem+json"
            return response
        if rule.endpoint != "static" and request.method != "OPTIONS":
            check_response(spec_path(rule.rule), request.method, response)
        return response


def make_app(url: str, **settings):
    app = create_app({"DATABASE_URL": url, "TESTING": True, **settings})
    app.test_client_class = ContractClient
    return app


@pytest.fixture
def database_url():
    return PG_URL or "sqlite:///:memory:"


_fresh_schema = set()


def reset_database(app) -> None:
    """Empty tables for the next test: rebuilt once per run and URL, then emptied (fast on PostgreSQL)."""
    url = app.config["DATABASE_URL"]
    with app.app_context():
        db.database.connect(reuse_if_open=True)
        if db.is_postgres() and url in _fresh_schema:
            with db.database.atomic():  # DELETE beats TRUNCATE on tables this small
                for model in reversed(MODELS):
                    model.delete().execute()
        else:
            db.drop_all()
            _fresh_schema.add(url)
        db.ensure_schema()
        db.close_connection()


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    reset_database(app)
    yield app
    db.database.close()


@pytest.fixture
def client(app):
    return app.test_client()


AUSTIN = (
    "Defense Secretary Lloyd Austin spoke at the Pentagon on Tuesday.\n\n"
    "“We will not back down from this fight,” said Lloyd Austin.\n\n"
    "Reporters asked about the budget. “The money is already committed,” said Lloyd Austin.\n"
)


def article_payload(**overrides) -> dict:
    payload = {"text": AUSTIN, "url": "https://news.example/austin", "title": "Austin on the fight",
               "publisher": "Example News", "published_at": "2024-03-05T10:00:00Z", "language": "en"}
    payload.update(overrides)
    return payload


@pytest.fixture
def post_article(client):
    def post(**overrides):
        response = client.post("/articles", json=article_payload(**overrides))
        assert response.status_code in (200, 201), response.get_json()
        return response.get_json()
    return post
