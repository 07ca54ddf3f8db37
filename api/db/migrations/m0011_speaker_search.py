"""0011 speaker search (PostgreSQL): a search's matches counted one row per speaker, not per alias.

A name search counts its matching speakers up to the search cap (``SEARCH_COUNT_LIMIT``): on
PostgreSQL that was ``SELECT DISTINCT speaker_id FROM speakeralias WHERE folded LIKE ...
LIMIT 101``, and the DISTINCT read every alias the trigram index gave before the LIMIT could
stop it (476 aliases of 383 speakers for ``trump`` at 100k quotes: 0.2 to 0.4 ms of a statement
of about 0.9, and more as the archive grows). Now:

- speaker_search (speaker_id, names): one row per speaker, ``names`` as on the speaker row (its
  folded aliases joined by a line feed, 0008), with a ``pg_trgm`` GIN index on ``names`` (when the
  extension is there, as 0003's index on the aliases: without it the same query scans). A search
  reads its speakers from it without a DISTINCT, and the LIMIT stops the read (0.07 ms);
- kept by triggers on speaker: a speaker added adds its row, a change of ``names`` (which 0008's
  triggers on speakeralias make) changes it, a speaker deleted takes it away. Not the index on
  ``speaker.names`` itself: every quote stored updates its speaker's counts, a row version that
  would take new GIN entries each time, where this table changes only with the aliases;
- filled here from the speaker rows.

SQLite counts through its FTS5 table joined to the aliases (0003), which stops at the LIMIT:
nothing changes there. Frozen like every migration.
"""

from __future__ import annotations

from peewee import PostgresqlDatabase

_POSTGRES = [
    """CREATE TABLE "speaker_search" ("speaker_id" INTEGER NOT NULL PRIMARY KEY, "names" TEXT NOT NULL)""",
    """CREATE OR REPLACE FUNCTION speaker_search_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM speaker_search WHERE speaker_id = OLD.id;
  ELSE
    INSERT INTO speaker_search (speaker_id, names) VALUES (NEW.id, NEW.names)
      ON CONFLICT (speaker_id) DO UPDATE SET names = EXCLUDED.names;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER speaker_search_added AFTER INSERT ON speaker "
    "FOR EACH ROW EXECUTE FUNCTION speaker_search_kept()",
    "CREATE TRIGGER speaker_search_named AFTER UPDATE OF names ON speaker "
    "FOR EACH ROW WHEN (OLD.names IS DISTINCT FROM NEW.names) EXECUTE FUNCTION speaker_search_kept()",
    "CREATE TRIGGER speaker_search_deleted AFTER DELETE ON speaker "
    "FOR EACH ROW EXECUTE FUNCTION speaker_search_kept()",
    "INSERT INTO speaker_search (speaker_id, names) SELECT id, names FROM speaker ORDER BY id",
]
_TRIGRAMS = "CREATE INDEX speaker_search_names_trgm ON speaker_search USING gin (names gin_trgm_ops)"


def up(database, migrator) -> None:
    if not isinstance(database, PostgresqlDatabase):
        return
    for statement in _POSTGRES:
        database.execute_sql(statement)
    if database.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone():
        database.execute_sql(_TRIGRAMS)
    database.execute_sql("ANALYZE speaker_search")
