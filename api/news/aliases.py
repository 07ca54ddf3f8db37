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

from peewee import SQL, fn

from ..core.text import like_escape, like_pattern
from ..db import database, is_postgres
from ..db.models import like
from .models import Speaker, SpeakerAlias

TRIGRAM = 3


def _fts_rows(phrase: str):
    """SQLite: the alias rows whose folded form matches the FTS5 ``phrase`` (``fts_phrase``)."""
    return SQL(
        f"(SELECT rowid FROM speaker_alias_fts WHERE speaker_alias_fts MATCH {database.param})", [phrase]
    )


def fts_phrase(fragment: str) -> str:
    """The FTS5 phrase of ``fragment``: 'o"k' -> '"o""k"'."""
    return '"' + fragment.replace('"', '""') + '"'


def search_terms(fragment: str) -> dict:
    """The SQL parameters of a search for ``fragment`` (folded): its LIKE pattern (``like``), and on
    SQLite, when it is at least a trigram long, its FTS5 phrase (``fts``); on PostgreSQL a fragment
    shorter than a trigram gives its pattern as ``names`` instead (its matches are counted on the
    speaker rows, ``speaker_ids_containing``), and every fragment its text as ``text``, which the
    walk tests each speaker's ``names`` for by ``strpos`` (``names_containing``: 0.05-0.1 ms less
    than LIKE over the ~700 speakers ``trump`` walks at 100k quotes). The queries below take these
    as given, so that a search's SQL is the same for every fragment of its kind (``db.prepared``:
    the terms are parameters, not part of the shape)."""
    if is_postgres():
        kind = "like" if len(fragment) >= TRIGRAM else "names"
        return {kind: like_pattern(fragment), "text": fragment}
    terms = {"like": like_pattern(fragment)}
    if len(fragment) >= TRIGRAM:
        terms["fts"] = fts_phrase(fragment)
    return terms


def _pattern(terms: dict) -> str:
    return terms["like"] if "like" in terms else terms["names"]


def containing(terms: dict):
    """A condition on SpeakerAlias: its folded form contains the fragment of ``terms``."""
    if "fts" not in terms:
        return like(SpeakerAlias.folded, _pattern(terms))
    return SpeakerAlias.id.in_(_fts_rows(terms["fts"]))


def speakers_containing(terms: dict):
    """Ids of the speakers with an alias containing the fragment of ``terms``: a subquery."""
    return SpeakerAlias.select(SpeakerAlias.speaker).where(containing(terms))


def speakers_with_surname(word: str):
    """Ids of the speakers with an alias that is ``word`` or ends with it (' austin'): a subquery."""
    ends = like(SpeakerAlias.folded, f"% {like_escape(word)}")
    if not is_postgres() and len(word) >= TRIGRAM:
        ends = SpeakerAlias.id.in_(_fts_rows(fts_phrase(word))) & ends
    return SpeakerAlias.select(SpeakerAlias.speaker).where((SpeakerAlias.folded == word) | ends)


def names_containing(terms: dict):
    """A condition on one speaker row: one of its names (``Speaker.names``, every folded alias) contains
    the fragment of ``terms``. Read from the row itself (the list's index carries it), for a search that
    walks speakers in list order rather than reading every match."""
    if "text" in terms:  # PostgreSQL: strpos is a plain substring test, cheaper per row than LIKE
        return fn.strpos(Speaker.names, terms["text"]) > 0
    return like(Speaker.names, _pattern(terms))


def speaker_ids_containing(terms: dict):
    """The distinct ids of the speakers with an alias containing the fragment of ``terms``, for counting
    them: on SQLite the SQL of a join driven by the trigram index, which stops at the count's limit (an
    ``IN (SELECT rowid ...)`` reads every match first); on PostgreSQL, for a fragment shorter than a
    trigram, the speakers whose ``names`` hold it (the trigram index gave 24,000 candidate aliases
    for 'ru' at 100k quotes, 7 ms; the list's index, which carries ``names``, stops at the count's
    limit); else a DISTINCT query."""
    if "names" in terms:
        return Speaker.select(Speaker.id).where(names_containing(terms))
    if "fts" not in terms:
        return speakers_containing(terms).distinct(True)
    return SQL(
        "SELECT DISTINCT a.speaker_id FROM speaker_alias_fts AS f JOIN speakeralias AS a ON a.id = f.rowid "
        f"WHERE speaker_alias_fts MATCH {database.param}",
        [terms["fts"]],
    )
