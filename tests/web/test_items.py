"""List items dumped from raw rows (``item`` functions) equal what their marshmallow schemas dump,
and lists paged through SQL built once per shape answer what a freshly built query answers."""

from __future__ import annotations

import json

import pytest

from api import db
from api.db.paging import page, page_rows
from api.facts import queries as facts
from api.facts.alerts import alerts
from api.news import queries as news
from api.news.models import Article, Quote
from schemas.articles import ArticleSummarySchema, article_item, article_schema
from schemas.claims import ClaimSchema, StatementSchema, claim_item, statement_item
from schemas.quotes import QuoteSchema, quote_item
from schemas.speakers import SpeakerSchema, speaker_item

from ..facts.test_claims import SPEECH, VERDICT
from ..payloads import article_payload


def _speakers_annotated(rows):
    return facts.annotate_speaker_claims(news.annotate_speakers(rows))


def _speaker_rows_annotated(rows):
    ids = [r["Speaker.id"] for r in rows]
    aliases, verdicts = news.aliases_of(ids), facts.verdicts_of(ids)
    for r in rows:
        r["aliases"], r["verdicts"] = aliases[r["Speaker.id"]], verdicts[r["Speaker.id"]]
    return rows


# (listing, schema, annotate models, item, annotate rows)
LISTS = {
    "quotes": (news.quotes, QuoteSchema, None, quote_item, None),
    "articles": (news.articles, ArticleSummarySchema, None, article_item, None),
    "speakers": (news.speakers, SpeakerSchema, _speakers_annotated, speaker_item, _speaker_rows_annotated),
    "statements": (news.statements, StatementSchema, None, statement_item, None),
    "claims": (facts.claims, ClaimSchema, facts.annotate_claims, claim_item, facts.annotate_claim_rows),
}


@pytest.fixture
def archive(client, post_article):
    """Articles with quotes (a nameless speaker's too), a claim with a verdict, one without."""
    post_article()
    post_article(text=SPEECH, url="https://a.example/speech", published_at="2024-03-05T08:30:15.250000Z")
    post_article(
        text="“Nobody saw it coming,” an official said.\n",
        url="https://a.example/anon",
        published_at=None,
        publisher=None,
        title=None,
    )
    claims = client.get("/claims").get_json()["items"]
    assert claims
    assert client.post(f"/claims/{claims[0]['id']}/reviews", json=VERDICT).status_code == 201
    return client


def _dumped_both_ways(app, name) -> tuple[list, list]:
    """A list's first page dumped by its schema from models, and by its item function from raw rows."""
    listing_of, schema, annotate, item, annotate_rows = LISTS[name]
    with app.app_context():
        db.open_connection()
        models, *_ = page(listing_of({}), 100)
        rows, *_ = page_rows(listing_of({}), 100)
        db.close_connection()
        expected = schema(many=True).dump(annotate(models) if annotate else models)
        items = [item(r) for r in (annotate_rows(rows) if annotate_rows else rows)]
        # as answered: an item may hand a datetime to the JSON provider (web.jsonio), which writes it
        return expected, json.loads(app.json.dumps(items))


@pytest.mark.parametrize("name", LISTS)
def test_raw_items_equal_the_schema_dump(app, archive, name):
    expected, items = _dumped_both_ways(app, name)
    assert len(expected) == len(items) > 0
    assert items == expected


@pytest.mark.parametrize("shape", [None, ("same",)])
def test_cached_statements_page_like_fresh_queries(app, archive, shape):
    """Every page by cursor and by offset, twice (the second time from the cached SQL)."""
    with app.app_context():
        db.open_connection()
        listing = news.quotes({})
        everything = [q.id for q in listing.query]
        for _ in range(2):
            seen, cursor = [], None
            while True:
                rows, total, exact, more = page_rows(news.quotes({}), 2, 0, cursor, 1000, shape)
                seen += [r["Quote.id"] for r in rows]
                if not more:
                    break
                cursor = listing.key(rows[-1])
            assert seen == everything and total == len(everything) and exact
            by_offset = [
                page_rows(news.quotes({}), 2, k, None, 1000, shape)[0] for k in range(0, len(seen), 2)
            ]
            assert [r["Quote.id"] for rows in by_offset for r in rows] == everything
        db.close_connection()


def test_a_listed_page_follows_next_to_the_end(client, post_article):
    for i in range(5):
        post_article(url=f"https://a.example/{i}", text=article_payload()["text"] + f"\nPart {i}.\n")
    items, url = [], "/quotes?limit=3"
    while url:
        body = client.get(url).get_json()
        items += body["items"]
        url = body["next"]
    assert len(items) == len({q["id"] for q in items}) == client.get("/quotes").get_json()["total"]


@pytest.fixture
def touched(archive, post_article):
    """The archive after an editor's fix, a speaker merge and a corrected text."""
    client = archive
    words = "Inflation rose 9 percent in 2022 across the whole region"
    one = post_article(text=f"“{words},” said Ann Lee.", url="https://one.example/1")
    two = post_article(text=f"“{words},” said Annie Lee.", url="https://two.example/1")
    claim = client.get("/claims", query_string={"speaker": one["speakers"][0]["id"]}).get_json()["items"][0]
    assert client.post(f"/claims/{claim['id']}/reviews", json=VERDICT).status_code == 201
    merge = {"into": two["speakers"][0]["id"]}
    assert client.post(f"/speakers/{one['speakers'][0]['id']}/merge", json=merge).status_code == 200
    quote = two["quotes"][0]["id"]
    assert client.patch(f"/quotes/{quote}", json={"speaker_name": "Bo Diaz"}).status_code == 200
    text = (
        f"“{words},” said Ann Lee.\n\n“Taxes will fall 5 percent next year for every family,” said Bo Diaz."
    )
    assert client.put(f"/articles/{one['id']}", json={"text": text}).status_code == 200
    return client


@pytest.mark.parametrize("name", LISTS)
def test_raw_items_equal_the_schema_dump_after_fixes_merges_and_revisions(app, touched, name):
    expected, items = _dumped_both_ways(app, name)
    assert items == expected


def test_every_claim_is_listed_under_its_statements_speaker_after_fixes_merges_and_revisions(touched):
    claims = touched.get("/claims", query_string={"limit": 100}).get_json()["items"]
    for claim in claims:
        speaker = claim["speaker"]["id"] if claim["speaker"] else None
        if speaker is not None:
            listed = touched.get("/claims", query_string={"speaker": speaker, "limit": 100}).get_json()
            assert claim["id"] in [c["id"] for c in listed["items"]]
    by_speaker = sum(
        touched.get("/claims", query_string={"speaker": s["id"], "limit": 100}).get_json()["total"]
        for s in touched.get("/speakers", query_string={"limit": 100}).get_json()["items"]
    )
    assert by_speaker == sum(1 for c in claims if c["speaker"])


def test_article_details_equal_the_schema_dump_of_models(app, touched):
    """GET /articles/{id} (raw rows, one query for the quotes) answers what ArticleSchema dumps of
    the article's models read afresh: first quotes, speakers in order of appearance, alerts."""
    app.config["ARTICLE_QUOTES"] = 1  # a head shorter than most articles: the rest is a link
    with app.app_context():
        db.open_connection()
        expected = {}
        for article in Article.select().order_by(Article.id):
            quotes = list(Quote.select().where(Quote.article == article.id).order_by(Quote.position))
            article.quotes, article.quote_count = quotes[:1], len(quotes)
            article.speakers = list({q.speaker.id: q.speaker for q in quotes if q.speaker}.values())
            article.alerts = alerts(quotes, app.config["MATCH_ALERT_THRESHOLD"])
            expected[article.id] = article
        db.close_connection()
    answered = 0
    for article_id, article in expected.items():
        got = touched.get(f"/articles/{article_id}").get_json()
        article.quotes_next = got["quotes_next"]
        assert got == article_schema.dump(article)
        answered += bool(got["alerts"]) + bool(got["quotes_next"])
    assert answered >= 2  # alerts and a link were among them
