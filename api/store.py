"""Writes: store an article with its quotes and speakers in one transaction, delete one."""
from __future__ import annotations

from peewee import IntegrityError

from . import claims, statements
from .changes import writing
from .extraction import PERSON, UNKNOWN, extract
from .models import Article, Quote, Speaker, SpeakerAlias, create_or_get, like, utcnow
from .textutil import digest, fold, like_escape

_MAX_KEY = 400


def dedupe_key(url: str | None, text: str) -> str:
    """Same url, or same text when there is no url: the same article."""
    return f"url:{digest(url.strip())}" if url else f"text:{digest(text)}"


def ingest(data: dict, threshold: float) -> tuple[Article, bool]:
    """Store the article in ``data``, its quotes, their statements and claims; (article, created).

    Re-POSTs return the stored one. Sentences scoring ``threshold`` or more become claims.
    """
    key = dedupe_key(data.get("url"), data["text"])
    stored = Article.get_or_none(Article.dedupe_key == key)
    if stored is not None:
        return stored, False
    found = extract(data["text"])  # outside the transaction: CPU work holds no lock
    try:
        with writing() as changes:
            article = _create_article(key, data)
            changes.append(("article", article.id, "created"))
            _create_quotes(article, found, threshold, changes)
    except IntegrityError:
        stored = Article.get_or_none(Article.dedupe_key == key)
        if stored is None:
            raise
        return stored, False  # a concurrent request stored it first
    return article, True


def delete_article(article: Article) -> None:
    """Delete the article and its quotes; speakers, statements, claims and verdicts stay."""
    with writing() as changes:
        touched = {q.statement_id for q in Quote.select(Quote.statement).where(Quote.article == article)
                   if q.statement_id}
        Quote.delete().where(Quote.article == article).execute()
        article.delete_instance()
        statements.refresh_first_seen(touched)
        changes.append(("article", article.id, "deleted"))
        changes += [("statement", i, "updated") for i in sorted(touched)]


def _create_article(key: str, data: dict) -> Article:
    now = utcnow()
    fields = {k: data.get(k) for k in ("url", "title", "publisher", "published_at", "language")}
    return Article.create(dedupe_key=key, text=data["text"], created_at=now,
                          dated_at=data.get("published_at") or now, **fields)


def _create_quotes(article: Article, found, threshold: float, changes: list) -> None:
    speakers: dict = {}
    rows = []
    for position, q in enumerate(found):
        if q.speaker is not None and q.speaker not in speakers:
            speakers[q.speaker] = upsert_speaker(q.speaker)
        speaker_id = speakers.get(q.speaker)
        statement_id = statements.attach(speaker_id, q.text, article.dated_at, changes)
        if statement_id is not None:
            claims.detect(statement_id, q.text, threshold, changes)
        rows.append({
            "article": article.id, "speaker": speaker_id, "statement": statement_id, "position": position,
            "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
            "confidence": q.confidence,
            **_span_columns("mention", q.mention), **_span_columns("cue", q.cue),
            "publisher": article.publisher, "dated_at": article.dated_at,
        })
    for i in range(0, len(rows), 100):
        Quote.insert_many(rows[i:i + 100]).execute()


def _span_columns(prefix: str, span) -> dict:
    """An engine Span as the columns ``prefix_text``, ``prefix_start``, ``prefix_end``."""
    return {f"{prefix}_{part}": getattr(span, part) if span else None for part in ("text", "start", "end")}


def _known_by_surname(found, folded: str) -> Speaker | None:
    """For a one-word name ("Austin"): the one stored person known by it, if exactly one is.

    "Defense Secretary Lloyd Austin" in one article and only "Austin" in a later one are one
    speaker; when two people share the alias ("Clinton"), it stays a speaker of its own.
    """
    if found.kind != PERSON or " " in folded:
        return None
    by_alias = SpeakerAlias.select(SpeakerAlias.speaker).where(SpeakerAlias.folded == folded)
    known = list(Speaker.select().where(
        (Speaker.kind == PERSON) & (Speaker.folded != folded)
        & (like(Speaker.folded, f"% {like_escape(folded)}") | Speaker.id.in_(by_alias))).limit(2))
    return known[0] if len(known) == 1 else None


def upsert_speaker(found) -> int | None:
    """The id of the stored speaker for an engine Speaker (created on first sight), with its aliases.

    Nameless speakers ("a senior official") are not entities: their quotes keep the mention only.
    """
    if found.kind == UNKNOWN or not found.name.strip():
        return None
    folded = fold(found.name)
    key = f"{found.kind}:{folded}"[:_MAX_KEY]
    speaker = Speaker.get_or_none(Speaker.key == key) or _known_by_surname(found, folded)
    if speaker is None:
        speaker, _ = create_or_get(Speaker, Speaker.key == key, key=key, name=found.name,
                                   title=found.title, kind=found.kind, folded=folded)
    if found.title and found.title != speaker.title:
        Speaker.update(title=found.title).where(Speaker.id == speaker.id).execute()
    aliases = {fold(a)[:_MAX_KEY]: a for a in (found.name, *found.aliases) if a.strip()}
    SpeakerAlias.insert_many(
        [{"speaker": speaker.id, "alias": alias, "folded": f} for f, alias in aliases.items()]
    ).on_conflict_ignore().execute()
    return speaker.id
