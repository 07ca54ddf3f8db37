"""Finding speakers by part of a name, through a trigram index on their aliases.

Every name a speaker was given is one of its aliases (folded: case and accents
removed), so searching aliases finds names too. SQLite answers through the FTS5
table ``speaker_alias_fts`` (tokenizer ``trigram``), PostgreSQL through a GIN
``gin_trgm_ops`` index on ``speakeralias.folded`` (both made by migration 0003;
without the ``pg_trgm`` extension the same query scans). A fragment shorter
than a trigram cannot use either index and is looked up by scanning. A search with many
matches walks speakers most quoted first instead, testing ``Speaker.names`` (migration 0008).
"""

from __future__ import annotations

from peewee import SQL

from ..core.text import like_escape, like_pattern
from ..db import database, is_postgres
from ..db.models import like
from .models import Speaker, SpeakerAlias

TRIGRAM = 3


def _fts_rows(fragment: str):
    """SQLite: the alias rows whose folded form contains ``fragment`` (at least a trigram long)."""
    phrase = '"' + fragment.replace('"', '""') + '"'
    return SQL(
        f"(SELECT rowid FROM speaker_alias_fts WHERE speaker_alias_fts MATCH {database.param})", [phrase]
    )


def containing(fragment: str):
    """A condition on SpeakerAlias: its folded form contains ``fragment`` (already folded)."""
    if is_postgres() or len(fragment) < TRIGRAM:
        return like(SpeakerAlias.folded, like_pattern(fragment))
    return SpeakerAlias.id.in_(_fts_rows(fragment))


def speakers_containing(fragment: str):
    """Ids of the speakers with an alias containing ``fragment``: a subquery."""
    return SpeakerAlias.select(SpeakerAlias.speaker).where(containing(fragment))


def speakers_with_surname(word: str):
    """Ids of the speakers with an alias that is ``word`` or ends with it (' austin'): a subquery."""
    ends = like(SpeakerAlias.folded, f"% {like_escape(word)}")
    if not is_postgres() and len(word) >= TRIGRAM:
        ends = SpeakerAlias.id.in_(_fts_rows(word)) & ends
    return SpeakerAlias.select(SpeakerAlias.speaker).where((SpeakerAlias.folded == word) | ends)


def names_containing(fragment: str):
    """A condition on one speaker row: one of its names (``Speaker.names``, every folded alias) contains
    ``fragment``. Read from the row itself (the list's index carries it), for a search that walks
    speakers in list order rather than reading every match."""
    return like(Speaker.names, like_pattern(fragment))


def speaker_ids_containing(fragment: str):
    """The distinct ids of the speakers with an alias containing ``fragment``, for counting them: on
    SQLite the SQL of a join driven by the trigram index, which stops at the count's limit (an
    ``IN (SELECT rowid ...)`` reads every match first); else a DISTINCT query."""
    if is_postgres() or len(fragment) < TRIGRAM:
        return speakers_containing(fragment).distinct(True)
    phrase = '"' + fragment.replace('"', '""') + '"'
    return SQL(
        "SELECT DISTINCT a.speaker_id FROM speaker_alias_fts AS f JOIN speakeralias AS a ON a.id = f.rowid "
        f"WHERE speaker_alias_fts MATCH {database.param}",
        [phrase],
    )
