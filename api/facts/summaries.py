"""What a webhook delivery says of the record a change names (``events.outbox.payload``'s ``data``):
enough for a dashboard to show it without asking; the API has the rest."""

from __future__ import annotations

from ..news.models import Article, Statement
from .models import Claim, ClaimMatch, FactCheck, Review
from .queries import same_speaker, speaker_names


def _claim(claim_id: int) -> dict | None:
    claim = Claim.get_or_none(Claim.id == claim_id)
    return {"text": claim.text, "status": claim.status, "score": claim.score} if claim else None


def _review(review_id: int) -> dict | None:
    review = Review.get_or_none(Review.id == review_id)
    if review is None:
        return None
    return {
        "claim_id": review.claim_id,
        "rating": review.rating_label,
        "url": review.url,
        "reviewer": review.reviewer,
    }


def _factcheck(factcheck: FactCheck | None) -> dict | None:
    if factcheck is None:
        return None
    return {
        "id": factcheck.id,
        "url": factcheck.url,
        "claim_text": factcheck.claim_text,
        "claimant": factcheck.claimant,
        "rating": factcheck.rating_label,
        "reviewer": factcheck.reviewer,
        "source": factcheck.source,
    }


def _alert(match_id: int) -> dict | None:
    match = ClaimMatch.get_or_none(ClaimMatch.id == match_id)
    if match is None:
        return None
    claim = Claim.get_or_none(Claim.id == match.claim_id)
    factcheck = FactCheck.get_or_none(FactCheck.id == match.factcheck_id)
    speaker_id = Statement.get_by_id(claim.statement_id).speaker_id if claim else None
    same = same_speaker(factcheck, speaker_id, speaker_names([speaker_id])) if factcheck else None
    return {
        "claim_id": match.claim_id,
        "claim_text": claim.text if claim else None,
        "speaker_id": speaker_id,
        "same_speaker": same,
        "similarity": round(match.similarity, 4) if match.similarity is not None else None,
        "factcheck": _factcheck(factcheck),
    }


def _article(article_id: int) -> dict | None:
    article = Article.get_or_none(Article.id == article_id)
    return {"url": article.url, "title": article.title} if article else None


DESCRIBE = {
    "claim": _claim,
    "review": _review,
    "factcheck": lambda i: _factcheck(FactCheck.get_or_none(FactCheck.id == i)),
    "alert": _alert,
    "article": _article,
}


def describe(entity: str, entity_id: int) -> dict | None:
    """The record's gist (None when it is gone, or of a kind no event is about)."""
    found = DESCRIBE.get(entity)
    return found(entity_id) if found else None
