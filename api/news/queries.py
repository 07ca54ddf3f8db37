"""Reads of the news record: articles, quotes, speakers and statements, for lists and details.

A ``get_*`` function raises ``NotFound``; an ``annotate_*`` function attaches what a
page of rows needs (counts, aliases) to all of them in a few queries.
"""

from __future__ import annotations

from peewee import JOIN, SQL, fn

from ..core.errors import NotFound
from ..core.text import fold, like_pattern
from ..db.models import in_range, like
from .models import ARTICLE_REF, Article, Quote, Speaker, SpeakerAlias, Statement

_SPEAKER_REF = (Speaker.id, Speaker.name, Speaker.title, Speaker.kind)


def get_article(article_id: int) -> Article:
    return _found(Article.get_or_none(Article.id == article_id), "article", article_id)


def get_speaker(speaker_id: int) -> Speaker:
    return _found(Speaker.get_or_none(Speaker.id == speaker_id), "speaker", speaker_id)


def get_quote(quote_id: int) -> Quote:
    return _found(_quote_query().where(Quote.id == quote_id).first(), "quote", quote_id)


def get_statement(statement_id: int) -> Statement:
    query = Statement.select(Statement, Speaker).join(Speaker, JOIN.LEFT_OUTER)
    return _found(query.where(Statement.id == statement_id).first(), "statement", statement_id)


def _found(row, kind: str, row_id: int):
    if row is None:
        raise NotFound(f"No {kind} with id {row_id}.")
    return row


def articles(args: dict):
    """Article summaries, newest first (published, else stored), with their quote counts."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.article == Article.id)
    query = Article.select(*ARTICLE_REF, Article.language, Article.created_at, count.alias("quote_count"))
    query = query.order_by(Article.dated_at.desc(), Article.id.desc())
    if args.get("publisher"):
        query = query.where(Article.publisher == args["publisher"])
    return in_range(query, Article.dated_at, args)


def article_detail(article: Article) -> Article:
    """The article with ``quotes`` (in reading order), ``speakers`` and ``quote_count`` attached."""
    article.quotes = list(
        _quote_query(ordered=False).where(Quote.article == article.id).order_by(Quote.position)
    )
    seen = {}
    for q in article.quotes:
        if q.speaker is not None:
            seen.setdefault(q.speaker.id, q.speaker)
    article.speakers = list(seen.values())
    article.quote_count = len(article.quotes)
    return article


def _quote_query(ordered: bool = True):
    query = (
        Quote.select(Quote, *ARTICLE_REF, *_SPEAKER_REF)
        .join(Article)
        .switch(Quote)
        .join(Speaker, JOIN.LEFT_OUTER)
    )
    if ordered:
        query = query.order_by(Quote.dated_at.desc(), Quote.article.desc(), Quote.position)
    return query


def quotes(args: dict):
    """Quotes filtered by speaker, article, publisher and date range, newest first."""
    query = _quote_query()
    for name, column in (
        ("speaker", Quote.speaker),
        ("article", Quote.article),
        ("publisher", Quote.publisher),
    ):
        if args.get(name) is not None:
            query = query.where(column == args[name])
    return in_range(query, Quote.dated_at, args)


def speakers(args: dict):
    """Speakers whose name or an alias contains ``q`` (folded), most quoted first."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.speaker == Speaker.id)
    query = Speaker.select(Speaker, count.alias("quote_count")).order_by(
        SQL("quote_count").desc(), Speaker.id
    )
    if args.get("q"):
        pattern = like_pattern(fold(args["q"]))
        by_alias = SpeakerAlias.select(SpeakerAlias.speaker).where(like(SpeakerAlias.folded, pattern))
        query = query.where(like(Speaker.folded, pattern) | Speaker.id.in_(by_alias))
    return query


def annotate_speakers(rows: list) -> list:
    """Attach aliases and quote statistics (quotes, articles, first and last quoted) to speakers."""
    ids = [s.id for s in rows]
    if not ids:
        return rows
    aliases: dict[int, list[str]] = {i: [] for i in ids}
    for a in SpeakerAlias.select().where(SpeakerAlias.speaker.in_(ids)).order_by(SpeakerAlias.id):
        aliases[a.speaker_id].append(a.alias)
    stats = {
        row[0]: row[1:]
        for row in (
            Quote.select(
                Quote.speaker,
                fn.COUNT(Quote.id),
                fn.COUNT(Quote.article.distinct()),
                fn.MIN(Quote.dated_at),
                fn.MAX(Quote.dated_at),
            )
            .where(Quote.speaker.in_(ids))
            .group_by(Quote.speaker)
            .tuples()
        )
    }
    for s in rows:
        s.aliases = aliases[s.id]
        s.quote_count, s.article_count, s.first_quoted_at, s.last_quoted_at = stats.get(
            s.id, (0, 0, None, None)
        )
    return rows


def statements(args: dict):
    """Statements by speaker, first-seen date and number of appearances; newest first."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.statement == Statement.id)
    query = (
        Statement.select(Statement, Speaker)
        .join(Speaker, JOIN.LEFT_OUTER)
        .order_by(Statement.first_seen_at.desc(), Statement.id.desc())
    )
    if args.get("speaker") is not None:
        query = query.where(Statement.speaker == args["speaker"])
    query = in_range(query, Statement.first_seen_at, args)
    if args.get("min_appearances"):
        query = query.where(count >= args["min_appearances"])
    return query


def annotate_statements(rows: list) -> list:
    """Attach ``appearance_count`` to statements."""
    counts = appearance_counts({s.id for s in rows})
    for s in rows:
        s.appearance_count = counts.get(s.id, 0)
    return rows


def appearance_counts(statement_ids) -> dict[int, int]:
    """Statement id -> how many quotes are appearances of it."""
    if not statement_ids:
        return {}
    rows = (
        Quote.select(Quote.statement, fn.COUNT(Quote.id))
        .where(Quote.statement.in_(list(statement_ids)))
        .group_by(Quote.statement)
        .tuples()
    )
    return dict(rows)


def appearances(statement_id: int) -> list[Quote]:
    """Where a statement appeared, earliest first, each quote with its article."""
    query = Quote.select(Quote, *ARTICLE_REF).join(Article).where(Quote.statement == statement_id)
    return list(query.order_by(Quote.dated_at, Quote.id))


def statement_detail(statement: Statement) -> Statement:
    """The statement with its ``appearances`` (earliest first) and their count attached."""
    statement.appearances = appearances(statement.id)
    statement.appearance_count = len(statement.appearances)
    return statement
