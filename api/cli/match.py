"""``flask --app api match CLAIMS.jsonl QUERIES.jsonl -o OUT.jsonl``: rank fact-checked claims
for each query with the service's matching engine, in the eval kit's prediction format
(``../shared/eval/score_matches.py``); no database."""

from __future__ import annotations

import json

import click

from ..matching import Index


def _lines(infile, what: str):
    """The JSON objects of a JSONL file; blank lines skipped, a bad line stops with its number."""
    for n, line in enumerate(infile, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as exc:
            raise click.ClickException(f"{what} line {n}: not JSON ({exc})") from exc
        if not isinstance(doc, dict) or "id" not in doc or not isinstance(doc.get("text"), str):
            raise click.ClickException(f'{what} line {n}: expected a JSON object with "id" and "text"')
        yield doc


@click.command("match")
@click.argument("claims", type=click.File("r", encoding="utf-8"))
@click.argument("queries", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Default: stdout.")
@click.option("-k", "--top", type=click.IntRange(1, 1000), default=100, help="Matches per query (max 1,000).")
def match_command(claims, queries, output, top):
    """Rank CLAIMS ({"id","text","title"} per line) for each of QUERIES ({"id","text"} per line).

    Writes {"id", "matches": [{"id", "score"}, ...]} per query, best first.
    """
    index = Index()
    ids = []  # claim ids as given (strings or numbers); the index keys are their positions
    for doc in _lines(claims, "claims"):
        index.add(len(ids), doc["text"], doc.get("title") or "")
        ids.append(doc["id"])
    click.echo(f"{len(index)} claims indexed", err=True)
    for doc in _lines(queries, "queries"):
        found = index.search(doc["text"], top)
        matches = [{"id": ids[key], "score": round(score, 6)} for key, score in found]
        output.write(json.dumps({"id": doc["id"], "matches": matches}, ensure_ascii=False) + "\n")
