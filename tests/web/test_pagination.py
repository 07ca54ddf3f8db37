"""Keyset pages on every list: `next` carries a cursor, pages neither skip nor repeat, totals capped."""

import pytest

from ..apps import keyed_client, make_app, reset_database
from ..payloads import article_payload

SPEAKERS = ["Ann Lee", "Bo Diaz", "Cy Young", "Di Park", "Ed Moss"]


def _text(i: int) -> str:
    return " ".join(
        f"“Number {i} statement about the budget of {n.split()[1]} in year {2000 + i},” said {n}."
        for n in SPEAKERS
    )


@pytest.fixture
def stored(client):
    for i in range(6):
        body = article_payload(
            url=f"https://k.example/{i}", text=_text(i), published_at=f"2024-01-0{1 + i % 3}"
        )
        assert client.post("/articles", json=body).status_code == 201


def _walk(client, url: str) -> list[int]:
    seen = []
    while url:
        page = client.get(url).get_json()
        assert "offset=" not in (page["next"] or "")
        seen += [item["id"] for item in page["items"]]
        url = page["next"]
    return seen


@pytest.mark.parametrize(
    "path",
    [
        "/articles",
        "/quotes",
        "/quotes?publisher=Example News",
        "/speakers",
        "/speakers?q=o",
        "/statements",
        "/claims",
        "/speakers/{speaker}/quotes",
    ],
)
def test_following_next_visits_every_item_once_in_list_order(client, stored, path):
    path = path.format(speaker=client.get("/speakers").get_json()["items"][0]["id"])
    everything = [
        item["id"]
        for item in client.get(path + ("&" if "?" in path else "?") + "limit=100").get_json()["items"]
    ]
    assert everything
    paged = _walk(client, path + ("&" if "?" in path else "?") + "limit=4")
    assert paged == everything


def test_cursor_pages_match_offset_pages(client, stored):
    first = client.get("/quotes?limit=7").get_json()
    by_cursor = client.get(first["next"]).get_json()
    by_offset = client.get("/quotes?limit=7&offset=7").get_json()
    assert [q["id"] for q in by_cursor["items"]] == [q["id"] for q in by_offset["items"]]
    assert by_offset["next"] and "cursor=" in by_offset["next"]


@pytest.mark.parametrize("cursor", ["nonsense", "WzFd", "e30"])
def test_a_cursor_the_list_did_not_make_is_a_422(client, stored, cursor):
    response = client.get(f"/quotes?cursor={cursor}")
    assert response.status_code == 422 and "cursor" in response.get_json()["errors"]


def test_cursor_and_offset_together_is_a_422(client, stored):
    cursor = client.get("/articles?limit=1").get_json()["next"].split("cursor=")[1]
    response = client.get(f"/articles?cursor={cursor}&offset=3")
    assert response.status_code == 422 and "cursor" in response.get_json()["errors"]


def test_totals_are_capped_and_say_so(database_url):
    app = make_app(database_url, COUNT_LIMIT=5)
    reset_database(app)
    client = keyed_client(app, "admin")
    client.post("/articles", json=article_payload(url="https://k.example/cap", text=_text(1) + _text(2)))
    capped = client.get("/quotes").get_json()
    assert capped["total"] == 5 and capped["total_exact"] is False and len(capped["items"]) == 10
    exact = client.get("/speakers").get_json()
    assert exact["total"] == 5 and exact["total_exact"] is True


@pytest.mark.parametrize(
    "path",
    [
        "/speakers?q=O&offset=0&limit=2",
        "/speakers/{speaker}/quotes?limit=1&until=2030-01-01T00:00:00Z",
        "/speakers/00{speaker}/quotes?limit=1",  # as asked, not as url_for would write the id
        "/speakers/%EF%BC%9{speaker}/quotes?limit=1",  # a fullwidth digit: quoted again
    ],
)
def test_next_is_the_url_url_for_builds(app, client, stored, path):
    """`next` is built from the request's own path and query, not through url_for: the same URL."""
    from urllib.parse import parse_qsl, unquote, urlsplit

    from flask import url_for

    speaker = client.get("/speakers?limit=1").get_json()["items"][0]["id"]
    asked = path.format(speaker=speaker)
    page = client.get(asked).get_json()
    cursor = dict(parse_qsl(urlsplit(page["next"]).query))["cursor"]
    route, _, query = asked.partition("?")
    with app.test_request_context(asked):
        endpoint = app.url_map.bind("localhost").match(unquote(route))
        args = {k: v for k, v in parse_qsl(query) if k != "offset"}
        built = url_for(endpoint[0], **endpoint[1], **{**args, "limit": args["limit"], "cursor": cursor})
    path, _, built_query = built.partition("?")
    assert page["next"] == f"{route}?{built_query}" and "offset" not in built
    assert path == route or "/00" in route or "%EF" in route
