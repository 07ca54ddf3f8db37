"""Writes of articles: create one with its quotes' rows, delete one (its quotes go with it)."""

from __future__ import annotations

from collections import Counter

from ..core.text import digest
from ..db.models import chunks, utcnow
from ..events.log import write
from . import queries
from .models import Article, Quote
from .speakers import count_quotes, lock_speakers, refresh_quoted_span
from .statements import add_appearances, refresh_first_seen

_BATCH = 100  # quote rows per INSERT


def dedupe_key(url: str | None, text: str) -> str:
    """Same url, or same text when there is no url: the same article."""
    return f"url:{digest(url.strip())}" if url else f"text:{digest(text)}"


def create_article(key: str, data: dict) -> Article:
    """A new article row from the request ``data``; dated by its publication, else now."""
    now = utcnow()
    fields = {k: data.get(k) for k in ("url", "title", "publisher", "published_at", "language")}
    return Article.create(
        dedupe_key=key, text=data["text"], created_at=now, dated_at=data.get("published_at") or now, **fields
    )


def quote_row(
    article: Article, position: int, found, speaker_id: int | None, statement_id: int | None
) -> dict:
    """The columns of a stored quote: an engine Quote ``found`` in ``article``."""
    return {
        "article": article.id,
        "speaker": speaker_id,
        "statement": statement_id,
        "position": position,
        "start": found.start,
        "end": found.end,
        "text": found.text,
        "kind": found.kind,
        "confidence": found.confidence,
        **_span_columns("mention", found.mention),
        **_span_columns("cue", found.cue),
        "publisher": article.publisher,
        "dated_at": article.dated_at,
    }


def _span_columns(prefix: str, span) -> dict:
    """An engine Span as the columns ``prefix_text``, ``prefix_start``, ``prefix_end``."""
    return {f"{prefix}_{part}": getattr(span, part) if span else None for part in ("text", "start", "end")}


def insert_quotes(rows: list[dict]) -> None:
    for part in chunks(rows, _BATCH):
        Quote.insert_many(part).execute()


def delete_article(article_id: int) -> None:
    """Delete the article and its quotes; speakers, statements, claims and verdicts stay (their counts
    and dates follow)."""
    article = queries.get_article(article_id)

    def work(changes):
        quoted = list(Quote.select(Quote.speaker, Quote.statement).where(Quote.article == article).tuples())
        speaker_ids = [speaker_id for speaker_id, _ in quoted]
        lock_speakers(set(speaker_ids) - {None})
        appearances = Counter(sid for _, sid in quoted if sid)
        Quote.delete().where(Quote.article == article).execute()
        Article.delete().where(Article.id == article.id).execute()
        count_quotes(speaker_ids, article.dated_at, sign=-1)
        refresh_quoted_span(speaker_ids)
        add_appearances({sid: -n for sid, n in appearances.items()})
        refresh_first_seen(set(appearances))
        changes.append(("article", article.id, "deleted"))
        changes += [("statement", i, "updated") for i in sorted(appearances)]

    write(work)
