"""Full-text search over claims and fact-checks: SQLite FTS5 (``claim_fts``), PostgreSQL tsvector + GIN.

Both index the claim's ``folded`` column (case and accents removed), so that a
search for 'nunez' finds 'Núñez'; the index itself is made by a migration
(``db/migrations/m0001_initial.py``). Queries are reduced to plain words first,
so no user input can be a syntax error: 'health care"*' -> all of health, care*.
"""

from __future__ import annotations

from peewee import SQL, Expression, fn

from ..core.text import search_terms
from ..db import database, is_postgres
from .models import Claim, FactCheck


def matching_claims(query: str):
    """A condition on Claim: its text holds every word of ``query`` (the last one as a prefix)."""
    terms = search_terms(query)
    if not terms:
        return SQL("1 = 0")
    if is_postgres():  # the same expression as the index, so that the index serves it
        simple = SQL("'simple'")
        return Expression(
            fn.to_tsvector(simple, Claim.folded), "@@", fn.to_tsquery(simple, " & ".join(terms) + ":*")
        )
    expression = " ".join(f'"{t}"' for t in terms) + "*"
    return Claim.id.in_(
        SQL(f"(SELECT rowid FROM claim_fts WHERE claim_fts MATCH {database.param})", [expression])
    )


def matching_claim_ids(query: str):
    """The ids of the claims ``matching_claims(query)`` selects, as a subquery of its own (evaluated
    once, not per claim: a walk of the newest claims tests each against it); None for no words."""
    terms = search_terms(query)
    if not terms:
        return None
    if is_postgres():
        matched = Claim.alias("matched")
        simple = SQL("'simple'")
        words = Expression(
            fn.to_tsvector(simple, matched.folded), "@@", fn.to_tsquery(simple, " & ".join(terms) + ":*")
        )
        return matched.select(matched.id).where(words)
    expression = " ".join(f'"{t}"' for t in terms) + "*"
    return SQL(f"(SELECT rowid FROM claim_fts WHERE claim_fts MATCH {database.param})", [expression])


def matching_claim_rows(query: str):
    """SQLite: the SQL selecting the full-text index's rows of the claims matching ``query`` (one per
    claim), to count them without reading the claims; None on PostgreSQL or for no words."""
    terms = search_terms(query)
    if is_postgres() or not terms:
        return None
    expression = " ".join(f'"{t}"' for t in terms) + "*"
    return SQL(f"SELECT rowid FROM claim_fts WHERE claim_fts MATCH {database.param}", [expression])


def matching_factchecks(query: str):
    """A condition on FactCheck: its claim, title or claimant hold every word of ``query``."""
    terms = search_terms(query)
    if not terms:
        return SQL("1 = 0")
    if is_postgres():
        simple = SQL("'simple'")
        return Expression(
            fn.to_tsvector(simple, FactCheck.folded), "@@", fn.to_tsquery(simple, " & ".join(terms) + ":*")
        )
    expression = " ".join(f'"{t}"' for t in terms) + "*"
    return FactCheck.id.in_(
        SQL(f"(SELECT rowid FROM factcheck_fts WHERE factcheck_fts MATCH {database.param})", [expression])
    )
