"""claim.speaker_id: its statement's speaker, set by every write that makes or moves a claim, and
the one column GET /claims?speaker= reads."""

from __future__ import annotations

from api import db
from api.db.migrations import m0006_claim_speaker
from api.facts.models import Claim
from api.news.models import Statement

from .test_claims import CLAIM, OPINION, SPEECH


def _pairs(app) -> list[tuple]:
    """(claim's speaker, its statement's speaker) of every claim."""
    with app.app_context():
        db.open_connection()
        query = Claim.select(Claim.speaker, Statement.speaker).join(Statement).order_by(Claim.id)
        pairs = list(query.tuples())
        db.close_connection()
    return pairs


def test_scorer_and_checker_claims_carry_their_statements_speaker(app, client, post_article):
    speech = post_article(text=SPEECH, url="https://a.example/speech", published_at="2024-03-05")
    made = client.post("/claims", json={"quote": speech["quotes"][0]["id"], "text": OPINION})
    assert made.status_code == 201
    pairs = _pairs(app)
    assert len(pairs) == 2 and all(mine == theirs is not None for mine, theirs in pairs)


def test_claims_by_speaker(client, post_article):
    speech = post_article(text=SPEECH, url="https://a.example/speech", published_at="2024-03-05")
    austin = speech["speakers"][0]["id"]
    other = post_article(text="“Nothing to add today,” said Maria Lopez.\n", url="https://a.example/b")
    assert [c["text"] for c in client.get(f"/claims?speaker={austin}").get_json()["items"]] == [CLAIM]
    assert client.get(f"/claims?speaker={other['speakers'][0]['id']}").get_json()["items"] == []


def test_migration_fills_the_column_from_the_statements(app, post_article):
    post_article(text=SPEECH, url="https://a.example/speech", published_at="2024-03-05")
    with app.app_context():
        db.open_connection()
        Claim.update(speaker=None).execute()
        db.database.execute_sql(m0006_claim_speaker.BACKFILL)
        db.close_connection()
    pairs = _pairs(app)
    assert pairs and all(mine == theirs is not None for mine, theirs in pairs)
