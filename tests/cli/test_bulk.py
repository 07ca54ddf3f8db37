"""`flask --app api ingest` (worker processes, batches, resume, shards, line-numbered failures)
and `flask --app api export` (JSONL and CSV, streamed), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from flask.cli import FlaskGroup

from api import create_app

from ..apps import PG_URL, make_app, reset_database

SAID = [
    ("Ann Lee", "We have 90 percent health insurance coverage in this state"),
    ("Bo Diaz", "The bridge will open in the spring of next year"),
    ("Ann Lee", "Unemployment fell by two points since last March"),
    ("Cy Young", "Our schools were ranked first in the region last year"),
    ("Ann Lee", "We have 90 percent health insurance coverage"),
]


def article(i: int, who: str, words: str) -> dict:
    return {
        "url": f"https://bulk.example/{i}",
        "publisher": "Bulk News",
        "published_at": f"2024-02-{10 + i:02d}",
        "text": f"“{words},” said {who}. “It is a disaster,” a senior official said.",
    }


@pytest.fixture
def url(tmp_path):
    url = PG_URL or f"sqlite:///{tmp_path}/bulk.db"
    reset_database(make_app(url))
    return url


@pytest.fixture
def archive(tmp_path):
    lines = [json.dumps(article(i, who, words)) for i, (who, words) in enumerate(SAID)]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"text": "   "}))
    lines.append(json.dumps(article(0, *SAID[0])))  # the same url again
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(url: str, *args: str):
    flask = FlaskGroup(create_app=lambda: create_app({"DATABASE_URL": url}), load_dotenv=False)
    return CliRunner().invoke(flask, list(args))


def test_ingest_stores_skips_and_names_failed_lines(url, archive):
    result = run(url, "ingest", archive, "--workers", "2", "--batch", "2")
    assert result.exit_code == 1, result.output
    assert "stored 5, already stored 1, failed 2" in result.output
    assert "line 3: not JSON" in result.output and "line 5: text: Must not be empty" in result.output
    client = make_app(url).test_client()
    assert client.get("/articles").get_json()["total"] == 5
    lee = client.get("/speakers?q=ann lee").get_json()["items"][0]
    assert lee["quote_count"] == 3 and lee["article_count"] == 3
    again = run(url, "ingest", archive, "--workers", "0")
    assert "stored 0, already stored 6, failed 2" in again.output


def test_shards_split_one_archive_between_runs(url, archive):
    first = run(url, "ingest", archive, "--shard", "1/2", "--workers", "0")  # lines 1, 3, 5, 7
    assert "stored 2, already stored 0, failed 2" in first.output
    second = run(url, "ingest", archive, "--shard", "2/2", "--workers", "0")  # lines 2, 4, 6, 8
    assert "stored 3, already stored 1, failed 0" in second.output and second.exit_code == 0
    assert make_app(url).test_client().get("/articles").get_json()["total"] == 5
    assert run(url, "ingest", archive, "--shard", "3/2").exit_code == 2


def test_export_streams_what_the_lists_show(url, archive):
    run(url, "ingest", archive, "--workers", "0")
    client = make_app(url).test_client()
    listed = client.get("/quotes?limit=100").get_json()["items"]
    exported = [json.loads(line) for line in run(url, "export", "quotes").output.splitlines()]
    assert sorted(exported, key=lambda q: q["id"]) == sorted(listed, key=lambda q: q["id"])
    rows = list(csv.DictReader(io.StringIO(run(url, "export", "quotes", "--format", "csv").output)))
    assert len(rows) == len(listed) and {r["speaker_name"] for r in rows} >= {"Ann Lee", "Bo Diaz"}
    since = run(url, "export", "statements", "--since", "2024-02-13").output.splitlines()
    # Ann Lee's partial quote of 2024-02-14 joined her statement first seen on 2024-02-10.
    assert [json.loads(line)["speaker"]["name"] for line in since] == ["Cy Young"]
    claims = [json.loads(line) for line in run(url, "export", "claims").output.splitlines()]
    assert len(claims) == client.get("/claims").get_json()["total"] > 0
    assert run(url, "export", "claims", "--since", "yesterday").exit_code == 2
