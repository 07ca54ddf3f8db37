"""Corrected articles: a new text is re-extracted and stored as the article's next revision.

One transaction per revision (a failure leaves the previous revision whole):

1. editors' fixes on the article (``news.models.QuoteFix``) are applied to the engine's
   quotes: a stretch marked not a quote stays out, a fixed speaker replaces the engine's;
2. quotes with the same words and speaker as a stored one keep that row and id
   (``pair_quotes``), taking their new places; the stored quotes left over are dropped
   (their statements' counts and first-seen dates follow); the rest are added as a new
   article's quotes are (statements found or created, claims detected);
3. the speakers of both versions are recounted, the revision row records which quote ids
   came and went, and the change feed says ``article updated``, ``revision created``.

The same text again changes nothing. A revision changes the text (and the title, when
one is given); url, publisher, publication date and language stay the first version's.
"""

from __future__ import annotations

from ..core.text import digest
from ..events.log import write
from ..facts.claims import add_detected_claims
from ..news import queries
from ..news.articles import insert_quotes, quote_row
from ..news.models import Article, Quote, QuoteFix
from ..news.revisions import (
    add_revision,
    drop_quotes,
    keep_quotes,
    locked_article,
    pair_quotes,
    park_quotes,
    settle_positions,
)
from ..news.speakers import refresh_quote_counts, resolve_speakers
from .articles import Prepared, ingest, prepare
from .statements import link_appearances, prune_unheard


def post_article(
    data: dict, threshold: float | None = None, actor: str | None = None
) -> tuple[Article, bool, bool]:
    """POST /articles: (article, created, revised). A known url with a different text is a new
    revision of it (also when the article was stored by a concurrent request a moment before)."""
    article, created = ingest(data, threshold, actor)
    if not created and data.get("url") and article.text != data["text"]:
        article, revised = revise(article.id, data, threshold, actor)
        return article, False, revised
    return article, created, False


def revise(article_id: int, data: dict, threshold: float | None = None, actor: str | None = None):
    """(article, revised): ``data["text"]`` (and ``data["title"]``) as the article's next revision;
    the same text as now: (article, False) and nothing changes."""
    article = queries.get_article(article_id)
    if article.text == data["text"]:
        return article, False
    prepared = prepare({**data, "url": article.url}, threshold)  # CPU work before the transaction
    revised = write(
        lambda changes: _revise(article_id, prepared, changes, actor),
        retry_on_conflict=lambda: True,
        actor=actor,
    )
    return queries.get_article(article_id), revised


def _fixed(article: Article, prepared: Prepared, changes: list) -> list[tuple]:
    """(engine Quote, normalized, sentences, speaker id, fix) of each quote the revision keeps, in
    reading order: editors' fixes applied, the engine's speakers resolved for the rest."""
    fixes = {f.norm_hash: f for f in QuoteFix.select().where(QuoteFix.article == article.id)}
    quotes = []
    for found, norm, sentences in zip(prepared.quotes, prepared.norms, prepared.sentences, strict=True):
        fix = fixes.get(digest(norm))
        if fix is None or not fix.not_a_quote:
            quotes.append((found, norm, sentences, fix))
    speakers = resolve_speakers([found.speaker for found, _, _, fix in quotes if fix is None], changes)
    return [
        (found, norm, sentences, fix.speaker_id if fix else speakers.get(found.speaker), fix)
        for found, norm, sentences, fix in quotes
    ]


def _revise(article_id: int, prepared: Prepared, changes: list, actor: str | None) -> bool:
    article = locked_article(article_id)
    if article.text == prepared.data["text"]:
        return False  # a concurrent revision stored this text first
    quotes = _fixed(article, prepared, changes)
    kept, removed = pair_quotes(article, [(norm, sid) for _, norm, _, sid, _ in quotes])
    before = {q.speaker_id for q in removed}
    park_quotes(removed, len(quotes))
    keep_quotes(article, [(old, i, q[0]) for i, (old, q) in enumerate(zip(kept, quotes, strict=True)) if old])
    new = [(i, q) for i, (old, q) in enumerate(zip(kept, quotes, strict=True)) if old is None]
    statements = link_appearances(
        [(sid, found.text, norm) for _, (found, norm, _, sid, _) in new], article.dated_at, changes
    )
    rows = [
        quote_row(article, i, found, sid, statement.id if statement else None)
        for (i, (found, _, _, sid, _)), statement in zip(new, statements, strict=True)
    ]
    added = sorted(qid for (qid,) in insert_quotes(rows, returning=(Quote.id,)))
    prune_unheard(drop_quotes(removed, changes), changes)
    settle_positions(article)
    for i, (_, _, _, _, fix) in enumerate(quotes):
        if fix is not None:
            Quote.update(fixed_at=fix.at, fixed_by=fix.actor).where(
                (Quote.article == article.id) & (Quote.position == i)
            ).execute()
    add_detected_claims(
        [
            (statement.id, statement.speaker_id, sentence)
            for (_, (_, _, sentences, _, _)), statement in zip(new, statements, strict=True)
            if statement is not None
            for sentence in sentences
        ],
        changes,
    )
    refresh_quote_counts(before | {sid for _, _, _, sid, _ in quotes})
    diff = {"added": added, "removed": sorted(q.id for q in removed), "kept": sum(1 for q in kept if q)}
    title = prepared.data.get("title") or article.title
    revision = add_revision(article, prepared.data["text"], title, actor, diff)
    changes += [("article", article.id, "updated"), ("revision", revision.id, "created")]
    return True
