"""Article revisions: a corrected text replaces the article's quotes by difference, not wholesale.

``intake/revisions.py`` decides; these are the steps on news rows, each a few queries:

``pair_quotes``    the stored quotes that a new extraction repeats (same words, same speaker): kept
``drop_quotes``    quotes gone from the text: their statements' counts and first-seen dates follow
``keep_quotes``    kept quotes take their new places (positions, offsets, mention, cue), same ids
``add_revision``   the revision row and the article's current text (``queries.revisions`` lists them)

Positions are unique per article: kept quotes are parked at negative positions while
the new ones are inserted, then flipped back (``settle_positions``); dropped quotes are
parked below them and deleted after the insert, so that no id is ever used twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque

from ..core.errors import NotFound
from ..core.text import normalize
from ..db import is_postgres
from ..db.models import utcnow
from .articles import QUOTE_COLUMNS, dedupe_key, quote_row
from .models import Article, ArticleRevision, Quote
from .statements import add_appearances, refresh_first_seen

# The engine's columns of a quote (``news.articles.quote_row``): what a kept quote takes anew.
_ENGINE = (
    "start",
    "end",
    "text",
    "kind",
    "confidence",
    "mention_text",
    "mention_start",
    "mention_end",
    "cue_text",
    "cue_start",
    "cue_end",
)


def locked_article(article_id: int) -> Article:
    """The article, its row locked for the rest of the transaction (PostgreSQL): revisions queue."""
    query = Article.select().where(Article.id == article_id)
    article = (query.for_update() if is_postgres() else query).first()
    if article is None:
        raise NotFound(f"No article with id {article_id}.")
    return article


def pair_quotes(article: Article, wanted: list[tuple[str, int | None]]) -> tuple[list, list]:
    """(kept, removed): for each (normalized words, speaker id) wanted in reading order, the stored
    quote it repeats or None; and the stored quotes that no wanted one repeats."""
    pool: dict[tuple, deque] = defaultdict(deque)
    query = Quote.select(Quote.id, Quote.text, Quote.speaker, Quote.statement).where(
        Quote.article == article.id
    )
    for quote in query.order_by(Quote.position):
        pool[(normalize(quote.text), quote.speaker_id)].append(quote)
    kept = [pool[key].popleft() if pool.get(key) else None for key in wanted]
    removed = [quote for left in pool.values() for quote in left]
    return kept, removed


def drop_quotes(quotes: list[Quote], changes: list) -> set[int]:
    """Delete these quotes of one article: they stop being appearances of their statements, whose
    counts and first-seen dates follow (speakers' counts: ``speakers.refresh_quote_counts``); the
    ids of those statements."""
    if not quotes:
        return set()
    appearances = Counter(q.statement_id for q in quotes if q.statement_id)
    Quote.delete().where(Quote.id.in_([q.id for q in quotes])).execute()
    add_appearances({sid: -n for sid, n in appearances.items()})
    refresh_first_seen(set(appearances))
    changes += [("statement", sid, "updated") for sid in sorted(appearances)]
    return set(appearances)


def keep_quotes(article: Article, kept: list[tuple[Quote, int, object]]) -> None:
    """(stored quote, new position, engine Quote): each takes its new place, parked at -(position + 1)."""
    names = [field.name for field in QUOTE_COLUMNS]
    for quote, position, found in kept:
        row = dict(zip(names, quote_row(article, position, found, None, None), strict=True))
        updates = {name: row[name] for name in _ENGINE} | {"position": -(position + 1)}
        Quote.update(updates).where(Quote.id == quote.id).execute()


def park_quotes(quotes: list[Quote], after: int) -> None:
    """Move quotes about to be dropped out of the way of the new ones (below every parked kept quote).

    They are dropped only after the new quotes are inserted: SQLite would otherwise hand
    a dropped quote's id (the highest) to a new quote.
    """
    for j, quote in enumerate(quotes):
        Quote.update(position=-(after + 1 + j)).where(Quote.id == quote.id).execute()


def settle_positions(article: Article) -> None:
    """Flip the parked (negative) positions of kept quotes back to their own."""
    Quote.update(position=Quote.position * -1 - 1).where(
        (Quote.article == article.id) & (Quote.position < 0)
    ).execute()


def add_revision(
    article: Article, text: str, title: str | None, actor: str | None, diff: dict
) -> ArticleRevision:
    """Make ``text`` the article's current text as its next revision (``diff``: added, removed, kept)."""
    now = utcnow()
    number = article.revision + 1
    updates = {"text": text, "title": title, "revision": number, "updated_at": now}
    key = dedupe_key(article.url, text)
    if article.url is None and not Article.select().where(Article.dedupe_key == key).exists():
        updates["dedupe_key"] = key  # an article known by its text is known by its current text
    Article.update(updates).where(Article.id == article.id).execute()
    return ArticleRevision.create(
        article=article.id, number=number, text=text, title=title, created_at=now, actor=actor, **diff
    )
