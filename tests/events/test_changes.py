"""GET /changes: an ordered feed without gaps or repeats, also under concurrent writers."""

import threading

from api import db
from api.facts.models import Claim, ClaimMatch, FactCheck
from api.news.models import Article, Quote, Speaker, Statement

from ..apps import PG_URL, add_key, make_app, reset_database

VERDICT = {
    "rating": {"label": "True", "value": 5, "best": 5, "worst": 1},
    "reviewer": {"name": "Checkers"},
    "url": "https://check.example/1",
    "date_published": "2024-01-02",
}


def drain(client, after=0, **params):
    """Every change after ``after``, page by page; (changes, last cursor)."""
    seen = []
    while True:
        body = client.get("/changes", query_string={"after": after, **params}).get_json()
        seen += body["items"]
        after = body["cursor"]
        if not body["next"]:
            return seen, after


def test_feed_records_writes_in_order(client, post_article):
    article = post_article(text="“Inflation rose 9 percent in 2022 across the country,” said Ann Lee.")
    claim = client.get("/claims").get_json()["items"][0]
    client.patch(f"/claims/{claim['id']}", json={"assignee": "sam"})
    review = client.post(f"/claims/{claim['id']}/reviews", json=VERDICT).get_json()
    client.delete(f"/articles/{article['id']}")
    changes, cursor = drain(client)
    assert [c["cursor"] for c in changes] == sorted(c["cursor"] for c in changes)
    summary = [(c["entity"], c["id"], c["action"]) for c in changes]
    statement = article["quotes"][0]["statement_id"]
    factcheck = client.get("/factchecks").get_json()["items"][0]  # the verdict, as a fact-check
    assert summary == [
        ("article", article["id"], "created"),
        ("speaker", article["speakers"][0]["id"], "created"),
        ("statement", statement, "created"),
        ("claim", claim["id"], "created"),
        ("claim", claim["id"], "updated"),
        ("review", review["id"], "created"),
        ("claim", claim["id"], "updated"),
        ("factcheck", factcheck["id"], "created"),
        ("article", article["id"], "deleted"),
        ("statement", statement, "updated"),
    ]
    assert drain(client, cursor) == ([], cursor)
    only_claims, _ = drain(client, entity="claim")
    assert {c["entity"] for c in only_claims} == {"claim"} and len(only_claims) == 3


def test_a_repeated_statement_updates_its_claims_in_the_feed(client, post_article):
    text = "“Inflation rose 9 percent in 2022 across the country,” said Ann Lee."
    post_article(text=text, url="https://one.example/1")
    _, cursor = drain(client)
    post_article(text=text, url="https://two.example/1")
    changes, _ = drain(client, cursor)
    claim = client.get("/claims").get_json()["items"][0]
    assert ("claim", claim["id"], "updated") in [(c["entity"], c["id"], c["action"]) for c in changes]
    assert claim["statement"]["appearance_count"] == 2


def test_feed_pages_without_gaps_or_repeats(client, post_article):
    for i in range(7):
        post_article(url=f"https://feed.example/{i}")
    first = client.get("/changes?limit=3").get_json()
    assert len(first["items"]) == 3 and first["next"] and first["total"] > 3
    changes, _ = drain(client, limit=3)
    cursors = [c["cursor"] for c in changes]
    assert cursors == sorted(set(cursors)) and len(cursors) == first["total"]
    assert client.get("/changes?after=-1").status_code == 422
    assert client.get("/changes?entity=quotes").status_code == 422


def test_poller_misses_nothing_while_writers_commit(tmp_path):
    app = make_app(PG_URL or f"sqlite:///{tmp_path}/feed.db")
    reset_database(app)
    writers, per_writer = 4, 5
    done = threading.Event()
    polled: list = []
    key = {"Authorization": f"Bearer {add_key(app, 'writer', 'ingest')}"}

    def write(w):
        client = app.test_client()
        for i in range(per_writer):
            text = f"“Wages rose {w * 10 + i} percent in the state last year,” said Writer Number{w}."
            assert client.post("/articles", json={"text": text}, headers=key).status_code == 201
        db.database.close()

    def poll():
        client, cursor = app.test_client(), 0
        while True:
            finished = done.is_set()
            body = client.get("/changes", query_string={"after": cursor, "limit": 7}).get_json()
            polled.extend(body["items"])
            cursor = body["cursor"]
            if finished and not body["next"]:
                break
        db.database.close()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    poller = threading.Thread(target=poll)
    poller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    poller.join(120)
    cursors = [c["cursor"] for c in polled]
    assert cursors == sorted(set(cursors))
    everything, _ = drain(app.test_client())
    assert cursors == [c["cursor"] for c in everything]
    assert sum(c["entity"] == "article" for c in polled) == writers * per_writer


def _stamps() -> dict:
    """(entity, id) -> the row's updated_at (fixed_at for quotes), to the microsecond."""
    stamps = {}
    for entity, model, column in (
        ("article", Article, Article.updated_at),
        ("speaker", Speaker, Speaker.updated_at),
        ("statement", Statement, Statement.updated_at),
        ("claim", Claim, Claim.updated_at),
        ("quote", Quote, Quote.fixed_at),
        ("factcheck", FactCheck, FactCheck.updated_at),
        ("match", ClaimMatch, ClaimMatch.updated_at),
    ):
        stamps.update({(entity, rid): at for rid, at in model.select(model.id, column).tuples()})
    return stamps


def test_every_updated_event_moves_the_rows_updated_at(client, post_article):
    """Reappearing statements, verdicts, corrections, fixes, merges and same_as: each 'updated' in the
    feed is a row whose updated_at moved in that write."""
    text = "“Inflation rose 9 percent in 2022 across the country,” said Ann Lee."
    got = {}

    def first():
        got["one"] = post_article(text=text, url="https://one.example/1")
        got["ann"] = got["one"]["speakers"][0]["id"]
        got["claim"] = client.get("/claims").get_json()["items"][0]["id"]

    def second():
        got["two"] = post_article(
            text=text + "\n\n“Prices fell,” said Bob Stone.", url="https://two.example/1"
        )

    def rename():
        fixed = client.patch(f"/quotes/{got['one']['quotes'][0]['id']}", json={"speaker_name": "Ann B. Lee"})
        got["ann_b"] = fixed.get_json()["speaker"]["id"]
        return fixed

    steps = [
        first,
        second,
        lambda: client.post(f"/claims/{got['claim']}/reviews", json=VERDICT),
        lambda: client.put(
            f"/articles/{got['two']['id']}", json={"text": text + "\n\n“Prices fell a lot,” said Bob Stone."}
        ),
        rename,
        lambda: client.post(f"/speakers/{got['ann']}/merge", json={"into": got["ann_b"]}),
        lambda: client.patch(
            f"/speakers/{got['ann_b']}", json={"same_as": ["https://www.wikidata.org/wiki/Q1"]}
        ),
        lambda: client.delete(f"/articles/{got['one']['id']}"),
    ]
    _, cursor = drain(client)
    checked = 0
    for step in steps:
        before = _stamps()
        response = step()
        assert getattr(response, "status_code", 200) < 300
        changes, cursor = drain(client, cursor)
        after = _stamps()
        for change in changes:
            if change["action"] == "updated":
                key = (change["entity"], change["id"])
                assert key in after and after[key] != before.get(key), change
                checked += 1
    assert checked >= 10
