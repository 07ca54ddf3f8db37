"""0010 speaker keys: a search's matches sorted from a narrow index, not from the speaker rows.

A search whose matches are too many to count (``SEARCH_COUNT_LIMIT``) and lie mostly beyond the
walk's reach (``?q=obama`` at 1M quotes: 598 speakers, 9 of them within it) sorts every match by
(quote_count, id) (``db.sorting``, ``db.paging._search``). It read each match's speaker row for its
quote count: 598 rows spread over as many table pages (a speaker row carries its names, aliases
and dates), the statement 1.2 to 1.5 ms of SQLite's time. The index (id, quote_count) holds the
two keys alone, a few hundred to a page: the statement reads them there in 0.5 ms, most of it the
624 alias rows read from the trigram index (0.3 ms), and the list's page then reads its 20 rows.
The count that samples where a search's matches lie (``db.sorting.compile_sample``) reads it too.

SQLite only: on PostgreSQL the same search is one statement that sorts the matches' keys read
once into a CTE (``db.walks.compile_search``), 1.2x from 10k to 100k quotes, and another index
would cost every change of a quote count one more index entry written. Frozen like every migration.
"""

from __future__ import annotations

from peewee import PostgresqlDatabase

_SQLITE = [
    'CREATE INDEX "speaker_id_quote_count" ON "speaker" ("id", "quote_count")',
    "ANALYZE speaker",
]


def up(database, migrator) -> None:
    if not isinstance(database, PostgresqlDatabase):
        for statement in _SQLITE:
            database.execute_sql(statement)
