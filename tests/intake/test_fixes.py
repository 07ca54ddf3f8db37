"""Editors' fixes: PATCH /quotes/{id}, POST /speakers/{id}/merge, PATCH /speakers/{id} (same_as)."""

import pytest

from ..events.test_changes import drain
from ..facts.test_factchecks import claimreview

URL = "https://news.example/aid"
TEXT = (
    "Aid groups met in Geneva.\n\n"
    "“Inflation rose 9 percent in 2022 across the whole region,” said Ann Lee.\n\n"
    "“We need access to the north now,” said Bob Stone.\n\n"
    "“Nobody is safe here,” said Annie Lee.\n"
)
VERDICT = {
    "rating": {"label": "False", "value": 1, "best": 5, "worst": 1},
    "reviewer": {"name": "Checkers"},
    "url": "https://check.example/1",
    "date_published": "2024-03-06",
}


@pytest.fixture
def article(post_article):
    return post_article(text=TEXT, url=URL)


def quote_of(article: dict, start: str) -> dict:
    return next(q for q in article["quotes"] if q["text"].startswith(start))


def speaker(client, speaker_id: int) -> dict:
    return client.get(f"/speakers/{speaker_id}").get_json()


def test_a_quote_moves_to_another_speaker_with_its_claims_and_verdicts(client, article):
    inflation, access = quote_of(article, "Inflation"), quote_of(article, "We need")
    ann, bob = inflation["speaker"]["id"], access["speaker"]["id"]
    claim = client.get("/claims", query_string={"speaker": ann}).get_json()["items"][0]
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    _, cursor = drain(client)
    response = client.patch(f"/quotes/{inflation['id']}", json={"speaker_id": bob})
    assert response.status_code == 200
    fixed = response.get_json()
    assert (fixed["speaker"]["id"], fixed["fixed_by"], fixed["not_a_quote"]) == (bob, "tester", False)
    assert fixed["fixed_at"] and fixed["statement_id"] != inflation["statement_id"]
    assert client.get(f"/quotes/{inflation['id']}").get_json()["speaker"]["id"] == bob
    moved = client.get(f"/claims/{claim['id']}").get_json()
    assert moved["statement"]["id"] == fixed["statement_id"] and len(moved["reviews"]) == 1
    assert client.get(f"/statements/{inflation['statement_id']}").status_code == 404  # never Ann's words
    ann_now, bob_now = speaker(client, ann), speaker(client, bob)
    assert (ann_now["quote_count"], ann_now["claim_count"], ann_now["verdicts"]) == (0, 0, {})
    assert (bob_now["quote_count"], bob_now["claim_count"], bob_now["verdicts"]) == (2, 1, {"False": 1})
    changes, _ = drain(client, cursor)
    assert ("quote", inflation["id"], "updated") in [(c["entity"], c["id"], c["action"]) for c in changes]


def test_a_quote_given_to_a_new_name_creates_that_speaker(client, article):
    access = quote_of(article, "We need")
    _, cursor = drain(client)
    fixed = client.patch(f"/quotes/{access['id']}", json={"speaker_name": "Carla Diaz"}).get_json()
    assert fixed["speaker"]["name"] == "Carla Diaz"
    created = [c for c in drain(client, cursor)[0] if (c["entity"], c["action"]) == ("speaker", "created")]
    assert [c["id"] for c in created] == [fixed["speaker"]["id"]]
    again = client.patch(f"/quotes/{access['id']}", json={"speaker_name": "carla  DIAZ"}).get_json()
    assert again["speaker"]["id"] == fixed["speaker"]["id"]  # the same person, found by name


def test_not_a_quote_removes_it_and_its_counts(client, article):
    safe = quote_of(article, "Nobody")
    _, cursor = drain(client)
    response = client.patch(f"/quotes/{safe['id']}", json={"not_a_quote": True})
    assert response.status_code == 200 and response.get_json()["not_a_quote"] is True
    assert client.get(f"/quotes/{safe['id']}").status_code == 404
    assert client.get(f"/statements/{safe['statement_id']}").status_code == 404  # no quote, no claim: gone
    assert speaker(client, safe["speaker"]["id"])["quote_count"] == 0
    assert client.get(f"/articles/{article['id']}").get_json()["quote_count"] == 2
    changes = [(c["entity"], c["id"], c["action"]) for c in drain(client, cursor)[0]]
    assert ("quote", safe["id"], "deleted") in changes and (
        "statement",
        safe["statement_id"],
        "deleted",
    ) in changes
    assert ("statement", safe["statement_id"], "updated") not in changes


def test_fixes_survive_re_extraction_of_a_corrected_text(client, article):
    inflation, access, safe = (quote_of(article, s) for s in ("Inflation", "We need", "Nobody"))
    bob = access["speaker"]["id"]
    client.patch(f"/quotes/{inflation['id']}", json={"speaker_id": bob})
    client.patch(f"/quotes/{safe['id']}", json={"not_a_quote": True})
    corrected = TEXT.replace(
        "Aid groups met in Geneva.", "Aid groups met in Geneva on Monday, officials said."
    )
    revised = client.post("/articles", json={"text": corrected, "url": URL}).get_json()
    assert revised["revision"] == 2
    assert [q["text"][:7] for q in revised["quotes"]] == ["Inflati", "We need"]  # still not a quote
    kept = quote_of(revised, "Inflation")
    assert (kept["id"], kept["speaker"]["id"], kept["fixed_by"]) == (inflation["id"], bob, "tester")
    new_text = corrected.replace("9 percent", "8 percent")
    rewritten = client.put(f"/articles/{article['id']}", json={"text": new_text}).get_json()
    assert quote_of(rewritten, "Inflation")["speaker"]["id"] != bob  # new words: the engine decides again


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"speaker_id": 1, "not_a_quote": True},
        {"not_a_quote": False},
        {"not_a_quote": 1},
        {"speaker_name": " "},
    ],
)
def test_a_fix_is_exactly_one_decision(client, article, body):
    assert client.patch(f"/quotes/{article['quotes'][0]['id']}", json=body).status_code == 422


def test_a_fix_names_a_speaker_that_exists(client, article):
    quote = article["quotes"][0]
    response = client.patch(f"/quotes/{quote['id']}", json={"speaker_id": 999})
    assert response.status_code == 404 and response.get_json()["detail"] == "No speaker with id 999."
    assert client.patch("/quotes/999", json={"not_a_quote": True}).status_code == 404


def test_merge_folds_one_speaker_into_another(client, post_article, article):
    ann, annie = quote_of(article, "Inflation")["speaker"], quote_of(article, "Nobody")["speaker"]
    same = "“Nobody is safe here,” said Ann Lee."
    post_article(text=same, url="https://news.example/same")  # Ann's statement of Annie's words
    claim = client.get("/claims", query_string={"speaker": ann["id"]}).get_json()["items"][0]
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    _, cursor = drain(client)
    response = client.post(f"/speakers/{ann['id']}/merge", json={"into": annie["id"]})
    assert response.status_code == 200
    survivor = response.get_json()
    assert survivor["id"] == annie["id"] and {"Ann Lee", "Annie Lee"} <= set(survivor["aliases"])
    assert (survivor["quote_count"], survivor["article_count"], survivor["claim_count"]) == (3, 2, 1)
    assert survivor["verdicts"] == {"False": 1}
    statements = client.get("/statements", query_string={"speaker": annie["id"]}).get_json()["items"]
    assert sorted(s["appearance_count"] for s in statements) == [1, 2]  # the same words: one statement
    assert client.get(f"/claims/{claim['id']}").get_json()["statement"]["id"] in {s["id"] for s in statements}
    by_speaker = {c["id"] for c in client.get(f"/claims?speaker={annie['id']}").get_json()["items"]}
    assert claim["id"] in by_speaker  # the claim's own speaker column followed the merge
    assert client.get(f"/claims?speaker={ann['id']}").get_json()["items"] == []
    old = client.get(f"/speakers/{ann['id']}")
    assert old.status_code == 308 and old.headers["Location"] == f"/speakers/{annie['id']}"
    page = client.get(f"/speakers/{ann['id']}/quotes?limit=5")
    assert page.status_code == 308 and page.headers["Location"].startswith(f"/speakers/{annie['id']}/quotes?")
    changes = [(c["entity"], c["id"], c["action"]) for c in drain(client, cursor)[0]]
    assert ("speaker", ann["id"], "merged") in changes and ("speaker", annie["id"], "updated") in changes
    later = post_article(
        text="“Prices will fall next spring,” said Ann Lee.", url="https://news.example/later"
    )
    assert later["speakers"][0]["id"] == annie["id"]  # the old name finds the survivor


def test_merge_refuses_itself_and_unknown_speakers(client, article):
    ann = article["quotes"][0]["speaker"]["id"]
    assert client.post(f"/speakers/{ann}/merge", json={"into": ann}).status_code == 409
    assert client.post(f"/speakers/{ann}/merge", json={"into": 999}).status_code == 404
    assert client.post("/speakers/999/merge", json={"into": ann}).status_code == 404


def test_same_as_is_set_by_patch_and_exported_in_claimreview(client, article):
    inflation = quote_of(article, "Inflation")
    ann = inflation["speaker"]["id"]
    claim = client.get("/claims", query_string={"speaker": ann}).get_json()["items"][0]
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    before = speaker(client, ann)
    _, cursor = drain(client)
    wikidata = "https://www.wikidata.org/wiki/Q42"
    response = client.patch(f"/speakers/{ann}", json={"same_as": [wikidata, wikidata]})
    assert response.status_code == 200
    assert (
        response.get_json()["same_as"] == [wikidata]
        and response.get_json()["updated_at"] >= before["updated_at"]
    )
    exported = client.get(f"/claims/{claim['id']}/claimreview").get_json()
    documents = exported if isinstance(exported, list) else exported.get("items", [exported])
    assert documents[0]["itemReviewed"]["author"]["sameAs"] == [wikidata]
    assert [(c["entity"], c["action"]) for c in drain(client, cursor)[0]] == [("speaker", "updated")]
    assert client.patch(f"/speakers/{ann}", json={"same_as": ["not a url"]}).status_code == 422
    assert client.patch(f"/speakers/{ann}", json={"same_as": []}).get_json()["same_as"] == []


def test_a_merge_joins_twin_claims_and_keeps_every_verdict(client, post_article):
    words = "Inflation rose 9 percent in 2022 across the whole region"
    one = post_article(text=f"“{words},” said Ann Lee.", url="https://one.example/1")
    two = post_article(text=f"“{words},” said Annie Lee.", url="https://two.example/1")
    ann, annie = one["speakers"][0]["id"], two["speakers"][0]["id"]
    for speaker_id in (ann, annie):
        claim = client.get("/claims", query_string={"speaker": speaker_id}).get_json()["items"][0]
        assert client.post(f"/claims/{claim['id']}/reviews", json=VERDICT).status_code == 201
    survivor = client.post(f"/speakers/{ann}/merge", json={"into": annie}).get_json()
    assert (survivor["quote_count"], survivor["claim_count"], survivor["verdicts"]) == (2, 1, {"False": 2})
    claims = client.get("/claims", query_string={"speaker": annie}).get_json()["items"]
    assert len(claims) == 1 and claims[0]["statement"]["appearance_count"] == 2
    assert len(client.get(f"/claims/{claims[0]['id']}").get_json()["reviews"]) == 2
    assert client.get("/claims").get_json()["total"] == 1


def test_a_merge_keeps_the_match_decisions_of_a_twin_claim_that_goes(client, post_article):
    words = "Inflation rose 9 percent in 2022 across the whole region"
    one = post_article(text=f"“{words},” said Ann Lee.", url="https://one.example/1")
    two = post_article(text=f"“{words},” said Annie Lee.", url="https://two.example/1")
    ann, annie = one["speakers"][0]["id"], two["speakers"][0]["id"]
    checks = [
        client.post("/factchecks", json=claimreview(url=f"https://c.example/{n}", claimReviewed=t)).get_json()
        for n, t in enumerate(["Cats can fly.", "Dogs can sing."])
    ]
    gone = client.get("/claims", query_string={"speaker": ann}).get_json()["items"][0]["id"]
    kept = client.get("/claims", query_string={"speaker": annie}).get_json()["items"][0]["id"]
    for claim_id, check, confirmed in [(gone, 0, True), (gone, 1, False), (kept, 1, True)]:
        path = f"/claims/{claim_id}/matches/{checks[check]['id']}"
        assert client.post(path, json={"confirmed": confirmed}).status_code == 200
    client.post(f"/speakers/{ann}/merge", json={"into": annie})
    matches = client.get(f"/claims/{kept}").get_json()["matches"]
    assert sorted((m["factcheck"]["id"], m["status"]) for m in matches) == [
        (checks[0]["id"], "confirmed"),
        (checks[1]["id"], "confirmed"),
    ]
