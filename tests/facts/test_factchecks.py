"""Fact-check import through the HTTP API: ClaimReview objects, arrays, @graph, claims:search."""

import pytest

from .test_claims import VERDICT


def claimreview(url="https://checker.example/2024/03/coverage", **overrides):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "headline": "No, the state does not have 90% coverage",
        "claimReviewed": "The state has 90 percent health insurance coverage.",
        "datePublished": "2024-03-08T10:00:00Z",
        "inLanguage": "en",
        "author": {"@type": "Organization", "name": "Checker Example", "url": "https://checker.example"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Mostly false",
        },
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": "2024-03-05",
            "author": {"@type": "Person", "name": "Ann Lee"},
        },
    }
    return {**review, **overrides}


def test_one_claimreview_is_stored_with_its_fields(client):
    response = client.post("/factchecks", json=claimreview())
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/factchecks/{body['id']}"
    assert body["claim_text"] == "The state has 90 percent health insurance coverage."
    assert (body["claimant"], body["claim_date"], body["review_date"]) == (
        "Ann Lee",
        "2024-03-05",
        "2024-03-08",
    )
    assert body["rating"] == {"label": "Mostly false", "value": 2.0, "best": 5.0, "worst": 1.0}
    assert body["reviewer"] == {"name": "Checker Example", "url": "https://checker.example"}
    assert (body["language"], body["source"], body["claim_id"]) == ("en", "import", None)
    assert client.get(f"/factchecks/{body['id']}").get_json() == body


def test_a_reimport_updates_and_never_duplicates(client):
    first = client.post("/factchecks", json=claimreview()).get_json()
    again = client.post("/factchecks", json=claimreview())
    assert again.status_code == 200 and again.get_json()["id"] == first["id"]
    changed = client.post("/factchecks", json=claimreview(headline="Coverage is 81%"))
    assert changed.status_code == 200 and changed.get_json()["title"] == "Coverage is 81%"
    assert client.get("/factchecks").get_json()["total"] == 1
    feed = client.get("/changes?entity=factcheck").get_json()["items"]
    assert [(c["id"], c["action"]) for c in feed] == [(first["id"], "created"), (first["id"], "updated")]


@pytest.mark.parametrize(
    "body, missing",
    [
        ({"@type": "ClaimReview"}, {"url", "claimReviewed"}),
        (claimreview(url="not a url"), {"url"}),
        (claimreview(claimReviewed="  ", itemReviewed={}), {"claimReviewed"}),
        ({"@type": "WebPage", "url": "https://x.example"}, {"@type"}),
        ("a string", {"_schema"}),
        ([], {"_schema"}),
    ],
)
def test_one_bad_review_is_a_422_naming_what_is_missing(client, body, missing):
    response = client.post("/factchecks", json=body)
    assert response.status_code == 422 and set(response.get_json()["errors"]) == missing


def test_a_batch_stores_the_good_and_reports_each(client):
    client.post("/factchecks", json=claimreview())
    batch = [
        claimreview(url="https://checker.example/jobs", claimReviewed="Jobs doubled."),
        claimreview(),
        {"@type": "ClaimReview"},
    ]
    response = client.post("/factchecks", json=batch)
    assert response.status_code == 207
    report = response.get_json()
    assert (report["stored"], report["refused"]) == (2, 1)
    assert [i["status"] for i in report["items"]] == ["created", "unchanged", "refused"]
    assert set(report["items"][2]["errors"]) == {"url", "claimReviewed"}
    assert client.get("/factchecks").get_json()["total"] == 2


def test_a_graph_reads_its_claimreviews_only(client):
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "WebPage", "url": "https://x.example"}, claimreview()],
    }
    response = client.post("/factchecks", json=graph)
    assert response.status_code == 207 and [i["status"] for i in response.get_json()["items"]] == ["created"]
    empty = client.post("/factchecks", json={"@graph": [{"@type": "WebPage"}]})
    assert empty.status_code == 422 and "@graph" in empty.get_json()["errors"]


def test_loose_publishers_are_read_leniently(client):
    loose = claimreview(
        author=[{"@type": "Organization", "name": "Checker Example"}],
        reviewRating={"ratingValue": "2", "bestRating": "5", "worstRating": "one", "name": "Mostly false"},
        datePublished="March 8",
        claimReviewed=None,
        itemReviewed={"@type": "Claim", "name": "Coverage is 90%", "author": "Ann Lee"},
    )
    body = client.post("/factchecks", json=loose).get_json()
    assert body["rating"] == {"label": "Mostly false", "value": 2.0, "best": 5.0, "worst": None}
    assert (body["claim_text"], body["claimant"], body["review_date"]) == ("Coverage is 90%", "Ann Lee", None)
    assert body["reviewer"] == {"name": "Checker Example", "url": None}


def test_the_claims_search_answer_is_read(client):
    answer = {
        "claims": [
            {
                "text": "The state has 90 percent coverage.",
                "claimant": "Ann Lee",
                "claimDate": "2024-03-05T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Checker", "site": "checker.example"},
                        "url": "https://checker.example/a",
                        "title": "No",
                        "reviewDate": "2024-03-08T00:00:00Z",
                        "textualRating": "False",
                        "languageCode": "en",
                    },
                    {
                        "publisher": {"site": "other.example"},
                        "url": "https://other.example/b",
                        "textualRating": "Wrong",
                    },
                ],
            },
            {"text": "No reviews."},
        ]
    }
    report = client.post("/factchecks", json=answer).get_json()
    assert [i["status"] for i in report["items"]] == ["created", "created", "refused"]
    first = client.get(f"/factchecks/{report['items'][0]['id']}").get_json()
    assert (first["claimant"], first["claim_date"], first["rating"]["label"]) == (
        "Ann Lee",
        "2024-03-05",
        "False",
    )
    assert first["reviewer"] == {"name": "Checker", "url": "https://checker.example"}
    second = client.get(f"/factchecks/{report['items'][1]['id']}").get_json()
    assert second["reviewer"]["name"] == "other.example"


def test_fact_checks_are_searched_and_filtered(client):
    client.post("/factchecks", json=claimreview())
    client.post(
        "/factchecks",
        json=claimreview(url="https://b.example/1", claimReviewed="Taxes doubled.", inLanguage="de"),
    )
    found = client.get("/factchecks?q=insurance").get_json()["items"]
    assert [f["url"] for f in found] == ["https://checker.example/2024/03/coverage"]
    assert [f["url"] for f in client.get("/factchecks?language=de").get_json()["items"]] == [
        "https://b.example/1"
    ]
    assert client.get("/factchecks?q=ann+lee").get_json()["total"] == 2
    assert client.get("/factchecks?source=verdict").get_json()["total"] == 0


def test_a_verdict_recorded_here_is_a_fact_check(client, post_article):
    post_article(text="“We have 90 percent health insurance coverage in this state,” said Ann Lee.")
    claim = client.get("/claims").get_json()["items"][0]
    client.post(f"/claims/{claim['id']}/reviews", json=VERDICT)
    (made,) = client.get("/factchecks?source=verdict").get_json()["items"]
    assert (made["claim_id"], made["url"], made["claimant"]) == (claim["id"], VERDICT["url"], "Ann Lee")
    assert made["rating"]["label"] == "False" and made["claim_text"] == claim["text"]


def test_a_missing_fact_check_is_404(client):
    assert client.get("/factchecks/99999").status_code == 404


def test_only_ingest_keys_import(anonymous):
    assert anonymous.post("/factchecks", json=claimreview()).status_code == 401
