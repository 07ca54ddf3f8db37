"""Fact-checks: ``flask --app api factchecks import FILE [--batch N]`` and ``factchecks match``.

FILE holds ClaimReview JSON-LD, as POST /factchecks takes it: one JSON document (an object,
an array, a ``@graph``, or a Google Fact Check Tools ``claims:search`` answer) or JSON lines
(one such document a line). Reviews are stored ``--batch`` at a time, one transaction each,
by url: running the import again updates what changed and duplicates nothing. Refused
reviews are reported with their line and place (exit status 1 if any).

``factchecks match [--since DATE]`` matches stored claims against every fact-check, as POST
/articles does for its own: the claims of articles stored by ``flask ingest``, and older claims
against fact-checks imported after them. Pairs stored before keep their state (a rejected
match stays rejected).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import click
from flask import current_app
from flask.cli import AppGroup

from ..db import close_connection, database, migrations, open_connection
from ..facts.factchecks import REFUSED, read, store
from ..facts.matches import Thresholds, match_claims
from ..facts.matching import FactCheckIndex
from ..facts.models import Claim

factcheck_commands = AppGroup(
    "factchecks",
    help="Fact-checks: import ClaimReview JSON-LD from a file; match stored claims against them.",
)


def documents(handle):
    """(line number, document or None, error) for each document of a file: the whole file if it
    is one JSON value, else one per non-blank line."""
    text = handle.read()
    try:
        yield 1, json.loads(text), None
        return
    except ValueError:
        pass
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line), None
            except ValueError as exc:
                yield number, None, f"not JSON: {exc}"


def reviews(handle):
    """(where, fields or None, why not) for every review of the file, in order."""
    for number, document, error in documents(handle):
        if error:
            yield f"line {number}", None, error
            continue
        for index, (row, errors) in enumerate(read(document)):
            why = "; ".join(f"{k}: {' '.join(v)}" for k, v in sorted((errors or {}).items()))
            yield f"line {number} review {index}", row, why


@factcheck_commands.command("import")
@click.argument("path", type=click.File("r", encoding="utf-8"))
@click.option("--batch", default=1000, show_default=True, help="Reviews per transaction.")
def import_command(path, batch):
    """Import ClaimReview JSON-LD (arrays, @graph, claims:search, or JSON lines) by url."""
    tally, refusals, pending = Counter(), [], []
    open_connection()
    try:
        if migrations.version(database) < migrations.LATEST:
            raise click.ClickException("The schema is not current: run `flask --app api db upgrade`.")
        for where, row, why in reviews(path):
            if row is None:
                tally[REFUSED] += 1
                refusals.append(f"{where}: {why}")
                continue
            pending.append(row)
            if len(pending) >= batch:
                tally.update(status for status, _ in store(pending))
                pending = []
        if pending:
            tally.update(status for status, _ in store(pending))
    finally:
        close_connection()
    summary = ", ".join(f"{name} {tally[name]}" for name in ("created", "updated", "unchanged", REFUSED))
    click.echo(summary)
    for line in refusals:
        click.echo(line, err=True)
    if refusals:
        sys.exit(1)


@factcheck_commands.command("match")
@click.option("--since", type=click.DateTime(), default=None, help="Only claims made on or after this date.")
@click.option("--batch", default=500, show_default=True, help="Claims per transaction.")
def match_command(since, batch):
    """Match stored claims against every fact-check (new suggestions and alerts only)."""
    open_connection()
    try:
        seen, made, factchecks = match_stored(since=since, batch=batch)
    finally:
        close_connection()
    click.echo(f"claims {seen}, new matches {made}, fact-checks {factchecks}")


def match_stored(after: int = 0, since=None, batch: int = 500) -> tuple[int, int, int]:
    """Match the stored claims with ids above ``after`` (made on or after ``since``) against every
    fact-check, ``batch`` claims a transaction: (claims, new matches, fact-checks)."""
    config = current_app.config
    thresholds = Thresholds(
        config["MATCH_MIN_SIMILARITY"], config["MATCH_ALERT_THRESHOLD"], config["MATCH_LIMIT"]
    )
    index, last, made, seen = FactCheckIndex(), after, 0, 0
    while True:
        query = Claim.select(Claim.id).where(Claim.id > last).order_by(Claim.id).limit(batch)
        ids = [cid for (cid,) in (query.where(Claim.created_at >= since) if since else query).tuples()]
        if not ids:
            break
        made += match_claims(index, ids, thresholds)
        seen, last = seen + len(ids), ids[-1]
    return seen, made, len(index)
