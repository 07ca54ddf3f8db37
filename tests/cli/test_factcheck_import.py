"""`flask --app api factchecks import FILE`: JSON-LD arrays, JSON lines, claims:search; by url."""

from __future__ import annotations

import json

import pytest

from ..apps import keyed_client, make_app
from ..facts.test_factchecks import claimreview
from .test_bulk import run, url  # noqa: F401 - the fixture

GOOGLE = {
    "claims": [
        {
            "text": "Jobs doubled in a year.",
            "claimant": "Bo Diaz",
            "claimReview": [
                {"publisher": {"name": "Checker"}, "url": "https://c.example/jobs", "textualRating": "False"}
            ],
        }
    ]
}


@pytest.fixture
def lines(tmp_path):
    path = tmp_path / "reviews.jsonl"
    rows = [
        claimreview(),
        "{not json",
        [claimreview(url="https://c.example/2"), {"@type": "ClaimReview"}],
        GOOGLE,
    ]
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return str(path)


def test_json_lines_are_imported_and_refusals_named(url, lines):  # noqa: F811
    result = run(url, "factchecks", "import", lines, "--batch", "2")
    assert result.exit_code == 1, result.output
    assert "created 3, updated 0, unchanged 0, refused 2" in result.output
    assert "line 2: not JSON" in result.output and "line 3 review 1: claimReviewed: Missing" in result.output
    again = run(url, "factchecks", "import", lines)
    assert "created 0, updated 0, unchanged 3, refused 2" in again.output


def test_one_json_array_is_one_document(url, tmp_path):  # noqa: F811
    path = tmp_path / "reviews.json"
    path.write_text(
        json.dumps([claimreview(url=f"https://c.example/{i}") for i in range(5)], indent=2), encoding="utf-8"
    )
    result = run(url, "factchecks", "import", str(path))
    assert result.exit_code == 0 and "created 5" in result.output, result.output
    exported = run(url, "export", "factchecks")
    assert [json.loads(line)["url"] for line in exported.output.splitlines()] == [
        f"https://c.example/{i}" for i in range(5)
    ]


def test_stored_claims_are_matched_against_fact_checks_imported_later(url, tmp_path):  # noqa: F811
    client = keyed_client(make_app(url), "admin")
    said = "“We have 90 percent health insurance coverage in this state,” said Ann Lee."
    client.post("/articles", json={"text": said})
    client.post("/factchecks", json=claimreview())
    (claim,) = client.get("/claims").get_json()["items"]
    assert client.get(f"/claims/{claim['id']}").get_json()["matches"] == []
    result = run(url, "factchecks", "match")
    assert result.exit_code == 0 and "claims 1, new matches 1, fact-checks 1" in result.output, result.output
    assert len(client.get(f"/claims/{claim['id']}").get_json()["matches"]) == 1
    assert "new matches 0" in run(url, "factchecks", "match").output


def test_bulk_ingest_matches_its_claims_against_fact_checks_already_imported(url, tmp_path):  # noqa: F811
    client = keyed_client(make_app(url), "admin")
    client.post("/factchecks", json=claimreview())
    archive = tmp_path / "archive.jsonl"
    said = "“We have 90 percent health insurance coverage in this state,” said Ann Lee."
    archive.write_text(json.dumps({"text": said, "url": "https://a.example/1"}) + "\n", encoding="utf-8")
    result = run(url, "ingest", str(archive))
    assert result.exit_code == 0, result.output
    assert "matched 1 new claims against the fact-checks: 1 new matches" in result.output
    (claim,) = client.get("/claims").get_json()["items"]
    assert len(client.get(f"/claims/{claim['id']}").get_json()["matches"]) == 1
