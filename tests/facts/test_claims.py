"""Claims through the HTTP API: scoring, checkers' claims, status, verdicts, ClaimReview, alerts."""

import pytest

from ..schemaorg import problems

CLAIM = "We have 90 percent health insurance coverage in this state."
OPINION = "I love this country and I thank you all"
SPEECH = f"The governor spoke on Monday.\n\n“{CLAIM} {OPINION},” said Lloyd Austin.\n"
VERDICT = {
    "rating": {"label": "False", "value": 1, "best": 5, "worst": 1},
    "reviewer": {"name": "FactCheck Example", "url": "https://factcheck.example"},
    "url": "https://factcheck.example/2024/coverage",
    "date_published": "2024-03-07",
    "summary": "Coverage is 81 percent.",
}


@pytest.fixture
def speech(post_article):
    return post_article(text=SPEECH, url="https://a.example/speech", published_at="2024-03-05")


@pytest.fixture
def claim(client, speech):
    items = client.get("/claims").get_json()["items"]
    assert [c["text"] for c in items] == [CLAIM]
    return items[0]


def test_checkworthy_sentence_becomes_a_claim_with_reasons(client, speech, claim):
    assert claim["status"] == "unreviewed" and claim["origin"] == "scorer"
    assert claim["speaker"]["name"] == "Lloyd Austin"
    assert claim["statement"]["first_seen_at"] == "2024-03-05T00:00:00Z"
    assert claim["statement"]["appearance_count"] == 1
    detail = client.get(f"/claims/{claim['id']}").get_json()
    assert detail["features"] and all(isinstance(f["weight"], float) for f in detail["features"])
    assert [a["article"]["id"] for a in detail["appearances"]] == [speech["id"]]
    assert detail["reviews"] == [] and detail["verdict"] is None


def test_checker_makes_a_claim_the_scorer_passed_over(client, speech, claim):
    quote = speech["quotes"][0]
    made = client.post("/claims", json={"quote": quote["id"], "text": OPINION})
    assert made.status_code == 201 and made.headers["Location"] == f"/claims/{made.get_json()['id']}"
    assert made.get_json()["origin"] == "checker" and made.get_json()["text"] == OPINION
    again = client.post("/claims", json={"quote": quote["id"], "text": OPINION.upper()})
    assert again.status_code == 200 and again.get_json()["id"] == made.get_json()["id"]
    whole = client.post("/claims", json={"quote": quote["id"]})
    assert whole.status_code == 201 and whole.get_json()["text"] == quote["text"].strip().rstrip(",")


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "quote"),
        ({"quote": "x"}, "quote"),
        ({"quote": "1"}, "quote"),
        ({"quote": 2**63}, "quote"),
        ({"quote": 1, "bogus": 2}, "bogus"),
    ],
)
def test_bad_claim_requests_are_422(client, speech, body, field):
    response = client.post("/claims", json=body)
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_a_claim_of_a_missing_quote_is_404(client, speech):
    response = client.post("/claims", json={"quote": 999999})
    assert response.status_code == 404 and "No quote with id 999999" in response.get_json()["detail"]


def test_claim_text_must_come_from_the_quote(client, speech):
    response = client.post("/claims", json={"quote": speech["quotes"][0]["id"], "text": "Taxes doubled."})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"text": ["Must be words of the quote."]}


def test_status_and_assignee(client, claim):
    url = f"/claims/{claim['id']}"
    body = client.patch(url, json={"status": "in_review", "assignee": "dana"}).get_json()
    assert (body["status"], body["assignee"]) == ("in_review", "dana")
    assert client.get("/claims?status=in_review").get_json()["total"] == 1
    assert client.patch(url, json={"status": "dismissed"}).get_json()["status"] == "dismissed"


def test_a_claim_becomes_reviewed_only_with_a_verdict(client, claim):
    refused = client.patch(f"/claims/{claim['id']}", json={"status": "reviewed"})
    assert refused.status_code == 409


@pytest.mark.parametrize("patch", [{"status": "done"}, {}])
def test_bad_patches_are_422(client, claim, patch):
    assert client.patch(f"/claims/{claim['id']}", json=patch).status_code == 422


def test_patching_an_unknown_claim_is_404(client, claim):
    assert client.patch("/claims/424242", json={"status": "dismissed"}).status_code == 404


def test_recording_a_verdict(client, claim):
    response = client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    assert response.status_code == 201
    review = response.get_json()
    assert review["rating"] == {"label": "False", "value": 1.0, "best": 5.0, "worst": 1.0}
    assert review["reviewer"] == VERDICT["reviewer"] and review["claim_id"] == claim["id"]
    detail = client.get(f"/claims/{claim['id']}").get_json()
    assert detail["status"] == "reviewed" and detail["verdict"] == "False"
    assert [r["id"] for r in detail["reviews"]] == [review["id"]]
    assert client.post("/claims/424242/reviews", json=VERDICT).status_code == 404


@pytest.mark.parametrize(
    "change, field",
    [
        ({"rating": {"label": "False", "value": 9, "best": 5, "worst": 1}}, "rating"),
        ({"rating": {"label": "False", "value": 1, "best": 1, "worst": 1}}, "rating"),
        ({"url": "not a url"}, "url"),
        ({"date_published": "07/03/2024"}, "date_published"),
        ({"reviewer": {}}, "reviewer"),
    ],
)
def test_bad_verdicts_are_422_and_change_nothing(client, claim, change, field):
    response = client.post(f"/claims/{claim['id']}/reviews", json={**VERDICT, **change})
    assert response.status_code == 422 and field in response.get_json()["errors"]
    assert client.get(f"/claims/{claim['id']}").get_json()["status"] == "unreviewed"


def test_claimreview_is_valid_schema_org(client, post_article, claim):
    post_article(text=SPEECH, url="https://b.example/earlier", published_at="2024-03-01", title="Earlier")
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    response = client.get(f"/claims/{claim['id']}/claimreview")
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
    [doc] = response.get_json()
    assert problems(doc) == []
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert len(doc["claimReviewed"]) <= 75 and doc["url"] == VERDICT["url"]
    assert doc["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    }
    item = doc["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Lloyd Austin"}
    assert item["datePublished"] == "2024-03-01"
    assert [w["url"] for w in item["appearance"]] == ["https://b.example/earlier", "https://a.example/speech"]
    assert item["firstAppearance"]["url"] == "https://b.example/earlier"


def test_claimreview_vocabulary_check_catches_mistakes():
    assert problems({"@type": "ClaimReview", "rating": 1})
    assert problems({"@type": "ClaimReview", "reviewRating": {"@type": "Person", "name": "x"}})
    assert problems({"@type": "Rating", "ratingValue": [1, {"@type": "Thing"}]})


def test_alert_when_a_new_article_repeats_a_checked_claim(client, post_article, claim):
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    same = post_article(text=f"“{CLAIM}” said Lloyd Austin again.", url="https://c.example/again")
    [alert] = same["alerts"]
    assert alert["claim"]["id"] == claim["id"] and alert["same_speaker"] is True
    assert alert["reviews"][0]["rating"]["label"] == "False"
    assert alert["quote_id"] == same["quotes"][0]["id"]
    other = post_article(text=f"“{CLAIM}” said Maria Gomez.", url="https://d.example/gomez")
    assert [(a["claim"]["id"], a["same_speaker"]) for a in other["alerts"]] == [(claim["id"], False)]
    gomez_claim = client.get(f"/claims?speaker={other['speakers'][0]['id']}").get_json()["items"][0]
    related = client.get(f"/claims/{gomez_claim['id']}").get_json()["related_verdicts"]
    assert [(r["claim"]["id"], r["rating"]["label"]) for r in related] == [(claim["id"], "False")]
    assert client.get(f"/articles/{other['id']}").get_json()["alerts"] == other["alerts"]


def test_no_alert_without_a_verdict(post_article, claim):
    assert post_article(text=f"“{CLAIM}” said Lloyd Austin.", url="https://e.example/x")["alerts"] == []


OHIO = "Unemployment fell to 3 percent last year in Ohio"


@pytest.fixture
def two_claims(client, post_article, claim):
    """CLAIM by Lloyd Austin (2024, with a verdict) and OHIO by José Núñez (2023, none); Núñez's id."""
    other = post_article(
        text=f"“{OHIO},” said José Núñez.", url="https://f.example/ohio", published_at="2023-01-01"
    )
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    return other["speakers"][0]["id"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("has_verdict=true", [CLAIM]),
        ("has_verdict=false", [OHIO]),
        ("speaker={nunez}", [OHIO]),
        ("q=insurance", [CLAIM]),
        ("q=insur", [CLAIM]),
        ("q=OHIO unemploy", [OHIO]),
        ("q=%22%29*", []),
        ("until=2023-06-01", [OHIO]),
        ("since=2024-01-01", [CLAIM]),
        ("status=reviewed", [CLAIM]),
        ("min_score=1", []),
    ],
)
def test_claim_filters(client, two_claims, query, expected):
    items = client.get("/claims?" + query.format(nunez=two_claims)).get_json()["items"]
    assert [c["text"] for c in items] == expected


def test_claim_filter_bounds(client, two_claims):
    assert len(client.get("/claims?min_score=0").get_json()["items"]) == 2
    assert client.get("/claims?min_score=2").status_code == 422
    assert client.get("/claims?status=maybe").status_code == 422


def test_speaker_counts_claims_and_verdicts(client, speech, claim):
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    speaker = client.get(f"/speakers/{speech['speakers'][0]['id']}").get_json()
    assert speaker["claim_count"] == 1 and speaker["verdicts"] == {"False": 1}
    # lists read the tallies with their page (on PostgreSQL a column of its query): the same as the detail
    for url in ("/speakers", f"/speakers?q={speaker['name'].split()[-1]}"):
        items = client.get(url).get_json()["items"]
        assert {s["id"]: s["verdicts"] for s in items}[speaker["id"]] == {"False": 1}
        assert all(s["verdicts"] == {} for s in items if s["id"] != speaker["id"])
