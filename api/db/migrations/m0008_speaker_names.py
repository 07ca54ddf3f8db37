"""0008 speaker names: every folded alias of a speaker on its own row, for a search that walks speakers.

A name search with many matches (``GET /speakers?q=trump``) finds its page by walking speakers
most quoted first and testing each (``db.paging``). The test read the speaker's aliases through
an index, one lookup per speaker walked (609 speakers for 'trump' at 100k quotes; on PostgreSQL a
semi-join that read every match's speaker row). Now it reads one column beside the walk's keys:

- speaker.names: the speaker's folded aliases joined by a line feed (which folding never leaves
  in a name or a search's words, so no fragment matches across two aliases), filled here.
- Triggers on speakeralias keep it: an alias added is appended, one removed or changed makes its
  speaker's names again (every write path adds aliases; none has to know).
- The list's index (quote_count, id) is replaced by one that carries names: (quote_count, id,
  names) on SQLite, (quote_count, id) INCLUDE (names) on PostgreSQL; the walk reads it alone.

Frozen like every migration.
"""

from __future__ import annotations

from peewee import PostgresqlDatabase

_COLUMN = """ALTER TABLE "speaker" ADD COLUMN "names" TEXT NOT NULL DEFAULT ''"""

_SQLITE = [
    "UPDATE speaker SET names = COALESCE((SELECT group_concat(a.folded, char(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = speaker.id), '')",
    "CREATE TRIGGER speaker_names_insert AFTER INSERT ON speakeralias BEGIN "
    "UPDATE speaker SET names = CASE WHEN names = '' THEN new.folded "
    "ELSE names || char(10) || new.folded END WHERE id = new.speaker_id; END",
    "CREATE TRIGGER speaker_names_delete AFTER DELETE ON speakeralias BEGIN "
    "UPDATE speaker SET names = COALESCE((SELECT group_concat(a.folded, char(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = old.speaker_id), '') WHERE id = old.speaker_id; END",
    "CREATE TRIGGER speaker_names_update AFTER UPDATE OF speaker_id, folded ON speakeralias BEGIN "
    "UPDATE speaker SET names = COALESCE((SELECT group_concat(a.folded, char(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = speaker.id), '') WHERE id IN (old.speaker_id, new.speaker_id); END",
    'DROP INDEX IF EXISTS "speaker_quote_count_id"',
    'CREATE INDEX "speaker_quote_count_id_names" ON "speaker" ("quote_count", "id", "names")',
    "ANALYZE speaker",
]

_POSTGRES = [
    "UPDATE speaker SET names = COALESCE((SELECT string_agg(a.folded, chr(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = speaker.id), '')",
    """CREATE OR REPLACE FUNCTION speaker_names_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE speaker SET names = CASE WHEN names = '' THEN NEW.folded ELSE names || chr(10) || NEW.folded END
    WHERE id = NEW.speaker_id;
  ELSE
    UPDATE speaker SET names = COALESCE((SELECT string_agg(a.folded, chr(10)) FROM speakeralias AS a
      WHERE a.speaker_id = speaker.id), '')
    WHERE id = OLD.speaker_id OR (TG_OP = 'UPDATE' AND id = NEW.speaker_id);
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER speaker_names_kept AFTER INSERT OR DELETE OR UPDATE OF speaker_id, folded "
    "ON speakeralias FOR EACH ROW EXECUTE FUNCTION speaker_names_kept()",
    'DROP INDEX IF EXISTS "speaker_quote_count_id"',
    'CREATE INDEX "speaker_quote_count_id_names" ON "speaker" ("quote_count", "id") INCLUDE ("names")',
    "ANALYZE speaker",
]


def up(database, migrator) -> None:
    database.execute_sql(_COLUMN)
    for statement in _POSTGRES if isinstance(database, PostgresqlDatabase) else _SQLITE:
        database.execute_sql(statement)
