"""The engines' commands, which touch no database: ``flask --app api extract IN.jsonl -o OUT.jsonl``
and ``flask --app api checkworthy IN.jsonl -o OUT.jsonl``, in the evaluation kit's formats."""

from __future__ import annotations

import contextlib
import json
import sys

import click

from .. import checkworthy
from ..extraction import extract as run_engine


def quote_prediction(q) -> dict:
    """One quote in the eval kit's prediction format (plus extra keys)."""
    return {
        "start": q.start,
        "end": q.end,
        "speaker_start": q.mention.start if q.mention else None,
        "speaker_end": q.mention.end if q.mention else None,
        "speaker": q.speaker.name if q.speaker else None,
        "title": q.speaker.title if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "cue": q.cue.text if q.cue else None,
        "kind": q.kind,
        "confidence": q.confidence,
        "text": q.text,
    }


def _records(infile, label: str):
    """(id, text, language) of each JSONL line, with a progress bar on stderr for big inputs.

    Blank lines are skipped; a line that is not {"id", "text": str} stops with its number.
    """
    lines = infile.readlines()
    bar = click.progressbar(lines, label=label, file=sys.stderr) if len(lines) >= 50 else None
    with bar or contextlib.nullcontext(lines) as items:
        for n, line in enumerate(items, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text = doc["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise click.ClickException(
                    f'line {n}: expected a JSON object with "id" and "text" ({exc})'
                ) from exc
            if not isinstance(text, str):
                raise click.ClickException(f'line {n}: "text" must be a string')
            yield doc.get("id"), text, doc.get("language")


def jsonl_in_out(command):
    """The arguments of an engine command: a JSONL file in (default stdin), ``-o`` a file out."""
    command = click.option(
        "-o",
        "--output",
        type=click.File("w", encoding="utf-8"),
        default="-",
        help="Where to write predictions (default: stdout).",
    )(command)
    return click.argument("infile", type=click.File("r", encoding="utf-8"), default="-")(command)


@click.command("extract")
@jsonl_in_out
@click.option(
    "--language",
    default=None,
    help='Language of every article ("en", "de"); default: a line\'s "language", else detected.',
)
def extract_command(infile, output, language):
    """Extract quotes from JSONL articles ({"id","text"} per line); no database."""
    for doc_id, text, own_language in _records(infile, "extracting"):
        quotes = [quote_prediction(q) for q in run_engine(text, language or own_language)]
        output.write(json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")


@click.command("checkworthy")
@jsonl_in_out
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Decision threshold on the score (default: the one chosen in CV).",
)
def checkworthy_command(infile, output, threshold):
    """Score JSONL sentences ({"id","text"} per line) for check-worthiness; no database.

    Writes {"id", "checkworthy", "score", "features"} per input line, the
    prediction format of the eval kit's score_claims.py.
    """
    for doc_id, text, _ in _records(infile, "scoring"):
        result = checkworthy.score(text)
        output.write(
            json.dumps(
                {
                    "id": doc_id,
                    "checkworthy": checkworthy.is_checkworthy(result.score, threshold),
                    "score": round(result.score, 6),
                    "features": [[name, weight] for name, weight in result.features],
                },
                ensure_ascii=False,
            )
            + "\n"
        )
