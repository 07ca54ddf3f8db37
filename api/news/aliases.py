"""Finding speakers by part of a name, through a trigram index on their aliases.

Every name a speaker was given is one of its aliases (folded: case and accents
removed), so searching aliases finds names too. SQLite answers through the FTS5
table ``speaker_alias_fts`` (tokenizer ``trigram``, migration 0003), PostgreSQL through a
GIN ``gin_trgm_ops`` index on ``speaker_search.names``, a speaker's folded aliases in one row
(migration 0011; without the ``pg_trgm`` extension the same query scans). A fragment shorter
than a trigram, which neither index can look up, is looked up in ``speaker_gram`` (every letter
and pair of letters of a speaker's aliases, migration 0009) on both. A search with many
matches walks speakers most quoted first instead, testing ``Speaker.names`` (migration 0008).
"""

from __future__ import annotations

from peewee import SQL, fn

from ..core.text import like_escape, like_pattern
from ..db import database, is_postgres
from ..db.models import like
from .models import Speaker, SpeakerAlias, SpeakerGram, SpeakerSearch

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
    """The SQL parameters of a search for ``fragment`` (folded): its LIKE pattern (``like``, which a
    walk tests ``Speaker.names`` with on SQLite, and PostgreSQL's count ``speaker_search.names``);
    on SQLite, when it is at least a trigram long, its FTS5 phrase (``fts``); shorter than a
    trigram, the fragment itself (``gram``: its matches are the rows of ``speaker_gram`` under it,
    on both backends); on PostgreSQL the fragment as ``text``, which the walk tests each speaker's
    ``names`` for by ``strpos`` (``names_containing``: 0.05-0.1 ms less than LIKE over the ~700
    speakers ``trump`` walks at 100k quotes). The queries below take these as given, so that a
    search's SQL is the same for every fragment of its kind (``db.prepared``: the terms are
    parameters, not part of the shape)."""
    terms = {"like": like_pattern(fragment)}
    if is_postgres():
        terms["text"] = fragment
    if len(fragment) < TRIGRAM:
        terms["gram"] = fragment
    elif not is_postgres():
        terms["fts"] = fts_phrase(fragment)
    return terms


def speakers_containing(terms: dict):
    """Ids of the speakers with an alias containing the fragment of ``terms``: a subquery, one row per
    speaker, but per alias on SQLite for a fragment of a trigram or more (``speaker_ids_containing``
    counts those)."""
    if "gram" in terms:
        return SpeakerGram.select(SpeakerGram.speaker_id).where(SpeakerGram.gram == terms["gram"])
    if "text" in terms:  # PostgreSQL: a speaker's names in one row, under a trigram index (0011)
        return SpeakerSearch.select(SpeakerSearch.speaker_id).where(like(SpeakerSearch.names, terms["like"]))
    return SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.id.in_(_fts_rows(terms["fts"])))


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
    return like(Speaker.names, terms["like"])


def speaker_ids_containing(terms: dict):
    """The distinct ids of the speakers with an alias containing the fragment of ``terms``, for counting
    them: on SQLite the SQL of a join driven by the trigram index, which stops at the count's limit (an
    ``IN (SELECT rowid ...)`` reads every match first); for a fragment shorter than a trigram, the rows
    of ``speaker_gram`` under it, one per speaker, read from its key up to the count's limit (it was a
    scan of every alias on SQLite, of every speaker's ``names`` on PostgreSQL: 22 ms for 'qz' at 100k
    quotes there); on PostgreSQL the rows of ``speaker_search``, one per speaker, which a LIMIT stops
    (the DISTINCT over aliases it replaced read every match first)."""
    if "fts" not in terms:
        return speakers_containing(terms)
    return _fts_speakers(terms["fts"], distinct=True)


def speakers_matched(terms: dict):
    """SQLite: the speaker of every alias containing the fragment of ``terms``, one row per alias, read
    from an index that stops at a LIMIT (``db.sorting``: a search's first page sorted from its matches
    read up to a bound); None on PostgreSQL, whose search is one statement (``db.walks``)."""
    if is_postgres():
        return None
    if "gram" in terms:
        return speakers_containing(terms)
    return _fts_speakers(terms["fts"])


def _fts_speakers(phrase: str, distinct: bool = False):
    """SQLite: the SQL of the speakers of the aliases matching the FTS5 ``phrase``, one row per alias
    (``distinct``: per speaker), a join driven by the trigram index, which stops at a LIMIT."""
    return SQL(
        f"SELECT {'DISTINCT ' if distinct else ''}a.speaker_id FROM speaker_alias_fts AS f "
        f"JOIN speakeralias AS a ON a.id = f.rowid WHERE speaker_alias_fts MATCH {database.param}",
        [phrase],
    )
