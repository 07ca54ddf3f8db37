"""Writes of fact-checks: published reviews stored by url (a re-import updates, never
duplicates), and the verdicts recorded here made fact-checks too.

``read(document)`` is CPU only (``parse``): (fields, None) or (None, errors) per review
found. ``store(rows)`` writes a batch in one transaction and says per row whether it was
created, updated or unchanged; ``import_document`` is both, for POST /factchecks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..core.errors import Invalid, NotFound
from ..core.text import fold
from ..core.vocabulary import IMPORTED, VERDICT
from ..db.models import chunks, insert_rows, utcnow
from ..events.log import write, writing
from . import parse
from .models import ClaimMatch, FactCheck

# The columns a review gives; a re-import that changes none of them changes nothing.
COLUMNS = (
    "claim_text",
    "title",
    "claimant",
    "claim_date",
    "rating_label",
    "rating_value",
    "best_rating",
    "worst_rating",
    "reviewer",
    "reviewer_url",
    "url",
    "review_date",
    "language",
)
CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"
_INSERTED = [
    getattr(FactCheck, c) for c in (*COLUMNS, "source", "folded", "raw", "created_at", "updated_at", "actor")
]


@dataclass
class Outcome:
    """What became of one review of a document: stored (with its id) or refused (with why)."""

    index: int
    status: str
    url: str | None = None
    id: int | None = None
    errors: dict = field(default_factory=dict)


def read(document) -> list[tuple[dict | None, dict | None]]:
    """(fields, None) or (None, errors naming what is missing) for each review in ``document``."""
    found = []
    for kind, item in parse.items(document):
        try:
            found.append((parse.fields(kind, item), None))
        except Invalid as exc:
            found.append((None, exc.errors))
    return found


def folded(row: dict) -> str:
    """What GET /factchecks?q= searches: the claim, the title and the claimant, folded."""
    return fold(" ".join(row[c] for c in ("claim_text", "title", "claimant") if row.get(c)))


def store(rows: list[dict], actor: str | None = None, source: str = IMPORTED) -> list[tuple[str, int]]:
    """(created | updated | unchanged, id) for each row, stored in one transaction; the last
    of several rows with one url wins."""
    return write(
        lambda changes: _store(rows, actor, source, changes), retry_on_conflict=lambda: True, actor=actor
    )


def _store(rows: list[dict], actor, source: str, changes: list) -> list[tuple[str, int]]:
    latest = {row["url"]: row for row in rows}
    stored = {
        f.url: f for part in chunks(list(latest)) for f in FactCheck.select().where(FactCheck.url.in_(part))
    }
    now, outcome = utcnow(), {}
    for url, row in latest.items():
        old = stored.get(url)
        if old is None:
            continue
        if all(getattr(old, c) == row[c] for c in COLUMNS):
            outcome[url] = (UNCHANGED, old.id)
            continue
        values = {c: row[c] for c in COLUMNS} | {
            "folded": folded(row),
            "raw": row.get("raw"),
            "updated_at": now,
        }
        FactCheck.update(**values, actor=actor).where(FactCheck.id == old.id).execute()
        outcome[url] = (UPDATED, old.id)
        changes.append(("factcheck", old.id, "updated"))
    new = [row for url, row in latest.items() if url not in stored]
    values = [
        (*(row[c] for c in COLUMNS), source, folded(row), _json(row.get("raw")), now, now, actor)
        for row in new
    ]
    for fid, url in sorted(
        insert_rows(FactCheck, _INSERTED, values, returning=(FactCheck.id, FactCheck.url))
    ):
        outcome[url] = (CREATED, fid)
        changes.append(("factcheck", fid, "created"))
    return [outcome[row["url"]] for row in rows]


def _json(value) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


def import_document(document, actor: str | None = None) -> list[Outcome]:
    """Every review of a ClaimReview document (or a claims:search answer): the good ones stored
    in one transaction, the others refused with the fields they lack."""
    found = read(document)
    good = [(i, row) for i, (row, _) in enumerate(found) if row is not None]
    results = iter(store([row for _, row in good], actor)) if good else iter(())
    outcomes = [Outcome(i, REFUSED, errors=errors) for i, (row, errors) in enumerate(found) if row is None]
    for i, row in good:
        status, fid = next(results)
        outcomes.append(Outcome(i, status, url=row["url"], id=fid))
    return sorted(outcomes, key=lambda o: o.index)


def from_verdict(claim, review, changes: list) -> None:
    """The verdict ``review`` on ``claim`` as a fact-check (by the review's url), in the
    verdict's own transaction: the service's verdicts are matched like everyone's."""
    statement = claim.statement
    speaker = statement.speaker if statement.speaker_id else None
    row = {
        "claim_text": claim.text,
        "title": review.summary,
        "claimant": speaker.name if speaker else None,
        "claim_date": statement.first_seen_at.date() if statement.first_seen_at else None,
        "rating_label": review.rating_label,
        "rating_value": review.rating_value,
        "best_rating": review.best_rating,
        "worst_rating": review.worst_rating,
        "reviewer": review.reviewer,
        "reviewer_url": review.reviewer_url,
        "url": review.url,
        "review_date": review.date_published,
        "language": None,
    }
    values = {
        **row,
        "folded": folded(row),
        "source": VERDICT,
        "claim": claim.id,
        "speaker": statement.speaker_id,
    }
    old = FactCheck.get_or_none(FactCheck.url == review.url)
    if old is None:
        made = FactCheck.create(**values, actor=review.actor)
        changes.append(("factcheck", made.id, "created"))
    else:
        FactCheck.update(**values, updated_at=utcnow(), actor=review.actor).where(
            FactCheck.id == old.id
        ).execute()
        changes.append(("factcheck", old.id, "updated"))


def delete_factcheck(factcheck_id: int, actor: str | None = None) -> None:
    """Delete a fact-check (an import made by mistake); its matches go with it, and every
    process's index drops it on its next refresh (the change log says so)."""
    with writing(actor) as changes:
        found = FactCheck.get_or_none(FactCheck.id == factcheck_id)
        if found is None:
            raise NotFound(f"No fact-check with id {factcheck_id}.")
        claims = [
            c for (c,) in ClaimMatch.select(ClaimMatch.claim).where(ClaimMatch.factcheck == found.id).tuples()
        ]
        found.delete_instance(recursive=True)
        changes.append(("factcheck", found.id, "deleted"))
        changes += [("claim", c, "updated") for c in sorted(set(claims))]
