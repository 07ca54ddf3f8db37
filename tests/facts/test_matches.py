"""Claims matched with fact-checks: on ingest, in alerts, POST /match, checkers' decisions,
and the per-process index kept current from the change log."""

import pytest

from ..apps import PG_URL, keyed_client, make_app, reset_database
from .test_claims import VERDICT
from .test_factchecks import claimreview

SAID = "“We have 90 percent health insurance coverage in this state,” said Ann Lee."
OTHER = "“We have 90 percent health insurance coverage in this state,” said Bo Diaz."


@pytest.fixture
def checked(client):
    """An imported fact-check of Ann Lee's claim, in other words than hers."""
    return client.post("/factchecks", json=claimreview()).get_json()


def test_a_paraphrase_of_a_checked_claim_is_an_alert(client, post_article, checked):
    article = post_article(text=SAID)
    (alert,) = [a for a in article["alerts"] if a["factcheck"]]
    assert (
        alert["factcheck"]["id"] == checked["id"] and alert["factcheck"]["rating"]["label"] == "Mostly false"
    )
    assert alert["same_speaker"] is True and alert["similarity"] >= 0.5 and alert["reviews"] == []
    assert alert["quote_id"] == article["quotes"][0]["id"]
    claim = client.get(f"/claims/{alert['claim']['id']}").get_json()
    assert [(m["factcheck"]["id"], m["status"], m["same_speaker"]) for m in claim["matches"]] == [
        (checked["id"], "suggested", True)
    ]
    feed = client.get("/changes?entity=alert").get_json()["items"]
    assert len(feed) == 1 and client.get("/changes?entity=match").get_json()["total"] >= 1


def test_another_speaker_repeating_it_is_not_the_same_speaker(post_article, checked):
    (alert,) = [a for a in post_article(text=OTHER)["alerts"] if a["factcheck"]]
    assert alert["same_speaker"] is False


def test_post_match_ranks_fact_checks_for_any_text(client, checked):
    client.post(
        "/factchecks",
        json=claimreview(url="https://c.example/moon", claimReviewed="The moon landing was staged."),
    )
    response = client.post("/match", json={"text": "Coverage in this state is at 90%, says the governor"})
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert items[0]["factcheck"]["id"] == checked["id"] and 0 < items[0]["similarity"] <= 1
    assert [i["similarity"] for i in items] == sorted((i["similarity"] for i in items), reverse=True)
    unrelated = client.post("/match", json={"text": "Zebras."}).get_json()["items"]
    assert all(i["similarity"] < 0.3 for i in unrelated)  # nothing close (maybe nothing at all)


@pytest.mark.parametrize("body", [{}, {"text": " "}, {"text": "x", "limit": 0}, {"text": "x", "limit": True}])
def test_bad_match_requests_are_422(client, body):
    assert client.post("/match", json=body).status_code == 422


def test_a_rejected_match_is_not_suggested_again(client, post_article, checked):
    article = post_article(text=SAID, url="https://a.example/1")
    claim_id = next(a["claim"]["id"] for a in article["alerts"] if a["factcheck"])
    decided = client.post(f"/claims/{claim_id}/matches/{checked['id']}", json={"confirmed": False})
    assert decided.status_code == 200 and decided.get_json()["status"] == "rejected"
    assert client.get(f"/claims/{claim_id}").get_json()["matches"] == []
    again = post_article(text=SAID, url="https://b.example/2")  # the statement appears again
    assert [a for a in again["alerts"] if a["factcheck"]] == []
    assert client.get(f"/claims/{claim_id}").get_json()["matches"] == []


def test_a_checker_confirms_or_links_a_fact_check(client, post_article, checked):
    post_article(text=SAID)
    claim_id = client.get("/claims").get_json()["items"][0]["id"]
    confirmed = client.post(
        f"/claims/{claim_id}/matches/{checked['id']}", json={"confirmed": True}
    ).get_json()
    assert confirmed["status"] == "confirmed" and confirmed["actor"] == "tester"
    other = client.post(
        "/factchecks",
        json=claimreview(url="https://c.example/x", claimReviewed="Cats can fly.", headline=None),
    ).get_json()  # (the helper's headline is about coverage: it would match by its title)
    linked = client.post(f"/claims/{claim_id}/matches/{other['id']}", json={"confirmed": True}).get_json()
    assert linked["status"] == "confirmed" and (linked["similarity"] or 0) < 0.3  # not one the index suggests
    matches = client.get(f"/claims/{claim_id}").get_json()["matches"]
    assert [m["status"] for m in matches] == ["confirmed", "confirmed"]
    article = client.get(f"/articles/{client.get('/articles').get_json()['items'][0]['id']}").get_json()
    alerted = {a["factcheck"]["id"] for a in article["alerts"] if a["factcheck"]}
    assert alerted == {checked["id"], other["id"]}  # a confirmed match alerts however similar
    assert client.post(f"/claims/{claim_id}/matches/99999", json={"confirmed": True}).status_code == 404
    for wrong in ("yes", 0, 1, None):
        assert (
            client.post(f"/claims/{claim_id}/matches/{other['id']}", json={"confirmed": wrong}).status_code
            == 422
        )


def test_a_verdict_recorded_here_is_matched_like_any_fact_check(client, post_article):
    post_article(text=SAID, url="https://a.example/1")
    claim_id = client.get("/claims").get_json()["items"][0]["id"]
    client.post(f"/claims/{claim_id}/reviews", json=VERDICT)
    found = client.post(
        "/match", json={"text": "Ann Lee: health insurance coverage is 90 percent in this state"}
    )
    assert found.get_json()["items"][0]["factcheck"]["source"] == "verdict"


@pytest.fixture
def shared_url(tmp_path):
    url = PG_URL or f"sqlite:///{tmp_path}/shared.db"
    reset_database(make_app(url))
    return url


def similarity(client, text: str, factcheck_id: int) -> float:
    """How close POST /match finds a fact-check to ``text`` (0 when it is not found)."""
    items = client.post("/match", json={"text": text, "limit": 100}).get_json()["items"]
    return next((i["similarity"] for i in items if i["factcheck"]["id"] == factcheck_id), 0.0)


def test_each_process_index_follows_the_change_log(shared_url):
    one, two = (keyed_client(make_app(shared_url), "admin") for _ in range(2))  # two workers
    assert two.post("/match", json={"text": "health insurance"}).get_json() == {"items": []}  # loaded
    index = two.application.extensions["factcheck_index"]
    made = one.post("/factchecks", json=claimreview()).get_json()
    coverage = similarity(two, "health insurance coverage of 90 percent", made["id"])
    jobs = similarity(two, "unemployment fell by two points", made["id"])
    assert coverage > jobs and made["id"] in index.index  # imported through the other worker
    one.post("/factchecks", json=claimreview(claimReviewed="Unemployment fell by two points.", headline=None))
    assert similarity(two, "health insurance coverage of 90 percent", made["id"]) < coverage  # updated
    assert similarity(two, "unemployment fell by two points", made["id"]) > jobs
    assert one.delete(f"/factchecks/{made['id']}").status_code == 204  # deleted
    assert two.post("/match", json={"text": "unemployment"}).get_json() == {"items": []}
    assert len(index) == 0


def test_a_worker_loads_its_index_before_serving(app, client, checked):
    index = app.extensions["factcheck_index"]
    assert index.cursor is None
    app.extensions["factcheck_warm_up"]()  # gunicorn.conf.py's post_worker_init
    assert len(index) == 1 and index.cursor is not None


def test_a_deleted_fact_check_takes_its_matches_along(client, post_article, checked):
    post_article(text=SAID)
    claim_id = client.get("/claims").get_json()["items"][0]["id"]
    assert client.get(f"/claims/{claim_id}").get_json()["matches"]
    assert client.delete(f"/factchecks/{checked['id']}").status_code == 204
    assert client.get(f"/claims/{claim_id}").get_json()["matches"] == []
    assert client.get(f"/factchecks/{checked['id']}").status_code == 404
    assert client.delete(f"/factchecks/{checked['id']}").status_code == 404


def test_an_unrelated_claim_raises_no_alert(client, post_article):
    """Similarity is absolute: the closest of unrelated fact-checks is not a match for being the closest."""
    for name, words in (("moon", "The moon landing was staged."), ("cats", "Cats can fly if they try.")):
        unrelated = claimreview(url=f"https://c.example/{name}", claimReviewed=words, headline=None)
        client.post("/factchecks", json=unrelated)  # (the helper's headline is about coverage)
    article = post_article(text=SAID)
    assert [a for a in article["alerts"] if a["factcheck"]] == []
    found = client.post("/match", json={"text": "We have 90 percent health insurance coverage in this state"})
    assert all(i["similarity"] < 0.5 for i in found.get_json()["items"])


def test_a_quote_given_to_another_speaker_has_its_new_claim_matched(client, post_article, checked):
    post_article(text=SAID, url="https://a.example/1")
    second = post_article(text=SAID, url="https://b.example/2")  # Ann's statement: 2 appearances
    fixed = client.patch(f"/quotes/{second['quotes'][0]['id']}", json={"speaker_name": "Bo Diaz"})
    assert fixed.status_code == 200
    bo = fixed.get_json()["speaker"]["id"]
    (claim,) = client.get("/claims", query_string={"speaker": bo}).get_json()["items"]
    matches = client.get(f"/claims/{claim['id']}").get_json()["matches"]
    assert [(m["factcheck"]["id"], m["same_speaker"]) for m in matches] == [(checked["id"], False)]
    article = client.get(f"/articles/{second['id']}").get_json()
    assert [a["claim"]["id"] for a in article["alerts"] if a["factcheck"]] == [claim["id"]]


def test_a_verdicts_fact_check_follows_its_claim_to_the_speaker_an_editor_gives_it(client, post_article):
    said = post_article(text=SAID, url="https://a.example/1")
    claim_id = client.get("/claims").get_json()["items"][0]["id"]
    client.post(f"/claims/{claim_id}/reviews", json=VERDICT)
    fixed = client.patch(f"/quotes/{said['quotes'][0]['id']}", json={"speaker_name": "Bo Diaz"}).get_json()
    bo = fixed["speaker"]["id"]
    assert client.get("/claims", query_string={"speaker": bo}).get_json()["items"][0]["id"] == claim_id
    again = "“Health insurance coverage in this state is 90 percent,” said Bo Diaz."
    (alert,) = [a for a in post_article(text=again, url="https://b.example/2")["alerts"] if a["factcheck"]]
    assert alert["factcheck"]["source"] == "verdict" and alert["factcheck"]["claimant"] == "Bo Diaz"
    assert alert["same_speaker"] is True
