"""Writes of claims: the scorer's claims on statements, checkers' claims, status and verdicts.

``make_claim``, ``update_claim`` and ``record_verdict`` are whole writes (one
transaction each, recorded in the change log); ``detect_claims`` and
``move_claims`` are steps of a larger write and take its list of changes.
"""

from __future__ import annotations

from .. import checkworthy
from ..core.errors import Conflict, Invalid, NotFound
from ..core.text import digest, fold, normalize, word_count
from ..core.vocabulary import CHECKER, MIN_CLAIM_WORDS, REVIEWED, SCORER
from ..db.models import get_or_create, utcnow
from ..events.log import writing
from ..news.models import Quote
from .models import Claim, Review
from .queries import get_claim


def detect_claims(statement_id: int, text: str, threshold: float | None, changes: list) -> None:
    """Make a claim of each check-worthy sentence of ``text`` (``threshold``: None for the model's own)."""
    for sentence in checkworthy.checkworthy_sentences(text, threshold):
        norm = normalize(sentence.text)
        if word_count(norm) >= MIN_CLAIM_WORDS:
            _get_or_create_claim(statement_id, sentence.text, norm, sentence, SCORER, changes)


def _get_or_create_claim(statement_id: int, text: str, norm: str, scored, origin: str, changes: list):
    """(claim, created): the claim of ``statement_id`` with these words, created if new."""
    claim, created = get_or_create(
        Claim,
        (Claim.statement == statement_id) & (Claim.norm_hash == digest(norm)),
        statement=statement_id,
        text=text,
        normalized=norm,
        norm_hash=digest(norm),
        folded=fold(text),
        score=scored.score,
        features=[list(f) for f in scored.features],
        origin=origin,
    )
    if created:
        changes.append(("claim", claim.id, "created"))
    return claim, created


def make_claim(quote_id: int, text: str | None, actor: str | None = None) -> tuple[Claim, bool]:
    """(claim, created): a checker's claim of a quote, or of a stretch of it the scorer passed over."""
    with writing(actor) as changes:
        quote = Quote.get_or_none(Quote.id == quote_id)
        if quote is None:
            raise NotFound(f"No quote with id {quote_id}.")
        wording = checkworthy.trim_quote_end((quote.text if text is None else text).strip())
        norm = normalize(wording)
        if not norm or quote.statement_id is None:
            raise Invalid({"text" if text else "quote": ["Has no words to make a claim of."]})
        if f" {norm} " not in f" {normalize(quote.text)} ":
            raise Invalid({"text": ["Must be words of the quote."]})
        scored = checkworthy.score(wording)
        return _get_or_create_claim(quote.statement_id, wording, norm, scored, CHECKER, changes)


def update_claim(claim_id: int, fields: dict, actor: str | None = None) -> Claim:
    """Set status and/or assignee; 'reviewed' needs a verdict first."""
    with writing(actor) as changes:
        claim = get_claim(claim_id)
        if fields.get("status") == REVIEWED and not claim.reviews.count():
            raise Conflict("A claim becomes reviewed when a verdict is recorded (POST /claims/{id}/reviews).")
        for name, value in fields.items():
            setattr(claim, name, value)
        claim.updated_at = utcnow()
        claim.save()
        changes.append(("claim", claim.id, "updated"))
    return claim


def record_verdict(claim_id: int, fields: dict, actor: str | None = None) -> Review:
    """Record a verdict on a claim, by ``actor`` (an API key's name); the claim is then reviewed."""
    with writing(actor) as changes:
        claim = get_claim(claim_id)
        verdict = Review.create(claim=claim.id, actor=actor, **fields)
        Claim.update(status=REVIEWED, updated_at=utcnow()).where(Claim.id == claim.id).execute()
        changes += [("review", verdict.id, "created"), ("claim", claim.id, "updated")]
    return verdict


def move_claims(from_statement: int, to_statement: int, changes: list) -> None:
    """Before a statement is folded into another: its claims move over, and so do the verdicts
    on a claim whose words the other statement already has a claim of (that twin claim goes)."""
    for claim in Claim.select().where(Claim.statement == from_statement):
        twin = Claim.get_or_none((Claim.statement == to_statement) & (Claim.norm_hash == claim.norm_hash))
        if twin is None:
            Claim.update(statement=to_statement).where(Claim.id == claim.id).execute()
            changes.append(("claim", claim.id, "updated"))
        else:
            Review.update(claim=twin.id).where(Review.claim == claim.id).execute()
            claim.delete_instance()
            changes.append(("claim", claim.id, "deleted"))
            changes.append(("claim", twin.id, "updated"))


def claims_reach_one_more_article(statement_id: int, changes: list) -> None:
    """A statement has a new appearance: its claims (and their verdicts) are updated in the feed."""
    changes += [
        ("claim", c.id, "updated") for c in Claim.select(Claim.id).where(Claim.statement == statement_id)
    ]
