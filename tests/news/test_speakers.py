"""GET /speakers (search), /speakers/{id}, /speakers/{id}/quotes."""

import pytest

from api.news.models import Speaker, SpeakerAlias


@pytest.fixture
def stored(post_article):
    first = post_article(published_at="2022-01-01")
    second = post_article(
        url="https://s.example/2",
        published_at="2024-01-01",
        text="“Hola a todos,” said José Núñez. “We are ready,” said Lloyd Austin.",
    )
    return first, second


@pytest.mark.parametrize("q", ["austin", "AUSTIN", "lloyd aus", "Lloyd Austin"])
def test_search_by_name_any_case(client, stored, q):
    names = [s["name"] for s in client.get(f"/speakers?q={q}").get_json()["items"]]
    assert names == ["Lloyd Austin"]


@pytest.mark.parametrize("q", ["nunez", "NÚÑEZ", "jose"])
def test_search_ignores_accents(client, stored, q):
    names = [s["name"] for s in client.get("/speakers", query_string={"q": q}).get_json()["items"]]
    assert names == ["José Núñez"]


def test_search_treats_like_wildcards_literally(client, stored):
    assert client.get("/speakers", query_string={"q": "%"}).get_json()["total"] == 0
    assert client.get("/speakers", query_string={"q": "_"}).get_json()["total"] == 0


def test_search_finds_aliases(client, stored):
    austin = Speaker.get(Speaker.name == "Lloyd Austin")
    SpeakerAlias.create(speaker=austin, alias="SecDef", folded="secdef")
    names = [s["name"] for s in client.get("/speakers?q=secdef").get_json()["items"]]
    assert names == ["Lloyd Austin"]


def test_list_speakers_most_quoted_first(client, stored):
    body = client.get("/speakers").get_json()
    assert [s["name"] for s in body["items"]] == ["Lloyd Austin", "José Núñez"]
    assert body["items"][0]["quote_count"] > body["items"][1]["quote_count"] == 1


def test_speaker_detail_counts_and_aliases(client, stored):
    first, second = stored
    austin = next(s for s in first["speakers"] if s["name"] == "Lloyd Austin")
    body = client.get(f"/speakers/{austin['id']}").get_json()
    assert body["name"] == "Lloyd Austin" and "Lloyd Austin" in body["aliases"]
    assert body["quote_count"] == first["quote_count"] + 1
    assert body["article_count"] == 2
    assert body["first_quoted_at"] == "2022-01-01T00:00:00Z"
    assert body["last_quoted_at"] == "2024-01-01T00:00:00Z"
    assert client.get("/speakers/987654").status_code == 404


def test_speaker_quotes_newest_first_with_article(client, stored):
    first, second = stored
    austin = next(s for s in first["speakers"] if s["name"] == "Lloyd Austin")
    body = client.get(f"/speakers/{austin['id']}/quotes").get_json()
    assert body["total"] == first["quote_count"] + 1
    assert body["items"][0]["article"]["id"] == second["id"]
    assert body["items"][0]["text"].startswith("We are ready")
    assert all(q["speaker"]["id"] == austin["id"] for q in body["items"])
    assert client.get(f"/speakers/{austin['id']}/quotes?speaker=1").status_code == 422
    assert client.get("/speakers/987654/quotes").status_code == 404


def test_speaker_quotes_of_a_speaker_without_quotes_is_an_empty_page(client, post_article):
    stored = post_article()
    speaker = stored["speakers"][0]["id"]
    assert client.delete(f"/articles/{stored['id']}").status_code == 204  # speakers stay
    body = client.get(f"/speakers/{speaker}/quotes").get_json()
    assert (body["items"], body["total"], body["next"]) == ([], 0, None)


@pytest.mark.parametrize("query", ["?limit=0", "?cursor=nonsense", "?offset=-1", "?since=yesterday"])
def test_speaker_quotes_of_an_unknown_speaker_is_404_before_its_arguments(client, stored, query):
    assert client.get(f"/speakers/987654/quotes{query}").status_code == 404
    austin = Speaker.get(Speaker.name == "Lloyd Austin").id
    assert client.get(f"/speakers/{austin}/quotes{query}").status_code == 422
