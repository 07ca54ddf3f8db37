"""Bad input gets one JSON problem body with the reason; nothing is stored."""

import pytest

from api.news.models import Article

from ..apps import keyed_client, make_app

PROBLEM = "application/problem+json"


def assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.get_json()
    assert body["status"] == status and body["detail"] and body["title"]
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


def test_malformed_json_is_400(client):
    response = client.post("/articles", data="{not json", content_type="application/json")
    assert "not valid JSON" in assert_problem(response, 400)["detail"]


def test_body_that_is_not_json_is_415(client):
    response = client.post("/articles", data="text=hello")
    assert_problem(response, 415)


@pytest.mark.parametrize(
    "payload, field, message",
    [
        ({}, "text", "Missing data for required field."),
        ({"text": 5}, "text", "Not a valid string."),
        ({"text": ""}, "text", "Must not be empty or only whitespace."),
        ({"text": "  \n "}, "text", "Must not be empty or only whitespace."),
        ({"text": "a\x00b"}, "text", "Must not contain NUL characters."),
        ({"text": "x", "colour": "red"}, "colour", "Unknown field."),
        (
            {"text": "x", "published_at": "yesterday"},
            "published_at",
            "Not a valid ISO 8601 date or date-time.",
        ),
        (
            {"text": "x", "published_at": "2024-02-30"},
            "published_at",
            "Not a valid ISO 8601 date or date-time.",
        ),
        ({"text": "x", "url": "not a url"}, "url", "Not a valid URL."),
        ({"text": "x", "url": "ftp://example.com/a"}, "url", "Not a valid URL."),
        ({"text": "x", "title": ["a"]}, "title", "Not a valid string."),
        (
            {"text": "x", "language": "english!"},
            "language",
            "Not a BCP 47 language tag such as 'en' or 'en-US'.",
        ),
    ],
)
def test_invalid_article_fields_are_422_naming_the_field(client, payload, field, message):
    body = assert_problem(client.post("/articles", json=payload), 422)
    assert body["errors"][field] == [message]
    assert field in body["detail"]
    assert Article.select().count() == 0


def test_every_invalid_field_is_named_at_once(client):
    body = assert_problem(client.post("/articles", json={"text": "", "url": 3, "extra": 1}), 422)
    assert set(body["errors"]) == {"text", "url", "extra"}


def test_json_array_body_is_422(client):
    body = assert_problem(client.post("/articles", json=["text"]), 422)
    assert "_schema" in body["errors"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("since=03/05/2024", "since"),
        ("until=2024-13-01", "until"),
        ("sort=name", "sort"),
    ],
)
def test_bad_query_parameters_are_422(client, query, field):
    body = assert_problem(client.get(f"/articles?{query}"), 422)
    assert field in body["errors"]


def test_unknown_path_is_json_404(client):
    assert_problem(client.get("/nowhere"), 404)


def test_wrong_method_is_json_405_with_allow(client):
    response = client.put("/articles")
    assert_problem(response, 405)
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_body_over_the_limit_is_413():
    app = make_app("sqlite:///:memory:", MAX_CONTENT_LENGTH=1000)
    response = keyed_client(app, "ingest").post("/articles", json={"text": "x" * 2000})
    assert_problem(response, 413)


def test_request_id_is_echoed_or_generated(client):
    given = client.get("/articles", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get("/articles", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["X-Request-ID"] not in ("", "bad id with spaces")
