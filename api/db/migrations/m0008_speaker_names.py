"""0008 speaker names: a speaker's aliases on its own row, for a search that walks speakers and for
a list page that shows them.

A name search with many matches (``GET /speakers?q=trump``) finds its page by walking speakers
most quoted first and testing each (``db.paging``). The test read the speaker's aliases through
an index, one lookup per speaker walked (609 speakers for 'trump' at 100k quotes; on PostgreSQL a
semi-join that read every match's speaker row), and the page then read its speakers' alias rows
(172 for that page) in a query of its own. Now both read columns of the speaker row:

- speaker.names: the folded aliases joined by a line feed (which folding never leaves in a name
  or a search's words, so no fragment matches across two aliases);
- speaker.aliases_json: the aliases as given, a JSON array in the order they were added;
- both filled here, and kept by triggers on speakeralias: an alias added is appended, one
  removed or changed makes its speaker's columns again (every write path adds aliases through
  that table; none has to know);
- the list's index (quote_count, id) is replaced by one that carries names: (quote_count, id,
  names) on SQLite, (quote_count, id) INCLUDE (names) on PostgreSQL; the walk reads it alone.

Frozen like every migration.
"""

from __future__ import annotations

from peewee import PostgresqlDatabase

_COLUMNS = [
    """ALTER TABLE "speaker" ADD COLUMN "names" TEXT NOT NULL DEFAULT ''""",
    """ALTER TABLE "speaker" ADD COLUMN "aliases_json" TEXT NOT NULL DEFAULT '[]'""",
]

_SQLITE_REMADE = (  # speaker {id}'s two columns from its alias rows
    "names = COALESCE((SELECT group_concat(a.folded, char(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = {id}), ''), "
    "aliases_json = (SELECT json_group_array(alias) FROM "
    "(SELECT a.alias FROM speakeralias AS a WHERE a.speaker_id = {id} ORDER BY a.id))"
)

_SQLITE = [
    "UPDATE speaker SET " + _SQLITE_REMADE.format(id="speaker.id"),
    "CREATE TRIGGER speaker_names_insert AFTER INSERT ON speakeralias BEGIN "
    "UPDATE speaker SET names = CASE WHEN names = '' THEN new.folded "
    "ELSE names || char(10) || new.folded END, aliases_json = json_insert(aliases_json, '$[#]', new.alias) "
    "WHERE id = new.speaker_id; END",
    "CREATE TRIGGER speaker_names_delete AFTER DELETE ON speakeralias BEGIN "
    "UPDATE speaker SET " + _SQLITE_REMADE.format(id="old.speaker_id") + " WHERE id = old.speaker_id; END",
    "CREATE TRIGGER speaker_names_update AFTER UPDATE OF speaker_id, alias, folded ON speakeralias BEGIN "
    "UPDATE speaker SET "
    + _SQLITE_REMADE.format(id="speaker.id")
    + " WHERE id IN (old.speaker_id, new.speaker_id); END",
    'DROP INDEX IF EXISTS "speaker_quote_count_id"',
    'CREATE INDEX "speaker_quote_count_id_names" ON "speaker" ("quote_count", "id", "names")',
    "ANALYZE speaker",
]

_POSTGRES_REMADE = (
    "names = COALESCE((SELECT string_agg(a.folded, chr(10)) FROM speakeralias AS a "
    "WHERE a.speaker_id = speaker.id), ''), "
    "aliases_json = COALESCE((SELECT json_agg(a.alias ORDER BY a.id)::text FROM speakeralias AS a "
    "WHERE a.speaker_id = speaker.id), '[]')"
)

_POSTGRES = [
    "UPDATE speaker SET " + _POSTGRES_REMADE,
    f"""CREATE OR REPLACE FUNCTION speaker_names_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE speaker SET names = CASE WHEN names = '' THEN NEW.folded ELSE names || chr(10) || NEW.folded END,
      aliases_json = (aliases_json::jsonb || to_jsonb(NEW.alias))::text
    WHERE id = NEW.speaker_id;
  ELSE
    UPDATE speaker SET {_POSTGRES_REMADE}
    WHERE id = OLD.speaker_id OR (TG_OP = 'UPDATE' AND id = NEW.speaker_id);
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER speaker_names_kept AFTER INSERT OR DELETE OR UPDATE OF speaker_id, alias, folded "
    "ON speakeralias FOR EACH ROW EXECUTE FUNCTION speaker_names_kept()",
    'DROP INDEX IF EXISTS "speaker_quote_count_id"',
    'CREATE INDEX "speaker_quote_count_id_names" ON "speaker" ("quote_count", "id") INCLUDE ("names")',
    "ANALYZE speaker",
]


def up(database, migrator) -> None:
    for statement in _COLUMNS + (_POSTGRES if isinstance(database, PostgresqlDatabase) else _SQLITE):
        database.execute_sql(statement)
