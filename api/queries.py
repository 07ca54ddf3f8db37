"""Reads: the queries behind every list and detail view."""
from __future__ import annotations

from flask import abort
from peewee import JOIN, SQL, fn

from . import fact_queries
from .models import ARTICLE_REF, Article, Claim, Quote, Review, Speaker, SpeakerAlias, Statement, in_range, like
from .textutil import fold, like_pattern

_SPEAKER_REF = (Speaker.id, Speaker.name, Speaker.title, Speaker.kind)


def article_or_404(article_id: int) -> Article:
    return Article.get_or_none(Article.id == article_id) or abort(404, f"No article with id {article_id}.")


def speaker_or_404(speaker_id: int) -> Speaker:
    return Speaker.get_or_none(Speaker.id == speaker_id) or abort(404, f"No speaker with id {speaker_id}.")


def quote_or_404(quote_id: int) -> Quote:
    found = _quote_query().where(Quote.id == quote_id).first()
    return found or abort(404, f"No quote with id {quote_id}.")


def articles(args: dict):
    """Article summaries, newest first (published, else stored), with their quote counts."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.article == Article.id)
    query = (Article.select(Article.id, Article.url, Article.title, Article.publisher,
                            Article.published_at, Article.language, Article.created_at,
                            count.alias("quote_count"))
             .order_by(Article.dated_at.desc(), Article.id.desc()))
    if args.get("publisher"):
        query = query.where(Article.publisher == args["publisher"])
    return in_range(query, Article.dated_at, args)


def article_detail(article: Article) -> Article:
    """The article with ``quotes`` (in reading order), ``speakers`` and ``quote_count`` attached."""
    article.quotes = list(_quote_query(ordered=False).where(Quote.article == article.id)
                          .order_by(Quote.position))
    seen = {}
    for q in article.quotes:
        if q.speaker is not None:
            seen.setdefault(q.speaker.id, q.speaker)
    article.speakers = list(seen.values())
    article.quote_count = len(article.quotes)
    article.alerts = fact_queries.alerts(article.quotes)
    return article


def _quote_query(ordered: bool = True):
    query = (Quote.select(Quote, *ARTICLE_REF, *_SPEAKER_REF)
             .join(Article).switch(Quote).join(Speaker, JOIN.LEFT_OUTER))
    if ordered:
        query = query.order_by(Quote.dated_at.desc(), Quote.article.desc(), Quote.position)
    return query


def quotes(args: dict):
    """Quotes filtered by speaker, article, publisher and date range, newest first."""
    query = _quote_query()
    for name, column in (("speaker", Quote.speaker), ("article", Quote.article),
                         ("publisher", Quote.publisher)):
        if args.get(name) is not None:
            query = query.where(column == args[name])
    return in_range(query, Quote.dated_at, args)


def speakers(args: dict):
    """Speakers whose name or an alias contains ``q`` (folded), most quoted first."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.speaker == Speaker.id)
    query = Speaker.select(Speaker, count.alias("quote_count")).order_by(
        SQL("quote_count").desc(), Speaker.id)
    if args.get("q"):
        pattern = like_pattern(fold(args["q"]))
        by_alias = SpeakerAlias.select(SpeakerAlias.speaker).where(like(SpeakerAlias.folded, pattern))
        query = query.where(like(Speaker.folded, pattern) | Speaker.id.in_(by_alias))
    return query


def annotate_speakers(rows: list) -> list:
    """Attach aliases, quote statistics, claim and verdict counts to a page of speakers."""
    ids = [s.id for s in rows]
    if not ids:
        return rows
    aliases: dict[int, list[str]] = {i: [] for i in ids}
    for a in SpeakerAlias.select().where(SpeakerAlias.speaker.in_(ids)).order_by(SpeakerAlias.id):
        aliases[a.speaker_id].append(a.alias)
    stats = {row[0]: row[1:] for row in (
        Quote.select(Quote.speaker, fn.COUNT(Quote.id), fn.COUNT(Quote.article.distinct()),
                     fn.MIN(Quote.dated_at), fn.MAX(Quote.dated_at))
        .where(Quote.speaker.in_(ids)).group_by(Quote.speaker).tuples())}
    claims = dict(Claim.select(Statement.speaker, fn.COUNT(Claim.id)).join(Statement)
                  .where(Statement.speaker.in_(ids)).group_by(Statement.speaker).tuples())
    verdicts: dict[int, dict[str, int]] = {i: {} for i in ids}
    for speaker_id, label, n in (Review.select(Statement.speaker, Review.rating_label, fn.COUNT(Review.id))
                                 .join(Claim).join(Statement).where(Statement.speaker.in_(ids))
                                 .group_by(Statement.speaker, Review.rating_label).tuples()):
        verdicts[speaker_id][label] = n
    for s in rows:
        s.aliases = aliases[s.id]
        s.claim_count, s.verdicts = claims.get(s.id, 0), verdicts[s.id]
        s.quote_count, s.article_count, s.first_quoted_at, s.last_quoted_at = stats.get(s.id, (0, 0, None, None))
    return rows
