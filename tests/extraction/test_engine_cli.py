"""The extract command writes the evaluation kit's prediction format."""

from __future__ import annotations

import json

from click.testing import CliRunner

from api.cli import extract_command

ARTICLES = [
    {"id": "a1", "text": "“We will win,” said Lloyd Austin, the defense secretary. “Soon,” he added."},
    {"id": "a2", "text": "No quotes here."},
]


def test_extract_writes_one_prediction_line_per_article(tmp_path):
    infile = tmp_path / "in.jsonl"
    infile.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    outfile = tmp_path / "out.jsonl"
    result = CliRunner().invoke(extract_command, [str(infile), "-o", str(outfile)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in outfile.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2"]
    assert lines[1]["quotes"] == []
    first, second = lines[0]["quotes"]
    text = ARTICLES[0]["text"]
    for q in (first, second):
        assert {"start", "end", "speaker_start", "speaker_end", "speaker"} <= q.keys()
        assert 0 <= q["start"] < q["end"] <= len(text)
    assert text[first["speaker_start"] : first["speaker_end"]] == "Lloyd Austin"
    assert first["speaker"] == second["speaker"] == "Lloyd Austin"
    assert text[second["speaker_start"] : second["speaker_end"]] == "he"


def test_extract_takes_a_language_option_or_each_line_s_own(tmp_path):
    text = "„Wir prüfen das sehr genau und ohne Zeitdruck“, sagte ein Sprecher des Ministeriums."
    infile = tmp_path / "in.jsonl"
    infile.write_text(json.dumps({"id": "d1", "text": text, "language": "de"}) + "\n", encoding="utf-8")
    outputs = []
    for option in ([], ["--language", "de"], ["--language", "en"]):
        outfile = tmp_path / "out.jsonl"
        result = CliRunner().invoke(extract_command, [str(infile), "-o", str(outfile), *option])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(outfile.read_text(encoding="utf-8"))["quotes"])
    assert outputs[0] == outputs[1]
    assert text[outputs[0][0]["speaker_start"] : outputs[0][0]["speaker_end"]] == "ein Sprecher"
    assert outputs[2] != outputs[0]  # the English stages read it otherwise
