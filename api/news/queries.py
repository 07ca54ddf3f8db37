"""Reads of the news record: articles, quotes, speakers and statements, for lists and details.

A ``get_*`` function raises ``NotFound``; a list function returns a ``db.paging.Listing``
(its query in list order, and the base-table query its total counts); an ``annotate_*``
function attaches what a page of rows needs (aliases) to all of them in one query.
Counts shown on speakers and statements are columns kept by the write path.
"""

from __future__ import annotations

from typing import NamedTuple

from peewee import JOIN, fn

from ..core.errors import Moved, NotFound
from ..core.text import fold
from ..db import is_postgres
from ..db.models import in_range
from ..db.paging import Deferred, Listing
from ..db.prepared import STATEMENTS, compile_in
from .aliases import (
    names_containing,
    search_terms,
    speaker_ids_containing,
    speakers_containing,
    speakers_matched,
)
from .models import (
    ARTICLE_REF,
    QUOTE_ORDER,
    Article,
    ArticleRevision,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    Statement,
)

_SPEAKER_REF = (Speaker.id, Speaker.name, Speaker.title, Speaker.kind)
# What a speaker list's item shows (schemas.speakers.speaker_item): not the key, folded name or
# names, which only find speakers (``names``, every alias: 60 characters a row on average)
_SPEAKER_LISTED = (
    *_SPEAKER_REF,
    Speaker.quote_count,
    Speaker.article_count,
    Speaker.claim_count,
    Speaker.first_quoted_at,
    Speaker.last_quoted_at,
    Speaker.created_at,
    Speaker.updated_at,
    Speaker.same_as,
    Speaker.aliases_json,
)


def _by_id(key: str, query, row_id: int):
    """The row of ``query()`` (a select of one model) with this id, or None; the query is built only the
    first time (its SQL is kept under ``key``)."""
    statement = STATEMENTS.get((__name__, key, 1), lambda: _by_id_statement(query()))
    found = statement.models((row_id,))
    return found[0] if found else None


def _by_id_statement(query):
    return compile_in(lambda ids: query.where(query.model.id == ids[0]), query.model.id, 1)


def get_article(article_id: int) -> Article:
    return _found(_by_id("article", Article.select, article_id), "article", article_id)


def get_speaker(speaker_id: int) -> Speaker:
    """The speaker; one merged into another raises ``Moved`` to it (the end of a chain of merges)."""
    speaker = _by_id("speaker", Speaker.select, speaker_id)
    if speaker is None:
        merged = SpeakerMerge.get_or_none(SpeakerMerge.old_id == speaker_id)
        if merged is not None:
            raise Moved(
                f"Speaker {speaker_id} was merged into speaker {merged.speaker_id}.", merged.speaker_id
            )
    return _found(speaker, "speaker", speaker_id)


def get_quote(quote_id: int) -> Quote:
    return _found(_by_id("quote", lambda: _quote_query(ordered=False), quote_id), "quote", quote_id)


def get_statement(statement_id: int) -> Statement:
    query = Statement.select(Statement, Speaker).join(Speaker, JOIN.LEFT_OUTER)
    return _found(query.where(Statement.id == statement_id).first(), "statement", statement_id)


def _found(row, kind: str, row_id: int):
    if row is None:
        raise NotFound(f"No {kind} with id {row_id}.")
    return row


def _filtered(query, args: dict, columns: tuple):
    for name, column in columns:
        if args.get(name) is not None:
            query = query.where(column == args[name])
    return query


def _ordered(query, order: tuple):
    return query.order_by(*(field.desc() if desc else field.asc() for field, desc in order))


_ARTICLE_ORDER = ((Article.dated_at, True), (Article.id, True))


def articles(args: dict) -> Deferred:
    """Article summaries, newest first (published, else stored), with their quote counts."""
    return Deferred(lambda _: _articles(args), _ARTICLE_ORDER)


def _articles(args: dict) -> Listing:
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.article == Article.id)
    order = _ARTICLE_ORDER
    base = in_range(
        _filtered(Article.select(), args, (("publisher", Article.publisher),)), Article.dated_at, args
    )
    query = base.select(
        *ARTICLE_REF,
        Article.language,
        Article.created_at,
        Article.updated_at,
        Article.revision,
        Article.dated_at,
        count.alias("quote_count"),
    )
    return Listing(_ordered(query, order), order, base)


class QuoteRef(NamedTuple):
    """What alerts need of a quote: its words, speaker and statement."""

    id: int
    text: str
    speaker_id: int | None
    statement_id: int | None


def article_detail(article: Article, limit: int) -> Article:
    """The article with every quote as a raw row (``quote_rows``, reading order, one query: the first
    ``limit`` are ``quotes``, the rest a link), ``quote_count``, the row of each speaker's first quote
    (``speaker_rows``, in order of first appearance) and, for alerts, every quote's words (``all_quotes``)."""
    every = _quote_query(ordered=False).order_by(Quote.position)
    statement = STATEMENTS.get(
        (__name__, "article quotes"),
        lambda: compile_in(lambda a: every.where(Quote.article == a[0]), Quote.article, 1),
    )
    rows = statement.run((article.id,))
    article.quote_rows, article.quotes, article.quote_count = rows, rows[:limit], len(rows)
    article.all_quotes = [
        QuoteRef(r["Quote.id"], r["Quote.text"], r["Quote.speaker"], r["Quote.statement"]) for r in rows
    ]
    first: dict[int, dict] = {}
    for r in rows:
        if r["Quote.speaker"] is not None:
            first.setdefault(r["Quote.speaker"], r)
    article.speaker_rows = list(first.values())
    return article


def revisions(article_id: int) -> Listing:
    """An article's revisions, newest first."""
    order = ((ArticleRevision.number, True),)
    base = ArticleRevision.select().where(ArticleRevision.article == article_id)
    return Listing(base.order_by(ArticleRevision.number.desc()), order, base)


def _quote_query(ordered: bool = True):
    query = (
        Quote.select(Quote, *ARTICLE_REF, *_SPEAKER_REF)
        .join(Article)
        .switch(Quote)
        .join(Speaker, JOIN.LEFT_OUTER)
    )
    return _ordered(query, QUOTE_ORDER) if ordered else query


def quotes(args: dict) -> Deferred:
    """Quotes filtered by speaker, article, publisher and date range, newest first (an article's in
    reading order)."""
    slots = {name: args[name] for name in ("speaker", "article") if args.get(name) is not None}

    def build(values: tuple) -> Listing:  # the ids as given, or markers in their place
        return _quotes({**args, **dict(zip(slots, values, strict=True))})

    return Deferred(build, QUOTE_ORDER, slots=slots)


def _quotes(args: dict) -> Listing:
    columns = (("speaker", Quote.speaker), ("article", Quote.article), ("publisher", Quote.publisher))
    base = in_range(_filtered(Quote.select(), args, columns), Quote.dated_at, args)
    query = in_range(_filtered(_quote_query(), args, columns), Quote.dated_at, args)
    return Listing(query, QUOTE_ORDER, base)


_SPEAKER_ORDER = ((Speaker.quote_count, True), (Speaker.id, True))


def speakers(args: dict, columns=None) -> Deferred:
    """Speakers whose name or an alias contains ``q`` (folded), most quoted first. The search's terms
    are parameters of its SQL (``slots``): one statement serves every word of a kind. ``columns``: a
    function of ``Speaker.id`` giving more columns for each row (named: ``.alias()``)."""
    more = columns or (lambda _: ())
    if not args.get("q"):
        return Deferred(lambda _: _speakers(None, more), _SPEAKER_ORDER)
    slots = {f"q:{kind}": term for kind, term in search_terms(fold(args["q"])).items()}

    def build(values: tuple) -> Listing:  # the terms as given, or markers in their place
        return _speakers({name.split(":")[1]: v for name, v in zip(slots, values, strict=True)}, more)

    return Deferred(build, _SPEAKER_ORDER, search=True, walks=True, slots=slots, bounds=not is_postgres())


def _speakers(terms: dict | None, more) -> Listing:
    order = _SPEAKER_ORDER
    base, listed = Speaker.select(), Speaker.select(*_SPEAKER_LISTED, *more(Speaker.id))
    if terms is None:
        return Listing(_ordered(listed, order), order, base)
    matching = Speaker.id.in_(speakers_containing(terms))
    found = base.where(matching)
    walk = (base, names_containing(terms))
    rows = _ordered(listed.where(matching), order)
    total = speaker_ids_containing(terms)
    return Listing(rows, order, found, walk, total, search=True, bounded=speakers_matched(terms))


def _aliases_query(ids):
    query = SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.alias)
    return query.where(SpeakerAlias.speaker.in_(ids)).order_by(SpeakerAlias.id)


def aliases_of(ids: list[int]) -> dict[int, list[str]]:
    """Each speaker's aliases, in the order they were given (one query, its SQL built once per count)."""
    aliases: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        statement = STATEMENTS.get(
            ("aliases", len(ids)), lambda: compile_in(_aliases_query, SpeakerAlias.speaker, len(ids))
        )
        for row in statement.run(tuple(ids)):
            aliases[row["SpeakerAlias.speaker"]].append(row["SpeakerAlias.alias"])
    return aliases


def annotate_speakers(rows: list) -> list:
    """Attach aliases to speakers (their counts are columns)."""
    aliases = aliases_of([s.id for s in rows])
    for s in rows:
        s.aliases = aliases[s.id]
    return rows


_STATEMENT_ORDER = ((Statement.first_seen_at, True), (Statement.id, True))


def statements(args: dict) -> Deferred:
    """Statements by speaker, first-seen date and number of appearances; newest first."""
    return Deferred(lambda _: _statements(args), _STATEMENT_ORDER)


def _statements(args: dict) -> Listing:
    order = _STATEMENT_ORDER
    base = in_range(
        _filtered(Statement.select(), args, (("speaker", Statement.speaker),)), Statement.first_seen_at, args
    )
    if args.get("min_appearances"):
        base = base.where(Statement.appearance_count >= args["min_appearances"])
    query = base.select(Statement, Speaker).join(Speaker, JOIN.LEFT_OUTER)
    return Listing(_ordered(query, order), order, base)


def appearances(statement_id: int) -> list[Quote]:
    """Where a statement appeared, earliest first, each quote with its article."""
    query = Quote.select(Quote, *ARTICLE_REF).join(Article).where(Quote.statement == statement_id)
    return list(query.order_by(Quote.dated_at, Quote.id))


def statement_detail(statement: Statement) -> Statement:
    """The statement with its ``appearances`` (earliest first) attached."""
    statement.appearances = appearances(statement.id)
    return statement
