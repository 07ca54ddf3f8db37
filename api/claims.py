"""Claims: check-worthy sentences of statements; checkers' claims, status and verdicts."""
from __future__ import annotations

from flask import abort, current_app
from marshmallow import ValidationError

from . import checkworthy
from .models import Claim, Review, insert_unique, utcnow
from .models.facts import CHECKER, REVIEWED, SCORER
from .textutil import digest, fold, normalize

MIN_WORDS = 3  # "Thank you." is never a claim
_TRAILING = " ,;:–—-"


def threshold() -> float:
    """The configured check-worthiness threshold, else the model's own."""
    configured = current_app.config.get("CHECKWORTHY_THRESHOLD")
    return checkworthy.THRESHOLD if configured is None else configured


def sentences(text: str) -> list[str]:
    """The sentences of a quote, without the comma that ends a quote before 'he said'."""
    return [text[s:e].rstrip(_TRAILING) for s, e in checkworthy.split_sentences(text)]


def detect(statement_id: int, text: str, threshold: float, changes: list) -> None:
    """Make a claim of each sentence of ``text`` that scores at least ``threshold``."""
    for sentence in sentences(text):
        norm = normalize(sentence)
        if norm.count(" ") + 1 < MIN_WORDS:
            continue
        result = checkworthy.score(sentence)
        if result.score >= threshold:
            _insert(statement_id, sentence, norm, result, SCORER, changes)


def _insert(statement_id: int, sentence: str, norm: str, result, origin: str, changes: list) -> tuple[Claim, bool]:
    """The claim of ``statement_id`` with these words, created if new; (claim, created)."""
    claim, created = insert_unique(
        Claim, (Claim.statement == statement_id) & (Claim.norm_hash == digest(norm)),
        statement=statement_id, text=sentence, normalized=norm, norm_hash=digest(norm),
        folded=fold(sentence), score=result.score, features=[list(f) for f in result.features],
        origin=origin)
    if created:
        changes.append(("claim", claim.id, "created"))
    return claim, created


def make(quote, text: str | None, changes: list) -> tuple[Claim, bool]:
    """A checker's claim: the whole quote, or one stretch of it the scorer passed over."""
    wording = (quote.text if text is None else text).strip().rstrip(_TRAILING)
    norm = normalize(wording)
    if not norm or quote.statement_id is None:
        raise ValidationError({"text" if text else "quote": ["Has no words to make a claim of."]})
    if f" {norm} " not in f" {normalize(quote.text)} ":
        raise ValidationError({"text": ["Must be words of the quote."]})
    return _insert(quote.statement_id, wording, norm, checkworthy.score(wording), CHECKER, changes)


def update(claim: Claim, fields: dict, changes: list) -> Claim:
    """Set status and/or assignee; 'reviewed' needs a verdict first."""
    if fields.get("status") == REVIEWED and not claim.reviews.count():
        abort(409, "A claim becomes reviewed when a verdict is recorded (POST /claims/{id}/reviews).")
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.updated_at = utcnow()
    claim.save()
    changes.append(("claim", claim.id, "updated"))
    return claim


def review(claim: Claim, fields: dict, changes: list) -> Review:
    """Record a verdict; the claim is then reviewed."""
    verdict = Review.create(claim=claim.id, **fields)
    Claim.update(status=REVIEWED, updated_at=utcnow()).where(Claim.id == claim.id).execute()
    changes += [("review", verdict.id, "created"), ("claim", claim.id, "updated")]
    return verdict
