"""Hardening: security headers, CORS closed by default, a silent or locked database is a quick 503,
and numbers and dates that would overflow a database are a 422 or a 404, never a 500."""

import socket
import sqlite3
import threading
import time

import pytest

from ..apps import PG_URL, keyed_client, make_app, reset_database
from ..events.test_changes import VERDICT


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/articles"), client.get("/nowhere"), client.get("/docs")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "default-src 'none'" in csp


def test_cors_allows_no_origin_by_default(anonymous):
    response = anonymous.get("/articles", headers={"Origin": "https://any.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_listed_origin_is_reflected_with_vary_origin():
    client = make_app("sqlite:///:memory:", CORS_ORIGINS="https://dash.example").test_client()
    allowed = client.get("/articles", headers={"Origin": "https://dash.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://dash.example"
    assert "Origin" in allowed.headers["Vary"]
    refused = client.get("/articles", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers and "Origin" in refused.headers["Vary"]


@pytest.fixture
def silent_database():
    """A port that accepts connections and never answers: a stuck database."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"postgresql://postgres@127.0.0.1:{server.getsockname()[1]}/stuck"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def test_a_silent_database_is_a_503_with_retry_after_within_seconds(silent_database):
    app = make_app(silent_database, DATABASE_CONNECT_TIMEOUT=2)  # the start-up check gives up too
    client = app.test_client()
    for method, path, kwargs in (
        ("GET", "/health", {}),
        ("GET", "/articles", {}),
        ("POST", "/articles", {"json": {"text": "x"}, "headers": {"Authorization": "Bearer qb_" + "a" * 43}}),
    ):
        started = time.monotonic()
        response = client.open(path, method=method, **kwargs)
        assert time.monotonic() - started < 8, path
        assert response.status_code == 503 and response.headers["Retry-After"] == "5", path
        assert response.mimetype == "application/problem+json"
    assert "did not answer in time" in client.get("/health").get_json()["detail"]


def test_a_database_locked_past_the_statement_timeout_is_a_503(tmp_path):
    app = make_app(f"sqlite:///{tmp_path}/locked.db", DATABASE_STATEMENT_TIMEOUT=1)
    reset_database(app)
    client = keyed_client(app, "ingest")
    other = sqlite3.connect(tmp_path / "locked.db")
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        started = time.monotonic()
        response = client.post("/articles", json={"text": "“Locked out,” she said."})
        assert response.status_code == 503 and response.headers["Retry-After"] == "5"
        assert time.monotonic() - started < 5
    finally:
        other.rollback()
        other.close()
    assert client.post("/articles", json={"text": "“Locked out,” she said."}).status_code == 201


BIG = 2**64


@pytest.mark.parametrize(
    "path, status",
    [
        (f"/quotes/{BIG}", 404),
        (f"/articles/{2**63}", 404),
        # ids a bigint holds but PostgreSQL's integer columns do not (prepared statements' parameters)
        (f"/articles/{2**31}", 404),
        (f"/articles/{2**63 - 2}/revisions", 404),
        (f"/quotes/{2**63 - 2}", 404),
        (f"/speakers/{2**31}", 404),
        (f"/speakers/{2**31}/quotes", 404),
        (f"/speakers/{BIG}/quotes", 404),
        ("/claims/0", 404),
        (f"/quotes?speaker={BIG}", 422),
        (f"/quotes?article={2**63}", 422),
        (f"/articles?offset={2**63}", 422),
        (f"/changes?after={BIG}", 422),
        ("/articles?limit=٣", 422),
        ("/claims?min_score=1e999", 422),
        ("/claims?has_verdict=yes", 422),
        ("/articles?since=9999-12-31T23:59:59-23:59", 422),
        ("/articles?until=0001-01-01T00:00:00%2B00:01", 422),
        ("/articles?since=", 422),
        ("/articles?since=20240101", 422),
    ],
)
def test_numbers_and_dates_beyond_the_database_are_refused(client, path, status):
    response = client.get(path)
    assert response.status_code == status, response.get_json()


@pytest.mark.parametrize("path", ["/speakers?q=", "/claims?q=%20", "/quotes?publisher="])
def test_empty_text_filters_are_accepted(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "published_at", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+00:01", "2024-02-30", "2024-W01-1"]
)
def test_article_dates_beyond_the_years_a_database_holds_are_422(client, published_at):
    response = client.post("/articles", json={"text": "x", "published_at": published_at})
    assert response.status_code == 422 and "published_at" in response.get_json()["errors"]


def test_article_date_times_in_any_case_and_offset_are_stored_in_utc(client):
    payload = {"text": "x", "published_at": "2024-03-05t10:00:00+05:30"}
    body = client.post("/articles", json=payload).get_json()
    assert body["published_at"] == "2024-03-05T04:30:00Z"


@pytest.fixture
def claim_id(client, post_article):
    post_article(text="“Inflation rose 9 percent in 2022 across the country,” said Ann Lee.")
    return client.get("/claims").get_json()["items"][0]["id"]


@pytest.mark.parametrize("value", [1e39, -1e7, "5", True])
def test_ratings_outside_the_scale_range_are_422(client, claim_id, value):
    verdict = {**VERDICT, "rating": {**VERDICT["rating"], "value": value}}
    response = client.post(f"/claims/{claim_id}/reviews", json=verdict)
    assert response.status_code == 422 and "value" in response.get_json()["errors"]["rating"]


def test_tiny_and_large_ratings_within_range_are_stored_exactly(client, claim_id):
    rating = {"label": "Odd scale", "value": 1e-300, "best": 999999.5, "worst": -1e-300}
    body = client.post(f"/claims/{claim_id}/reviews", json={**VERDICT, "rating": rating}).get_json()
    assert body["rating"] == rating
    stored = client.get(f"/claims/{claim_id}").get_json()["reviews"][0]["rating"]
    assert stored == rating, "double precision on both backends" + (" (PostgreSQL)" if PG_URL else "")
