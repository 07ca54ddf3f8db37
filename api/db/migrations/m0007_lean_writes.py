"""0007 lean writes: what storing an article writes into a large archive, cut down.

- statement_hash rebuilt under the hashes of ``core.shingles.index_hashes`` as this release
  defines them: a run's head, gram and tail side by side (two lowest bits), no ``whole`` for words
  that can overlap. On SQLite the table becomes WITHOUT ROWID: the (hash, statement) key is
  the table, where it was a rowid table plus an index holding the same two columns.
- Single-column indexes that a composite index starting with the same column serves already
  are dropped (each new quote, statement and claim wrote into every one of them):
  quote (article_id), (speaker_id), (statement_id); statement (speaker_id), (first_seen_at);
  claim (statement_id), (created_at), (status); article (dated_at); speakeralias (speaker_id);
  and speaker (folded), which no query uses (name searches read speakeralias).
- SQLite: claim_fts rebuilt with prefix indexes of 2 and 3 characters, so that a search's last
  word ('tax*') reads one list of claims instead of merging every word it begins (tax, taxes,
  taxpayers, ...): its capped count stops at the cap instead of merging all matches first
  (the triggers of 0001 keep it, by name). PostgreSQL's GIN index reads prefixes as a range.

The rebuild reads every statement once (130 s for the 1M-quote SQLite copy of scale.py, a million
statements, on a busy core; 17 s for 100k quotes on PostgreSQL). Frozen
like every migration; the hashing is ``core.shingles``'s (a change to it is a new migration).
"""

from __future__ import annotations

import io

from peewee import BigIntegerField, CompositeKey, IntegerField, Model, PostgresqlDatabase, SchemaManager

from ...core.shingles import index_hashes

BATCH = 5000  # statements hashed per round trip


class StatementHash(Model):
    hash = BigIntegerField()
    statement = IntegerField()

    class Meta:
        table_name = "statement_hash"
        primary_key = CompositeKey("hash", "statement")
        without_rowid = True  # SQLite only: PostgreSQL's is created plainly (below)


REDUNDANT = [
    "quote_article_id",  # (article_id, position)
    "quote_speaker_id",  # quote_speaker_recent (speaker_id, dated_at DESC, ...)
    "quote_statement_id",  # (statement_id, dated_at)
    "statement_speaker_id",  # (speaker_id, first_seen_at, id)
    "statement_first_seen_at",  # (first_seen_at, id)
    "claim_statement_id",  # unique (statement_id, norm_hash)
    "claim_created_at",  # (created_at, id)
    "claim_status",  # (status, created_at, id)
    "article_dated_at",  # (dated_at, id)
    "speakeralias_speaker_id",  # unique (speaker_id, folded)
    "speaker_folded",  # no query looks a speaker up by it (searches read aliases)
]


def _pairs(database):
    """(hash, statement id) of every statement, a batch at a time, in statement id order."""
    last = 0
    while True:
        rows = database.execute_sql(
            f"SELECT id, speaker_id, normalized FROM statement WHERE id > {database.param} "
            f"ORDER BY id LIMIT {BATCH}",
            (last,),
        ).fetchall()
        if not rows:
            return
        yield [(h, sid) for sid, speaker_id, norm in rows for h in index_hashes(speaker_id, norm)]
        last = rows[-1][0]


def _rebuild_sqlite(database) -> None:
    """Hashes into a plain scratch table (appends), then into the new table in key order: pages
    filled one after another instead of a random insert per row."""
    database.execute_sql("DROP TABLE statement_hash")
    database.execute_sql("CREATE TABLE statement_hash_scratch (hash INTEGER, statement INTEGER)")
    for pairs in _pairs(database):
        database.cursor().executemany("INSERT INTO statement_hash_scratch VALUES (?, ?)", pairs)
    SchemaManager(StatementHash, database).create_all()
    database.execute_sql(
        "INSERT INTO statement_hash SELECT hash, statement FROM statement_hash_scratch ORDER BY 1, 2"
    )
    database.execute_sql("DROP TABLE statement_hash_scratch")


def _rebuild_postgres(database) -> None:
    """Emptied and refilled with its primary key dropped meanwhile, which is then built in one sort."""
    database.execute_sql("TRUNCATE statement_hash")
    database.execute_sql("ALTER TABLE statement_hash DROP CONSTRAINT statement_hash_pkey")
    for pairs in _pairs(database):
        rows = io.StringIO("".join(f"{h}\t{sid}\n" for h, sid in pairs))
        database.cursor().copy_from(rows, "statement_hash", columns=("hash", "statement"))
    database.execute_sql("ALTER TABLE statement_hash ADD PRIMARY KEY (hash, statement)")


_CLAIM_FTS = [
    "DROP TABLE claim_fts",
    "CREATE VIRTUAL TABLE claim_fts USING fts5(folded, content='claim', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
]


def up(database, migrator) -> None:
    postgres = isinstance(database, PostgresqlDatabase)
    for name in REDUNDANT:
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    (_rebuild_postgres if postgres else _rebuild_sqlite)(database)
    for statement in [] if postgres else _CLAIM_FTS:
        database.execute_sql(statement)
    database.execute_sql("ANALYZE")
