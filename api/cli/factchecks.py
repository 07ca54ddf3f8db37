"""Fact-check import: ``flask --app api factchecks import FILE [--batch N]``.

FILE holds ClaimReview JSON-LD, as POST /factchecks takes it: one JSON document (an object,
an array, a ``@graph``, or a Google Fact Check Tools ``claims:search`` answer) or JSON lines
(one such document a line). Reviews are stored ``--batch`` at a time, one transaction each,
by url: running the import again updates what changed and duplicates nothing. Refused
reviews are reported with their line and place (exit status 1 if any).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

import click
from flask.cli import AppGroup

from ..db import close_connection, database, migrations, open_connection
from ..facts.factchecks import REFUSED, read, store

factcheck_commands = AppGroup("factchecks", help="Fact-checks: import ClaimReview JSON-LD from a file.")


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
