"""Databases of 10k, 100k and 1M quotes for benchmarks/scale.py, built by replicating a real one in SQL.

The base is PolNeAR train stored through the write path (840 real articles, about 7,000
quotes). A size is the base plus copies: copy n of every article, quote, statement and claim
gets new ids, its article is dated n days earlier, and its quotes stay with the same speakers,
so that the most quoted people gather tens of thousands of quotes and statements as in a real
archive. A copy's statements carry a copy mark on every word ("build the wall" -> "buildq7
theq7 wallq7"), so no new quote repeats them, and the matching index holds their real hashes
(computed here), so that its size and spread are those of an archive of that many statements.
Each copy also adds namesakes of its speakers ("Donald Trump 7", no quotes), so that the speaker
table and its search index grow too. Counts are filled by migration 0003's backfill, then
ANALYZE (PostgreSQL: VACUUM ANALYZE). Built databases are cached (SQLite files, PostgreSQL
databases named after the size).
Copies carry their article's revision number but no article_revision rows (no list reads them).
"""

from __future__ import annotations

import io
import os
import shutil

from api import db
from api.core.shingles import index_hashes
from api.db.migrations import m0003_archive_scale

COPY_ID = 10_000_000  # copy n of row id i gets id i + n * COPY_ID (the base has far fewer rows)


def _copies_table(database, full: int, last_articles: int | None) -> None:
    database.execute_sql("DROP TABLE IF EXISTS copies")
    database.execute_sql("CREATE TABLE copies (n INTEGER, max_article INTEGER)")
    rows = [(n, 2**31 - 1) for n in range(1, full + 1)]
    if last_articles:
        rows.append((full + 1, last_articles))
    for n, top in rows:
        database.execute_sql(f"INSERT INTO copies VALUES ({n}, {top})")


def _days(postgres: bool, column: str) -> str:
    return f"{column} - c.n * interval '1 day'" if postgres else f"datetime({column}, '-' || c.n || ' days')"


def _mark(postgres: bool, column: str) -> str:
    """SQL for the copy mark on every word of ``column``: 'a b' -> 'aq3 bq3'."""
    suffix = "'q' || c.n"
    return f"replace({column}, ' ', {suffix} || ' ') || {suffix}"


def _replicate_rows(database, postgres: bool) -> None:
    off = f"c.n * {COPY_ID}"
    statements = [
        f"""INSERT INTO article (id, dedupe_key, url, title, publisher, published_at, language, text,
            created_at, dated_at, revision, updated_at)
            SELECT a.id + {off}, a.dedupe_key || '#' || c.n, a.url || '#' || c.n, a.title, a.publisher,
            {_days(postgres, "a.published_at")}, a.language, a.text, a.created_at,
            {_days(postgres, "a.dated_at")}, a.revision, a.updated_at
            FROM article a JOIN copies c ON a.id <= c.max_article WHERE a.id < {COPY_ID}""",
        f"""INSERT INTO statement (id, key, speaker_id, text, normalized, word_count, first_seen_at,
            created_at, updated_at, appearance_count)
            SELECT s.id + {off}, s.key || '#' || c.n, s.speaker_id, s.text, {_mark(postgres, "s.normalized")},
            s.word_count, {_days(postgres, "s.first_seen_at")}, s.created_at, s.updated_at, 0
            FROM statement s JOIN copies c ON EXISTS (SELECT 1 FROM quote q WHERE q.statement_id = s.id
            AND q.article_id <= c.max_article) WHERE s.id < {COPY_ID}""",
        f"""INSERT INTO quote (id, article_id, speaker_id, statement_id, position, start_char, end_char, text,
            kind, confidence, mention_text, mention_start, mention_end, cue_text, cue_start, cue_end,
            publisher, dated_at)
            SELECT q.id + {off}, q.article_id + {off}, q.speaker_id, q.statement_id + {off}, q.position,
            q.start_char, q.end_char, q.text, q.kind, q.confidence, q.mention_text, q.mention_start,
            q.mention_end, q.cue_text, q.cue_start, q.cue_end, q.publisher, {_days(postgres, "q.dated_at")}
            FROM quote q JOIN copies c ON q.article_id <= c.max_article WHERE q.id < {COPY_ID}""",
        f"""INSERT INTO claim (id, statement_id, speaker_id, text, normalized, norm_hash, folded, score,
            features, origin, status, assignee, created_at, updated_at)
            SELECT cl.id + {off}, cl.statement_id + {off}, cl.speaker_id, cl.text, cl.normalized,
            cl.norm_hash, cl.folded,
            cl.score, cl.features, cl.origin, cl.status, cl.assignee, cl.created_at, cl.updated_at
            FROM claim cl JOIN copies c ON cl.statement_id + {off} IN (SELECT id FROM statement)
            WHERE cl.id < {COPY_ID}""",
        f"""INSERT INTO speaker (id, key, name, title, kind, folded, created_at, quote_count, article_count,
            claim_count, updated_at)
            SELECT s.id + {off}, s.key || '#' || c.n, s.name || ' ' || c.n, s.title, s.kind,
            s.folded || ' ' || c.n, s.created_at, 0, 0, 0, s.updated_at
            FROM speaker s JOIN copies c ON 1 = 1 WHERE s.id < {COPY_ID}""",
        f"""INSERT INTO speakeralias (speaker_id, alias, folded)
            SELECT s.id + {off}, s.name || ' ' || c.n, s.folded || ' ' || c.n
            FROM speaker s JOIN copies c ON 1 = 1 WHERE s.id < {COPY_ID}""",
    ]
    for sql in statements:
        database.execute_sql(sql)


def _hash_copies(database, postgres: bool) -> None:
    """The matching index of the copies' statements: real hashes of their marked words."""
    rows = database.execute_sql(
        f"SELECT id, speaker_id, normalized FROM statement WHERE id >= {COPY_ID} ORDER BY id"
    ).fetchall()
    for start in range(0, len(rows), 20_000):
        pairs = [
            (h, sid)
            for sid, speaker, norm in rows[start : start + 20_000]
            for h in index_hashes(speaker, norm)
        ]
        if postgres:
            buffer = io.StringIO("".join(f"{h}\t{sid}\n" for h, sid in pairs))
            database.cursor().copy_from(buffer, "statement_hash", columns=("hash", "statement"))
        else:
            database.cursor().executemany("INSERT OR IGNORE INTO statement_hash VALUES (?, ?)", pairs)


def replicate(database, target_quotes: int) -> int:
    """Grow the base in ``database`` to about ``target_quotes`` quotes; the number it has."""
    postgres = db.is_postgres()
    base = database.execute_sql("SELECT COUNT(*) FROM quote").fetchone()[0]
    per_article = database.execute_sql(
        "SELECT article_id, COUNT(*) FROM quote GROUP BY article_id ORDER BY article_id"
    ).fetchall()
    full, rest = divmod(max(target_quotes - base, 0), base)
    last, running = None, 0
    for article_id, n in per_article:
        running += n
        if running >= rest:
            last = article_id
            break
    with database.atomic():
        _copies_table(database, full, last if rest else None)
        _replicate_rows(database, postgres)
        database.execute_sql("UPDATE speaker SET quote_count = 0, article_count = 0")
        database.execute_sql("DELETE FROM speaker_verdict")
        for sql in m0003_archive_scale._COUNTS:  # the migration's backfill of counts (not of hashes)
            database.execute_sql(sql)
        database.execute_sql("DROP TABLE copies")
    with database.atomic():
        _hash_copies(database, postgres)
    if postgres:
        for table in ("article", "speaker", "speakeralias", "statement", "quote", "claim"):
            database.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )
    # PostgreSQL: vacuumed as autovacuum would soon do on a live archive (the visibility map lets
    # index-only scans stay in the index; unvacuumed copies send every one of them to the heap).
    database.execute_sql("VACUUM ANALYZE" if postgres else "ANALYZE")
    return database.execute_sql("SELECT COUNT(*) FROM quote").fetchone()[0]


def copy_sqlite(source: str, target: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)
        elif os.path.exists(target + suffix):
            os.remove(target + suffix)
