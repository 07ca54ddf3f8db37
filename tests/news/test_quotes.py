"""GET /quotes, /quotes/{id}, POST /extract."""

from api.news.models import Article, Quote

from ..payloads import AUSTIN


def test_filter_quotes_by_speaker_article_publisher_and_date(client, post_article):
    a = post_article(url="https://q.example/1", publisher="Alpha", published_at="2021-05-01")
    b = post_article(
        url="https://q.example/2",
        publisher="Beta",
        published_at="2023-05-01",
        text="“Taxes will fall,” said Maria Gomez.\n\n“Not true,” said Lloyd Austin.",
    )
    austin = a["speakers"][0]["id"]
    everything = client.get("/quotes").get_json()
    assert everything["total"] == a["quote_count"] + b["quote_count"]
    # Newest first; within one article, reading order.
    assert [q["article"]["id"] for q in everything["items"]][:2] == [b["id"], b["id"]]
    assert everything["items"][0]["start"] < everything["items"][1]["start"]
    by_speaker = client.get(f"/quotes?speaker={austin}").get_json()["items"]
    assert {q["speaker"]["id"] for q in by_speaker} == {austin}
    assert len(by_speaker) == a["quote_count"] + 1
    by_article = client.get(f"/quotes?article={b['id']}").get_json()["items"]
    assert {q["article"]["id"] for q in by_article} == {b["id"]}
    by_publisher = client.get("/quotes?publisher=Alpha").get_json()["items"]
    assert {q["article"]["publisher"] for q in by_publisher} == {"Alpha"}
    recent = client.get("/quotes?since=2022-01-01&until=2024-01-01").get_json()["items"]
    assert {q["article"]["id"] for q in recent} == {b["id"]}
    assert client.get("/quotes?since=2030-01-01").get_json() == {
        "items": [],
        "total": 0,
        "total_exact": True,
        "limit": 20,
        "offset": 0,
        "next": None,
    }


def test_get_quote_and_404(client, post_article):
    stored = post_article()
    quote = stored["quotes"][0]
    assert client.get(f"/quotes/{quote['id']}").get_json() == quote
    assert client.get("/quotes/424242").status_code == 404


def test_quote_without_attribution_has_null_speaker(client):
    text = "The crowd chanted “lock her up” for an hour, reporters noted nothing else."
    body = client.post("/articles", json={"text": text}).get_json()
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        if quote["speaker"] is None:
            assert quote["mention"] is None or quote["mention"]["text"]


def test_extract_returns_quotes_and_stores_nothing(client):
    response = client.post("/extract", json={"text": AUSTIN})
    assert response.status_code == 200
    quotes = response.get_json()["quotes"]
    assert quotes and all(AUSTIN[q["start"] : q["end"]] == q["text"] for q in quotes)
    assert quotes[0]["speaker"]["name"] == "Lloyd Austin"
    assert Article.select().count() == 0 and Quote.select().count() == 0


def test_extract_rejects_bad_input(client):
    assert client.post("/extract", json={"text": ""}).status_code == 422
    assert client.post("/extract", json={"txt": "a"}).status_code == 422
    assert client.post("/extract", data="[", content_type="application/json").status_code == 400
