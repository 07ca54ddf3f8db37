"""`flask --app api extract`: JSONL in, the eval kit's prediction format out, no database."""

import json

from click.testing import CliRunner
from flask.cli import FlaskGroup

from api import create_app

from ..payloads import AUSTIN


def test_extract_command_writes_predictions_without_a_database(tmp_path):
    infile, outfile = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    infile.write_text(
        json.dumps({"id": "a1", "text": AUSTIN})
        + "\n\n"
        + json.dumps({"id": "a2", "text": "No quotes here."})
        + "\n",
        encoding="utf-8",
    )
    database = tmp_path / "never.db"
    # The app built the way `flask --app api extract` builds it: no schema step for a command.
    flask = FlaskGroup(
        create_app=lambda: create_app({"DATABASE_URL": f"sqlite:///{database}"}), load_dotenv=False
    )
    result = CliRunner().invoke(flask, ["extract", str(infile), "-o", str(outfile)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in outfile.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2"]
    assert lines[1]["quotes"] == []
    quote = lines[0]["quotes"][0]
    assert {"start", "end", "speaker_start", "speaker_end", "speaker"} <= set(quote)
    assert AUSTIN[quote["speaker_start"] : quote["speaker_end"]] == "Lloyd Austin"
    assert quote["speaker"] == "Lloyd Austin"
    assert not database.exists()


def test_extract_command_reads_stdin_and_reports_bad_lines():
    app = create_app({"DATABASE_URL": "sqlite:///:memory:"})
    runner = app.test_cli_runner()
    ok = runner.invoke(args=["extract"], input=json.dumps({"id": 1, "text": AUSTIN}) + "\n")
    assert ok.exit_code == 0 and json.loads(ok.output)["id"] == 1
    bad = runner.invoke(args=["extract"], input='{"id": 2}\n')
    assert bad.exit_code != 0 and "line 1" in bad.output
