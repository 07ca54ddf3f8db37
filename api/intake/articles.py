"""Ingest an article: extract its quotes, then store it with speakers, quotes, statements and claims."""

from __future__ import annotations

from peewee import IntegrityError

from ..events.log import writing
from ..extraction import extract
from ..facts.claims import detect_claims
from ..news.articles import create_article, dedupe_key, insert_quotes, quote_row
from ..news.models import Article
from ..news.speakers import upsert_speaker
from .statements import link_appearance


def ingest(data: dict, threshold: float | None = None, actor: str | None = None) -> tuple[Article, bool]:
    """Store the article in ``data``, its quotes, their statements and claims; (article, created).

    Re-POSTs return the stored one. Check-worthy sentences at ``threshold`` (None:
    the model's own) become claims. ``actor`` (an API key's name) is recorded in the change log.
    """
    key = dedupe_key(data.get("url"), data["text"])
    stored = Article.get_or_none(Article.dedupe_key == key)
    if stored is not None:
        return stored, False
    found = extract(data["text"])  # outside the transaction: CPU work holds no lock
    try:
        with writing(actor) as changes:
            article = create_article(key, data)
            changes.append(("article", article.id, "created"))
            _store_quotes(article, found, threshold, changes)
    except IntegrityError:
        stored = Article.get_or_none(Article.dedupe_key == key)
        if stored is None:
            raise
        return stored, False  # a concurrent request stored it first
    return article, True


def _store_quotes(article: Article, found, threshold: float | None, changes: list) -> None:
    speakers: dict = {}
    rows = []
    for position, quote in enumerate(found):
        if quote.speaker is not None and quote.speaker not in speakers:
            speakers[quote.speaker] = upsert_speaker(quote.speaker)
        speaker_id = speakers.get(quote.speaker)
        statement_id = link_appearance(speaker_id, quote.text, article.dated_at, changes)
        if statement_id is not None:
            detect_claims(statement_id, quote.text, threshold, changes)
        rows.append(quote_row(article, position, quote, speaker_id, statement_id))
    insert_quotes(rows)
