"""0009 speaker grams: a name search for one or two letters through an index, not a scan.

A trigram index cannot look up a fragment shorter than a trigram (SQLite FTS5 ``trigram`` matches
nothing below three letters, ``pg_trgm`` neither), so ``?q=qz`` scanned every alias on SQLite
and every speaker's ``names`` on PostgreSQL to count its matches (22 ms at 100k quotes there), and
sorted them after a second scan. Now:

- speaker_gram (gram, speaker_id), its primary key the table on SQLite (WITHOUT ROWID): one row
  per distinct letter and pair of letters in a speaker's folded aliases, those holding a space
  left out (a search's words are folded, so a fragment of one or two letters holds none):
  'ann lee' -> a, n, l, e, an, nn, le, ee. A fragment's speakers are the rows under it, read in
  the key's order and stopped at a search's count limit;
- kept by triggers on speakeralias, as ``speaker.names`` is (0008): an alias added adds its grams
  (those the speaker has already are kept); one removed, moved to another speaker (a merge) or
  changed takes away its old grams that none of the speaker's remaining aliases holds;
- filled here from the alias rows (seconds at 1M quotes).

SQLite's triggers cannot hold a WITH clause, so they count the letters of a name with
``json_each``: ``hex(zeroblob(3))`` is '000000', with every '00' made '0,' and the last comma
trimmed it is '[0,0,0]', whose keys 0, 1, 2 are the offsets of a three-letter name.

Frozen like every migration.
"""

from __future__ import annotations

from peewee import CompositeKey, IntegerField, Model, PostgresqlDatabase, SchemaManager, TextField


class SpeakerGram(Model):
    gram = TextField()
    speaker_id = IntegerField()

    class Meta:
        table_name = "speaker_gram"
        primary_key = CompositeKey("gram", "speaker_id")
        without_rowid = True  # SQLite only: PostgreSQL's is created plainly (below)


def _sqlite_grams(folded: str, source: str = "", owner: str = "") -> str:
    """SQL of the distinct grams (``gram``) of the text ``folded``, an SQL expression; with ``source``
    (a table, of which ``folded`` is a column: json_each takes it row by row), each beside ``owner``."""
    offsets = f"json_each('[' || rtrim(replace(hex(zeroblob(length({folded}))), '00', '0,'), ',') || ']')"
    gram = f"substr({folded}, o.key + 1, w.n)"
    return (
        f"SELECT DISTINCT {gram} AS gram{', ' + owner if owner else ''} "
        f"FROM {source + ', ' if source else ''}{offsets} AS o, (SELECT 1 AS n UNION ALL SELECT 2) AS w "
        f"WHERE o.key + w.n <= length({folded}) AND instr({gram}, ' ') = 0"
    )


def _sqlite_added(row: str) -> str:
    return (
        f"INSERT OR IGNORE INTO speaker_gram (gram, speaker_id) "
        f"SELECT gram, {row}.speaker_id FROM ({_sqlite_grams(f'{row}.folded')});"
    )


def _sqlite_taken(row: str) -> str:
    return (
        f"DELETE FROM speaker_gram WHERE speaker_id = {row}.speaker_id "
        f"AND gram IN ({_sqlite_grams(f'{row}.folded')}) AND NOT EXISTS (SELECT 1 FROM speakeralias AS a "
        f"WHERE a.speaker_id = {row}.speaker_id AND instr(a.folded, speaker_gram.gram) > 0);"
    )


_SQLITE = [
    "CREATE TRIGGER speaker_grams_insert AFTER INSERT ON speakeralias BEGIN " + _sqlite_added("new") + " END",
    "CREATE TRIGGER speaker_grams_delete AFTER DELETE ON speakeralias BEGIN " + _sqlite_taken("old") + " END",
    "CREATE TRIGGER speaker_grams_update AFTER UPDATE OF speaker_id, folded ON speakeralias BEGIN "
    + _sqlite_taken("old")
    + " "
    + _sqlite_added("new")
    + " END",
    "INSERT INTO speaker_gram (gram, speaker_id) "
    + _sqlite_grams("a.folded", "speakeralias AS a", "a.speaker_id")
    + " ORDER BY 1, 2",
    "ANALYZE speaker_gram",
]

_POSTGRES = [
    """CREATE TABLE "speaker_gram" ("gram" TEXT NOT NULL, "speaker_id" INTEGER NOT NULL,
    PRIMARY KEY ("gram", "speaker_id"))""",
    """CREATE OR REPLACE FUNCTION speaker_grams(folded text) RETURNS SETOF text AS $$
  SELECT DISTINCT substr(folded, o, w)
  FROM generate_series(1, length(folded)) AS o, (VALUES (1), (2)) AS n (w)
  WHERE o + w - 1 <= length(folded) AND strpos(substr(folded, o, w), ' ') = 0
$$ LANGUAGE sql IMMUTABLE STRICT""",
    """CREATE OR REPLACE FUNCTION speaker_grams_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM speaker_gram AS g WHERE g.speaker_id = OLD.speaker_id
      AND g.gram IN (SELECT speaker_grams(OLD.folded))
      AND NOT EXISTS (SELECT 1 FROM speakeralias AS a
                      WHERE a.speaker_id = OLD.speaker_id AND strpos(a.folded, g.gram) > 0);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO speaker_gram (gram, speaker_id) SELECT speaker_grams(NEW.folded), NEW.speaker_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER speaker_grams_kept AFTER INSERT OR DELETE OR UPDATE OF speaker_id, folded "
    "ON speakeralias FOR EACH ROW EXECUTE FUNCTION speaker_grams_kept()",
    "INSERT INTO speaker_gram (gram, speaker_id) "
    "SELECT DISTINCT g, a.speaker_id FROM speakeralias AS a, speaker_grams(a.folded) AS g ORDER BY 1, 2",
    "ANALYZE speaker_gram",
]


def up(database, migrator) -> None:
    if isinstance(database, PostgresqlDatabase):
        statements = _POSTGRES
    else:
        SchemaManager(SpeakerGram, database).create_all()
        statements = _SQLITE
    for statement in statements:
        database.execute_sql(statement)
