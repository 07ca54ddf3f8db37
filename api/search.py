"""Full-text search over claims: SQLite FTS5 kept current by triggers, PostgreSQL tsvector + GIN.

Both index the claim's ``folded`` column (case and accents removed), so that a
search for 'nunez' finds 'Núñez'. Queries are reduced to plain words first, so
no user input can be a syntax error: 'health care"*' -> all of health, care*.
"""
from __future__ import annotations

from peewee import SQL, Expression, fn

from .db import database, is_postgres
from .textutil import search_terms

_SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5("
    "folded, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER IF NOT EXISTS claim_fts_update AFTER UPDATE OF folded ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO claim_fts(rowid, folded) VALUES (new.id, new.folded); END",
]
_POSTGRES = ["CREATE INDEX IF NOT EXISTS claim_folded_fts ON claim USING gin (to_tsvector('simple', folded))"]


def create_index() -> None:
    for statement in (_POSTGRES if is_postgres() else _SQLITE):
        database.execute_sql(statement)


def drop_index() -> None:
    if not is_postgres():
        database.execute_sql("DROP TABLE IF EXISTS claim_fts")


def matching_claims(query: str):
    """A condition on Claim: its text holds every word of ``query`` (the last one as a prefix)."""
    from .models import Claim
    terms = search_terms(query)
    if not terms:
        return SQL("1 = 0")
    param = database.param
    if is_postgres():  # the same expression as the index, so that the index serves it
        simple = SQL("'simple'")
        return Expression(fn.to_tsvector(simple, Claim.folded), "@@",
                          fn.to_tsquery(simple, " & ".join(terms) + ":*"))
    expression = " ".join(f'"{t}"' for t in terms) + "*"
    return Claim.id.in_(SQL(f"(SELECT rowid FROM claim_fts WHERE claim_fts MATCH {param})", [expression]))
