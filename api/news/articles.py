"""Writes of articles: create one with its quotes' rows, delete one (its quotes go with it)."""

from __future__ import annotations

from collections import Counter

from ..core.text import digest
from ..db.models import insert_rows, utcnow
from ..events.log import write
from . import queries
from .models import Article, ArticleRevision, Quote
from .speakers import count_quotes, lock_speakers, refresh_quoted_span
from .statements import add_appearances, refresh_first_seen


def dedupe_key(url: str | None, text: str) -> str:
    """Same url, or same text when there is no url: the same article."""
    return f"url:{digest(url.strip())}" if url else f"text:{digest(text)}"


def create_article(key: str, data: dict, actor: str | None = None) -> Article:
    """A new article row from the request ``data``, and its revision 1; dated by its publication, else now."""
    now = utcnow()
    fields = {k: data.get(k) for k in ("url", "title", "publisher", "published_at", "language")}
    article = Article.create(
        dedupe_key=key,
        text=data["text"],
        created_at=now,
        updated_at=now,
        revision=1,
        dated_at=data.get("published_at") or now,
        **fields,
    )
    ArticleRevision.create(
        article=article.id, number=1, text=article.text, title=article.title, created_at=now, actor=actor
    )
    return article


QUOTE_COLUMNS = (
    Quote.article,
    Quote.speaker,
    Quote.statement,
    Quote.position,
    Quote.start,
    Quote.end,
    Quote.text,
    Quote.kind,
    Quote.confidence,
    Quote.mention_text,
    Quote.mention_start,
    Quote.mention_end,
    Quote.cue_text,
    Quote.cue_start,
    Quote.cue_end,
    Quote.publisher,
    Quote.dated_at,
)


def quote_row(
    article: Article, position: int, found, speaker_id: int | None, statement_id: int | None
) -> tuple:
    """A stored quote's columns (``QUOTE_COLUMNS`` order): an engine Quote ``found`` in ``article``."""
    mention, cue = found.mention, found.cue
    return (
        article.id,
        speaker_id,
        statement_id,
        position,
        found.start,
        found.end,
        found.text,
        found.kind,
        found.confidence,
        *((mention.text, mention.start, mention.end) if mention else (None, None, None)),
        *((cue.text, cue.start, cue.end) if cue else (None, None, None)),
        article.publisher,
        article.dated_at,
    )


def insert_quotes(rows: list[tuple], returning: tuple = ()) -> list:
    """Insert quote rows (``quote_row``); the ``returning`` columns of each, in no promised order."""
    return insert_rows(Quote, QUOTE_COLUMNS, rows, returning=returning)


def delete_article(article_id: int, actor: str | None = None) -> None:
    """Delete the article and its quotes; speakers, statements, claims and verdicts stay (their counts
    and dates follow)."""
    article = queries.get_article(article_id)

    def work(changes):
        changes.append(("article", article.id, "deleted"))
        remove_quotes(article, changes)
        Article.delete().where(Article.id == article.id).execute()

    write(work, actor=actor)


def remove_quotes(article: Article, changes: list) -> None:
    """Delete an article's quotes inside a write: their speakers (locked first) and statements keep
    true counts and dates. A revised article's re-extraction starts here, then stores anew."""
    quoted = list(Quote.select(Quote.speaker, Quote.statement).where(Quote.article == article.id).tuples())
    speaker_ids = [speaker_id for speaker_id, _ in quoted]
    lock_speakers(set(speaker_ids) - {None})
    appearances = Counter(sid for _, sid in quoted if sid)
    Quote.delete().where(Quote.article == article.id).execute()
    count_quotes(speaker_ids, article.dated_at, sign=-1)
    refresh_quoted_span(speaker_ids)
    add_appearances({sid: -n for sid, n in appearances.items()})
    refresh_first_seen(set(appearances))
    changes += [("statement", i, "updated") for i in sorted(appearances)]
