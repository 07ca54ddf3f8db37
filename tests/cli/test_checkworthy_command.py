"""``flask --app api checkworthy``: one prediction line per input line."""

from __future__ import annotations

import json

from api import create_app

SENTENCES = [
    {"id": "a", "text": "We have 90 percent health insurance coverage."},
    {"id": "b", "text": "I love this country."},
    {"id": "c", "text": ""},
    {"id": 4, "text": "What are you going to do about it?"},
]


def run(args, stdin=None):
    app = create_app({"TESTING": True})
    return app.test_cli_runner().invoke(args=["checkworthy", *args], input=stdin)


def test_file_in_file_out(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(s) + "\n" for s in SENTENCES) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run([str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c", 4]
    for x in lines:
        assert {"id", "checkworthy", "score", "features"} <= set(x)
        assert isinstance(x["checkworthy"], bool)
        assert 0.0 <= x["score"] <= 1.0
    assert lines[0]["checkworthy"] is True and lines[1]["checkworthy"] is False
    assert lines[0]["features"] and all(len(f) == 2 for f in lines[0]["features"])


def test_stdin_to_stdout_and_threshold():
    stdin = "".join(json.dumps(s) + "\n" for s in SENTENCES[:2])
    result = run(["--threshold", "1"], stdin=stdin)
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 2 and not any(x["checkworthy"] for x in lines)


def test_bad_line_is_a_clear_error():
    result = run([], stdin='{"id": 1}\n')
    assert result.exit_code != 0
    assert "line 1" in result.output
