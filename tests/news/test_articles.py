"""POST/GET/DELETE /articles: storage, idempotency, lists."""

from api.news.models import Article, Quote, Speaker

from ..payloads import AUSTIN, article_payload


def test_post_stores_article_quotes_and_speakers(client):
    response = client.post("/articles", json=article_payload())
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/articles/{body['id']}"
    assert body["text"] == AUSTIN and body["publisher"] == "Example News"
    assert body["published_at"] == "2024-03-05T10:00:00Z"
    assert body["quote_count"] == len(body["quotes"]) >= 2
    first = body["quotes"][0]
    assert first["text"].startswith("We will not back down from this fight")
    assert AUSTIN[first["start"] : first["end"]] == first["text"]
    assert first["speaker"]["name"] == "Lloyd Austin"
    mention = first["mention"]
    assert AUSTIN[mention["start"] : mention["end"]] == mention["text"]
    assert [s["name"] for s in body["speakers"]] == ["Lloyd Austin"]
    assert first["article"]["id"] == body["id"]


def test_repost_same_url_returns_stored_article(client, post_article):
    first = post_article()
    again = client.post("/articles", json=article_payload(title="Changed title"))
    assert again.status_code == 200
    assert again.get_json()["id"] == first["id"]
    assert again.get_json()["title"] == "Austin on the fight"
    assert again.headers["Location"] == f"/articles/{first['id']}"
    assert Article.select().count() == 1
    assert Quote.select().count() == first["quote_count"]


def test_repost_same_text_without_url_returns_stored_article(client):
    first = client.post("/articles", json={"text": AUSTIN})
    second = client.post("/articles", json={"text": AUSTIN})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.get_json()["id"] == second.get_json()["id"]
    other = client.post("/articles", json={"text": AUSTIN, "url": "https://other.example/a"})
    assert other.status_code == 201 and other.get_json()["id"] != first.get_json()["id"]


def test_same_speaker_across_articles_is_one_speaker(post_article):
    a = post_article()
    b = post_article(url="https://news.example/second", text="“Another thing,” said Lloyd Austin.")
    assert a["speakers"][0]["id"] == b["speakers"][0]["id"]
    assert Speaker.select().count() == 1


def test_surname_alone_in_a_later_article_is_the_known_person(post_article):
    first = post_article()
    later = post_article(
        url="https://news.example/later", text="“We stay the course,” Austin said on Friday."
    )
    assert later["speakers"] == first["speakers"]
    post_article(url="https://news.example/other-austin", text="“Hello there, all of you,” said Jane Austin.")
    third = post_article(url="https://news.example/ambiguous", text="“Which one am I?” Austin asked.")
    assert third["speakers"][0]["name"] == "Austin"


def test_get_article_and_404(client, post_article):
    stored = post_article()
    response = client.get(f"/articles/{stored['id']}")
    assert response.status_code == 200 and response.get_json() == stored
    missing = client.get("/articles/999999")
    assert missing.status_code == 404
    assert missing.get_json()["detail"] == "No article with id 999999."


def test_delete_article_removes_quotes_keeps_speakers(client, post_article):
    stored = post_article()
    speaker_id = stored["speakers"][0]["id"]
    assert client.delete(f"/articles/{stored['id']}").status_code == 204
    assert client.get(f"/articles/{stored['id']}").status_code == 404
    assert Quote.select().count() == 0
    assert client.get(f"/speakers/{speaker_id}").get_json()["quote_count"] == 0
    assert client.delete(f"/articles/{stored['id']}").status_code == 404


def test_list_articles_newest_first_with_filters(client, post_article):
    old = post_article(url="https://a.example/1", published_at="2020-01-01", publisher="A")
    new = post_article(url="https://a.example/2", published_at="2024-06-01", publisher="B")
    body = client.get("/articles").get_json()
    assert [a["id"] for a in body["items"]] == [new["id"], old["id"]]
    assert body["total"] == 2 and body["next"] is None
    assert "text" not in body["items"][0] and body["items"][0]["quote_count"] == new["quote_count"]
    only_a = client.get("/articles?publisher=A").get_json()
    assert [a["id"] for a in only_a["items"]] == [old["id"]]
    since = client.get("/articles?since=2023-01-01").get_json()
    assert [a["id"] for a in since["items"]] == [new["id"]]
    until = client.get("/articles?until=2020-01-01T00:00:00Z").get_json()
    assert [a["id"] for a in until["items"]] == [old["id"]]


def test_pagination_envelope(client, post_article):
    ids = [
        post_article(url=f"https://p.example/{i}", published_at=f"2024-01-0{i + 1}")["id"] for i in range(5)
    ]
    first = client.get("/articles?limit=2").get_json()
    assert first["total"] == 5 and first["limit"] == 2 and first["offset"] == 0
    assert [a["id"] for a in first["items"]] == ids[::-1][:2]
    seen = [a["id"] for a in first["items"]]
    url = first["next"]
    while url:
        page = client.get(url).get_json()
        seen += [a["id"] for a in page["items"]]
        url = page["next"]
    assert seen == ids[::-1]


def test_page_size_is_capped(client):
    response = client.get("/articles?limit=101")
    assert response.status_code == 422
    assert "limit" in response.get_json()["errors"]
    assert client.get("/articles?limit=100").status_code == 200
