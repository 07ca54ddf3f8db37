"""Ingest an article: extract its quotes, then store it with speakers, quotes, statements and claims.

Two steps, so that bulk import can run the first in other processes:

``prepare(data, threshold)``  CPU only, no database: the engine's quotes, their normalized
                              words and their check-worthy sentences (a picklable ``Prepared``)
``store(prepared)``           one write transaction: a few queries per kind of row for the whole
                              article, retried when it lost a race with a concurrent writer

``ingest`` is both, for one article (POST /articles); ``store_many`` stores a batch in one
transaction (``flask ingest``). ``match_article`` then matches the article's claims against
every fact-check (its own transaction, after the article's).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checkworthy.model import get_model as checkworthy_model
from ..core.text import normalize
from ..events.log import write
from ..extraction import extract
from ..facts.claims import add_detected_claims, scored_sentences
from ..facts.matches import Thresholds, match_claims
from ..facts.matching import FactCheckIndex
from ..facts.models import Claim
from ..matching.vectors import default_model as matching_model
from ..news.articles import create_article, dedupe_key, insert_quotes, quote_row
from ..news.models import Article, Quote
from ..news.speakers import count_quotes, resolve_speakers
from .statements import link_appearances


@dataclass(frozen=True)
class Prepared:
    """An article ready to store: the request's fields and what the engines found in its text."""

    key: str
    data: dict
    quotes: tuple  # engine Quote records, in reading order
    norms: tuple  # normalize(quote.text) of each
    sentences: tuple  # facts.claims.scored_sentences(quote.text) of each


def warm_engines() -> None:
    """Read the model files of the engines an article's storing runs beyond extraction (whose
    models load with it): check-worthiness and claim matching, each once per process. A serving
    app calls it at start-up, so that the first article a new worker stores does not wait 0.25 s
    for them (a tenfold slower POST)."""
    checkworthy_model()
    matching_model()


def prepare(data: dict, threshold: float | None = None) -> Prepared:
    """Extract and score ``data["text"]`` (``threshold``: None for the check-worthiness model's own)."""
    quotes = tuple(extract(data["text"], data.get("language")))
    return Prepared(
        key=dedupe_key(data.get("url"), data["text"]),
        data=data,
        quotes=quotes,
        norms=tuple(normalize(q.text) for q in quotes),
        sentences=tuple(tuple(scored_sentences(q.text, threshold)) for q in quotes),
    )


def stored_article(key: str) -> Article | None:
    return Article.get_or_none(Article.dedupe_key == key)


def ingest(data: dict, threshold: float | None = None, actor: str | None = None) -> tuple[Article, bool]:
    """Store the article in ``data``, its quotes, their statements and claims; (article, created).

    Re-POSTs return the stored one. Check-worthy sentences at ``threshold`` (None:
    the model's own) become claims. ``actor`` (an API key's name) is recorded in the change log.
    """
    stored = stored_article(dedupe_key(data.get("url"), data["text"]))
    if stored is not None:
        return stored, False
    return store(prepare(data, threshold), actor)  # CPU work before the transaction: it holds no lock


def store(prepared: Prepared, actor: str | None = None) -> tuple[Article, bool]:
    """(article, created): ``prepared`` stored in one transaction, or the one stored before it."""
    return store_many([prepared], actor)[0]


def store_many(batch: list[Prepared], actor: str | None = None) -> list[tuple[Article, bool]]:
    """Store a batch of articles in one transaction; (article, created) for each, in order.

    A unique row that collides was a concurrent writer's: one of these articles (the next
    attempt finds it stored and returns it) or a statement or claim (the next attempt sees
    it and joins it). Either way the batch runs again.
    """
    return write(
        lambda changes: [_store(p, changes, actor) for p in batch],
        retry_on_conflict=lambda: True,
        actor=actor,
    )


def _store(prepared: Prepared, changes: list, actor: str | None) -> tuple[Article, bool]:
    stored = stored_article(prepared.key)
    if stored is not None:
        return stored, False
    article = create_article(prepared.key, prepared.data, actor)
    changes.append(("article", article.id, "created"))
    speakers = resolve_speakers([q.speaker for q in prepared.quotes], changes)
    speaker_ids = [speakers.get(q.speaker) for q in prepared.quotes]
    statements = link_appearances(
        [
            (sid, q.text, norm)
            for sid, q, norm in zip(speaker_ids, prepared.quotes, prepared.norms, strict=True)
        ],
        article.dated_at,
        changes,
    )
    insert_quotes(
        [
            quote_row(article, position, quote, speaker_id, statement.id if statement else None)
            for position, (quote, speaker_id, statement) in enumerate(
                zip(prepared.quotes, speaker_ids, statements, strict=True)
            )
        ]
    )
    count_quotes(speaker_ids, article.dated_at)
    add_detected_claims(
        [
            (statement.id, statement.speaker_id, sentence)
            for statement, sentences in zip(statements, prepared.sentences, strict=True)
            if statement is not None
            for sentence in sentences
        ],
        changes,
    )
    return article, True


def match_article(
    article_id: int, index: FactCheckIndex, thresholds: Thresholds, actor: str | None = None
) -> int:
    """Match the claims of every statement the article quotes against all fact-checks; new matches."""
    quoted = Quote.select(Quote.statement).where(
        (Quote.article == article_id) & Quote.statement.is_null(False)
    )
    claim_ids = [c for (c,) in Claim.select(Claim.id).where(Claim.statement.in_(quoted)).tuples()]
    return match_claims(index, claim_ids, thresholds, actor)
