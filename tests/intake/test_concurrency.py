"""Simultaneous POSTs: one article, one speaker, nothing stored twice (file SQLite or PostgreSQL)."""

import threading

import pytest

from api import db
from api.news.models import Article, Quote, Speaker, Statement

from ..apps import PG_URL, add_key, make_app, reset_database
from ..payloads import article_payload

THREADS = 8


@pytest.fixture
def shared_app(tmp_path):
    """An app whose database every thread can reach with its own connection."""
    app = make_app(PG_URL or f"sqlite:///{tmp_path}/race.db")
    reset_database(app)
    yield app
    db.database.close()


def race(app, payloads):
    """POST each payload from its own thread, all released at once; the responses."""
    barrier = threading.Barrier(len(payloads))
    responses = [None] * len(payloads)
    key = {"Authorization": f"Bearer {add_key(app, f'racer-{len(payloads)}-{id(payloads)}', 'ingest')}"}

    def post(i):
        client = app.test_client()
        barrier.wait()
        responses[i] = client.post("/articles", json=payloads[i], headers=key)
        db.database.close()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(payloads))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return responses


def test_concurrent_reposts_store_one_article(shared_app):
    responses = race(shared_app, [article_payload()] * THREADS)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * (THREADS - 1) + [201]
    assert len({r.get_json()["id"] for r in responses}) == 1
    with shared_app.app_context():
        assert Article.select().count() == 1
        assert Quote.select().count() == responses[0].get_json()["quote_count"]


def test_concurrent_articles_share_one_new_speaker(shared_app):
    payloads = [
        article_payload(url=f"https://race.example/{i}", text=f"“Statement number {i},” said Kamala Harris.")
        for i in range(THREADS)
    ]
    responses = race(shared_app, payloads)
    assert [r.status_code for r in responses] == [201] * THREADS
    assert len({r.get_json()["speakers"][0]["id"] for r in responses}) == 1
    with shared_app.app_context():
        assert Speaker.select().count() == 1
        assert Article.select().count() == THREADS


NAMES = ["Ann Lee", "Bo Diaz", "Cy Young", "Di Park"]


def _rotated(i: int) -> str:
    """The same four speakers' same words, each article naming them in another order."""
    order = NAMES[i % 4 :] + NAMES[: i % 4]
    if i % 2:
        order.reverse()
    return " ".join(
        f"“We will fix every road in the district of {name.split()[1]},” said {name}." for name in order
    )


def test_writers_sharing_speakers_and_statements_in_different_orders_all_store(shared_app):
    payloads = [article_payload(url=f"https://order.example/{i}", text=_rotated(i)) for i in range(THREADS)]
    responses = race(shared_app, payloads)
    assert [r.status_code for r in responses] == [201] * THREADS
    with shared_app.app_context():
        assert sorted(s.quote_count for s in Speaker.select()) == [THREADS] * 4
        assert sorted(s.appearance_count for s in Statement.select()) == [THREADS] * 4
        assert Quote.select().count() == 4 * THREADS


def test_corrections_racing_each_other_each_become_one_revision(shared_app):
    """Different corrected texts of one article at once: each is a revision, in some order, none
    lost or applied twice; the article's quotes are exactly those of the last one."""
    base = article_payload()
    assert race(shared_app, [base])[0].status_code == 201
    texts = [
        base["text"] + f"\n\n“We will spend {n} million on ships,” said Lloyd Austin.\n" for n in range(4)
    ]
    responses = race(shared_app, [{**base, "text": text} for text in texts])
    assert [r.status_code for r in responses] == [200] * len(texts)
    client = shared_app.test_client()
    article = client.get(f"/articles/{responses[0].get_json()['id']}").get_json()
    revisions = client.get(f"/articles/{article['id']}/revisions").get_json()["items"]
    assert sorted(r["number"] for r in revisions) == [1, 2, 3, 4, 5]
    assert sorted(r["text"] for r in revisions[:-1]) == sorted(texts)
    assert article["text"] == revisions[0]["text"] and article["revision"] == 5
    last = [q["text"] for q in article["quotes"]]
    assert last[-1].startswith("We will spend") and len(last) == len(set(last)) == 3
    with shared_app.app_context():
        db.database.connect(reuse_if_open=True)
        assert Quote.select().count() == 3
        spent = [s.appearance_count for s in Statement.select() if s.text.startswith("We will spend")]
        assert sorted(spent) == [0, 0, 0, 1]
