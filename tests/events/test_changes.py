"""GET /changes: an ordered feed without gaps or repeats, also under concurrent writers."""

import threading

from api import db

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
    assert summary == [
        ("article", article["id"], "created"),
        ("speaker", article["speakers"][0]["id"], "created"),
        ("statement", statement, "created"),
        ("claim", claim["id"], "created"),
        ("claim", claim["id"], "updated"),
        ("review", review["id"], "created"),
        ("claim", claim["id"], "updated"),
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
