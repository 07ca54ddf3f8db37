"""Export: ``flask --app api export quotes|claims|statements|factchecks [--format jsonl|csv]``
(``[--since DATE] [-o FILE]``).

Streams every stored record of a kind, the same objects the API lists (one JSON object a
line, or CSV with nested objects flattened to ``speaker_name`` and the like), in id order,
read in keyset batches: memory stays flat however big the archive. ``--since`` keeps the
records the lists' ``since`` keeps (quotes by their article's date, statements by first seen,
claims by their statement's first seen, fact-checks by when they were stored).
"""

from __future__ import annotations

import csv
import json

import click
from flask.cli import with_appcontext
from marshmallow import ValidationError

from schemas.claims import claim_page_schema, statement_page_schema
from schemas.common import Timestamp
from schemas.factchecks import factcheck_page_schema
from schemas.quotes import quote_page_schema

from ..db import close_connection, open_connection
from ..db.paging import scan
from ..facts.models import Claim, FactCheck
from ..facts.queries import annotate_claims, claims, factchecks
from ..news.models import Quote, Statement
from ..news.queries import quotes, statements

COLUMNS = {
    "quotes": "id text start end kind confidence speaker_id speaker_name speaker_title speaker_kind "
    "mention_text cue_text article_id article_url article_title article_publisher article_published_at "
    "statement_id",
    "claims": "id text score status assignee origin speaker_id speaker_name statement_id statement_text "
    "statement_first_seen_at statement_appearance_count review_count verdict created_at updated_at",
    "statements": "id text speaker_id speaker_name speaker_title first_seen_at appearance_count "
    "created_at updated_at",
    "factchecks": "id url claim_text claimant claim_date title rating_label rating_value rating_best "
    "rating_worst reviewer_name reviewer_url review_date language source claim_id created_at updated_at",
}
# kind -> (the list's query, its id column, the schema of its items, what a batch needs attached)
KINDS = {
    "quotes": (quotes, Quote.id, quote_page_schema.fields["items"].inner.schema, None),
    "claims": (claims, Claim.id, claim_page_schema.fields["items"].inner.schema, annotate_claims),
    "statements": (statements, Statement.id, statement_page_schema.fields["items"].inner.schema, None),
    "factchecks": (factchecks, FactCheck.id, factcheck_page_schema.fields["items"].inner.schema, None),
}


def flatten(record: dict, prefix: str = "") -> dict:
    """{'speaker': {'name': 'Ann'}} -> {'speaker_name': 'Ann'}."""
    flat = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}_"))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _since(value):
    if value is None:
        return None
    try:
        return Timestamp().deserialize(value)
    except ValidationError:
        raise click.BadParameter("not an ISO 8601 date or date-time") from None


@click.command("export")
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--since", callback=lambda c, p, v: _since(v), help="Only records dated on or after this date.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Default: stdout.")
@with_appcontext
def export_command(kind, fmt, since, output):
    """Stream stored quotes, claims or statements as JSONL or CSV (constant memory)."""
    listing, id_column, schema, annotate = KINDS[kind]
    writer = csv.DictWriter(output, COLUMNS[kind].split(), extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    open_connection()
    try:
        for rows in scan(listing({"since": since}).query, id_column):
            for record in schema.dump(annotate(rows) if annotate else rows, many=True):
                if writer:
                    writer.writerow(flatten(record))
                else:
                    output.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        close_connection()
