"""``flask --app api match CLAIMS QUERIES -o OUT``: the eval kit's prediction format."""

from __future__ import annotations

import json

from api import create_app

CLAIMS = [
    {"id": "c1", "text": "Coverage in this state is at 90 percent.", "title": "Health insurance"},
    {"id": "c2", "text": "The moon landing was staged.", "title": "Moon landing hoax"},
    {"id": 7, "text": "Bleach cures the coronavirus."},
]
QUERIES = [
    {"id": "q1", "text": "We have 90 percent health insurance coverage"},
    {"id": 2, "text": "moon landing hoax exposed"},
    {"id": "q3", "text": "nothing in common here"},
]


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n", encoding="utf-8")
    return str(path)


def run(args):
    return create_app({"TESTING": True}).test_cli_runner().invoke(args=["match", *args])


def test_ranks_claims_for_each_query(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run([write(tmp_path / "c.jsonl", CLAIMS), write(tmp_path / "q.jsonl", QUERIES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["q1", 2, "q3"]
    assert lines[0]["matches"][0]["id"] == "c1" and lines[1]["matches"][0]["id"] == "c2"
    assert all(m["score"] < 0.05 for m in lines[2]["matches"])
    assert all(0 <= m["score"] <= 1 for x in lines for m in x["matches"])


def test_a_bad_line_is_named(tmp_path):
    claims = tmp_path / "c.jsonl"
    claims.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\n', encoding="utf-8")
    result = run([str(claims), write(tmp_path / "q.jsonl", QUERIES)])
    assert result.exit_code != 0 and "claims line 2" in result.output
