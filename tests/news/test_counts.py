"""Counts kept in columns by the write path agree with the rows they count, after every kind of write."""

from peewee import fn

from api.db import database
from api.db.migrations import m0003_archive_scale
from api.facts.models import Claim, Review, SpeakerVerdict
from api.news.models import Quote, Speaker, Statement, StatementHash

from ..apps import keyed_client, make_app, reset_database
from ..payloads import article_payload

CLAIM = "We have 90 percent health insurance coverage in this state"
VERDICT = {
    "rating": {"label": "False", "value": 1, "best": 5, "worst": 1},
    "reviewer": {"name": "FactCheck Example"},
    "url": "https://factcheck.example/1",
    "date_published": "2024-03-07",
}


def recounted() -> dict:
    """What the columns should say, aggregated from the rows."""
    speakers = {
        s.id: (
            Quote.select().where(Quote.speaker == s.id).count(),
            Quote.select(Quote.article).where(Quote.speaker == s.id).distinct().count(),
            Quote.select(fn.MIN(Quote.dated_at)).where(Quote.speaker == s.id).scalar(),
            Quote.select(fn.MAX(Quote.dated_at)).where(Quote.speaker == s.id).scalar(),
            Claim.select().join(Statement).where(Statement.speaker == s.id).count(),
        )
        for s in Speaker.select()
    }
    statements = {s.id: Quote.select().where(Quote.statement == s.id).count() for s in Statement.select()}
    verdicts = {
        (speaker, label): n
        for speaker, label, n in Review.select(Statement.speaker, Review.rating_label, fn.COUNT(Review.id))
        .join(Claim)
        .join(Statement)
        .group_by(Statement.speaker, Review.rating_label)
        .tuples()
    }
    return {"speakers": speakers, "statements": statements, "verdicts": verdicts}


def stored_counts() -> dict:
    speakers = {
        s.id: (s.quote_count, s.article_count, s.first_quoted_at, s.last_quoted_at, s.claim_count)
        for s in Speaker.select()
    }
    statements = {s.id: s.appearance_count for s in Statement.select()}
    verdicts = {(v.speaker_id, v.label): v.count for v in SpeakerVerdict.select() if v.count}
    return {"speakers": speakers, "statements": statements, "verdicts": verdicts}


def test_counts_follow_posts_claims_verdicts_and_deletes(client, post_article):
    early = post_article(
        url="https://c.example/1", published_at="2020-01-01", text=f"“{CLAIM},” said Ann Lee."
    )
    late = post_article(
        url="https://c.example/2",
        published_at="2024-01-01",
        text=f"“{CLAIM}, and it is rising,” said Ann Lee. “Thank you all,” said Bo Diaz.",
    )
    post_article()
    claim = client.get("/claims").get_json()["items"][0]
    assert client.post(f"/claims/{claim['id']}/reviews", json=VERDICT).status_code == 201
    quote = late["quotes"][1]
    assert client.post("/claims", json={"quote": quote["id"]}).status_code == 201
    assert stored_counts() == recounted()
    lee = client.get(f"/speakers/{early['speakers'][0]['id']}").get_json()
    assert (lee["quote_count"], lee["article_count"]) == (2, 2)
    assert lee["claim_count"] == Claim.select().count() - 1  # all but Bo Diaz's, made by a checker
    assert lee["verdicts"] == {"False": 1}
    assert lee["first_quoted_at"] == "2020-01-01T00:00:00Z"
    client.delete(f"/articles/{early['id']}")
    assert stored_counts() == recounted()
    lee = client.get(f"/speakers/{early['speakers'][0]['id']}").get_json()
    assert (lee["quote_count"], lee["first_quoted_at"]) == (1, "2024-01-01T00:00:00Z")
    client.delete(f"/articles/{late['id']}")
    assert stored_counts() == recounted()


def test_the_migration_fills_counts_tallies_and_the_index_from_stored_rows(client, post_article):
    post_article(url="https://c.example/3", text=f"“{CLAIM},” said Ann Lee. “Thank you all,” said Ann Lee.")
    claim = client.get("/claims").get_json()["items"][0]
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    expected, hashes = stored_counts(), sorted(StatementHash.select().tuples())
    Speaker.update(quote_count=0, article_count=0, claim_count=0, first_quoted_at=None).execute()
    Statement.update(appearance_count=0).execute()
    SpeakerVerdict.delete().execute()
    StatementHash.delete().execute()
    m0003_archive_scale.backfill(database.obj)
    assert stored_counts() == expected and expected["verdicts"] == {(claim["speaker"]["id"], "False"): 1}
    assert sorted(StatementHash.select().tuples()) == hashes and hashes


def test_article_detail_embeds_the_first_quotes_and_links_the_rest(database_url):
    app = make_app(database_url, ARTICLE_QUOTES=3)
    reset_database(app)
    client = keyed_client(app, "admin")
    text = " ".join(f"“Point number {i} of the plan,” said Ann Lee." for i in range(8))
    posted = client.post("/articles", json=article_payload(text=text)).get_json()
    assert posted["quote_count"] == 8 and len(posted["quotes"]) == 3
    rest = client.get(posted["quotes_next"]).get_json()
    assert [q["text"] for q in posted["quotes"] + rest["items"]] == [
        f"Point number {i} of the plan" for i in range(8)
    ]
    assert rest["next"] is None
    whole = client.get(f"/articles/{posted['id']}").get_json()
    assert whole["quotes_next"] == posted["quotes_next"] and whole["speakers"][0]["name"] == "Ann Lee"
    small = client.post("/articles", json=article_payload(url="https://c.example/small")).get_json()
    assert small["quotes_next"] is None and len(small["quotes"]) == small["quote_count"]
