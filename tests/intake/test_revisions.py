"""Corrected articles: a re-POST with a new text or PUT /articles/{id} stores a revision."""

import pytest

from api.intake import revisions as intake_revisions

from ..events.test_changes import drain

URL = "https://news.example/budget"
FIRST = (
    "The committee met on Monday.\n\n"
    "“We will not back down from this fight,” said Lloyd Austin.\n\n"
    "“Inflation rose 9 percent in 2022 across the country,” said Ann Lee.\n"
)
CORRECTED = (
    "The committee met on Monday, officials said.\n\n"
    "“We will not back down from this fight,” said Lloyd Austin.\n\n"
    "“Inflation rose 7 percent in 2022 across the whole country,” said Ann Lee.\n"
)


def quotes_by_text(article: dict) -> dict:
    return {q["text"]: q for q in article["quotes"]}


@pytest.fixture
def first(post_article):
    return post_article(text=FIRST, url=URL, published_at="2024-03-05T10:00:00Z")


def test_a_repost_with_a_new_text_is_the_next_revision(client, first):
    response = client.post("/articles", json={"text": CORRECTED, "url": URL})
    assert response.status_code == 200
    revised = response.get_json()
    assert (revised["id"], revised["revision"], revised["text"]) == (first["id"], 2, CORRECTED)
    assert revised["updated_at"] >= revised["created_at"]
    before, after = quotes_by_text(first), quotes_by_text(revised)
    kept = "We will not back down from this fight"
    assert after[kept]["id"] == before[kept]["id"]  # unchanged quote, same id
    assert CORRECTED[after[kept]["start"] : after[kept]["end"]] == kept  # at its new place
    gone = before["Inflation rose 9 percent in 2022 across the country"]
    new = after["Inflation rose 7 percent in 2022 across the whole country"]
    assert new["id"] not in {q["id"] for q in first["quotes"]}
    assert client.get(f"/quotes/{gone['id']}").status_code == 404
    assert client.get(f"/statements/{gone['statement_id']}").get_json()["appearance_count"] == 0
    assert client.get(f"/statements/{new['statement_id']}").get_json()["appearance_count"] == 1
    assert client.get(f"/articles/{first['id']}").get_json() == revised


def test_revisions_list_each_version_with_the_quotes_it_changed(client, first):
    revised = client.put(
        f"/articles/{first['id']}", json={"text": CORRECTED, "title": "Corrected"}
    ).get_json()
    assert revised["title"] == "Corrected" and revised["revision"] == 2
    page = client.get(f"/articles/{first['id']}/revisions").get_json()
    assert [r["number"] for r in page["items"]] == [2, 1]
    latest, original = page["items"]
    assert (original["text"], original["added"], original["removed"]) == (FIRST, [], [])
    gone = quotes_by_text(first)["Inflation rose 9 percent in 2022 across the country"]["id"]
    new = quotes_by_text(revised)["Inflation rose 7 percent in 2022 across the whole country"]["id"]
    assert (latest["text"], latest["added"], latest["removed"], latest["kept"]) == (
        CORRECTED,
        [new],
        [gone],
        1,
    )
    assert latest["actor"] == "tester" and latest["created_at"] >= original["created_at"]
    assert client.get("/articles/999/revisions").status_code == 404


def test_the_same_text_again_changes_nothing(client, first):
    _, cursor = drain(client)
    again = client.put(f"/articles/{first['id']}", json={"text": FIRST})
    assert again.status_code == 200 and again.get_json()["revision"] == 1
    assert client.post("/articles", json={"text": FIRST, "url": URL}).status_code == 200
    assert drain(client, cursor) == ([], cursor)
    assert client.put("/articles/999", json={"text": FIRST}).status_code == 404


def test_the_feed_says_what_a_revision_changed(client, first):
    _, cursor = drain(client)
    revised = client.put(f"/articles/{first['id']}", json={"text": CORRECTED}).get_json()
    changes, _ = drain(client, cursor)
    summary = [(c["entity"], c["action"]) for c in changes]
    gone = quotes_by_text(first)["Inflation rose 9 percent in 2022 across the country"]["statement_id"]
    new = quotes_by_text(revised)["Inflation rose 7 percent in 2022 across the whole country"]["statement_id"]
    assert ("statement", new, "created") in [(c["entity"], c["id"], c["action"]) for c in changes]
    assert ("statement", gone, "updated") in [(c["entity"], c["id"], c["action"]) for c in changes]
    assert summary[-2:] == [("article", "updated"), ("revision", "created")]
    assert {c["actor"] for c in changes} == {"tester"}


def test_claims_and_verdicts_stay_with_a_statement_whose_quote_vanished(client, first):
    quote = quotes_by_text(first)["Inflation rose 9 percent in 2022 across the country"]
    claim = client.get("/claims", query_string={"speaker": quote["speaker"]["id"]}).get_json()["items"][0]
    verdict = {
        "rating": {"label": "False", "value": 1, "best": 5, "worst": 1},
        "reviewer": {"name": "Checkers"},
        "url": "https://check.example/1",
        "date_published": "2024-03-06",
    }
    assert client.post(f"/claims/{claim['id']}/reviews", json=verdict).status_code == 201
    client.put(f"/articles/{first['id']}", json={"text": CORRECTED})
    kept = client.get(f"/claims/{claim['id']}").get_json()
    assert kept["statement"]["id"] == quote["statement_id"] and len(kept["reviews"]) == 1
    speaker = client.get(f"/speakers/{quote['speaker']['id']}").get_json()
    assert speaker["verdicts"] == {"False": 1} and speaker["quote_count"] == 1


def test_first_seen_dates_and_speaker_counts_follow_a_vanished_quote(client, post_article, first):
    words = "“Inflation rose 9 percent in 2022 across the country,” said Ann Lee."
    earlier = post_article(text=words, url="https://early.example/1", published_at="2024-01-01T00:00:00Z")
    statement = earlier["quotes"][0]["statement_id"]
    assert client.get(f"/statements/{statement}").get_json()["first_seen_at"] == "2024-01-01T00:00:00Z"
    client.put(f"/articles/{earlier['id']}", json={"text": "No quotes in this version at all."})
    body = client.get(f"/statements/{statement}").get_json()
    assert (body["first_seen_at"], body["appearance_count"]) == ("2024-03-05T10:00:00Z", 1)
    ann = client.get(f"/speakers/{earlier['speakers'][0]['id']}").get_json()
    assert (ann["quote_count"], ann["article_count"], ann["first_quoted_at"]) == (
        1,
        1,
        "2024-03-05T10:00:00Z",
    )


def test_a_failed_revision_leaves_the_previous_one_whole(app, client, first, monkeypatch):
    def fails(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(intake_revisions, "add_detected_claims", fails)
    assert client.put(f"/articles/{first['id']}", json={"text": CORRECTED}).status_code == 500
    assert client.get(f"/articles/{first['id']}").get_json() == first
    assert client.get(f"/articles/{first['id']}/revisions").get_json()["total"] == 1


def test_an_article_without_url_is_known_by_its_current_text(client):
    first = client.post("/articles", json={"text": FIRST}).get_json()
    client.put(f"/articles/{first['id']}", json={"text": CORRECTED})
    again = client.post("/articles", json={"text": CORRECTED})
    assert again.status_code == 200 and again.get_json()["id"] == first["id"]
    assert client.get("/articles").get_json()["total"] == 1
