"""Writes of claims: the scorer's claims on statements, checkers' claims, status and verdicts.

``make_claim``, ``update_claim`` and ``record_verdict`` are whole writes (one
transaction each, recorded in the change log); ``detect_claims`` and
``move_claims`` are steps of a larger write and take its list of changes.
"""

from __future__ import annotations

import json
from collections import Counter

from peewee import fn

from .. import checkworthy
from ..core.errors import Conflict, Invalid, NotFound
from ..core.text import digest, fold, normalize, word_count
from ..core.vocabulary import CHECKER, MIN_CLAIM_WORDS, REVIEWED, SCORER, SUGGESTED, UNREVIEWED
from ..db.models import chunks, get_or_create, insert_rows, select_in, utcnow
from ..events.log import writing
from ..news.models import Quote, Statement
from ..news.speakers import count_claims, lock_speakers
from .factchecks import from_verdict
from .models import Claim, ClaimMatch, FactCheck, Review, SpeakerVerdict
from .queries import get_claim


def scored_sentences(text: str, threshold: float | None) -> list[tuple]:
    """The check-worthy sentences of a quote as (text, normalized, score, features): CPU work only,
    done before the write transaction (``threshold``: None for the model's own)."""
    found = []
    for sentence in checkworthy.checkworthy_sentences(text, threshold):
        norm = normalize(sentence.text)
        if word_count(norm) >= MIN_CLAIM_WORDS:
            found.append((sentence.text, norm, sentence.score, [list(f) for f in sentence.features]))
    return found


_NEW_CLAIM = (
    Claim.statement,
    Claim.speaker,
    Claim.text,
    Claim.normalized,
    Claim.norm_hash,
    Claim.folded,
    Claim.score,
    Claim.features,
    Claim.origin,
    Claim.status,
    Claim.created_at,
    Claim.updated_at,
)


def add_detected_claims(wanted: list[tuple[int, int | None, tuple]], changes: list) -> None:
    """Make the scorer's claims: (statement id, its speaker id, a ``scored_sentences`` item) each,
    unless the statement has a claim of those words already; a few queries for a whole article."""
    by_key = {}
    for statement_id, speaker_id, (text, norm, score, features) in wanted:
        by_key.setdefault((statement_id, digest(norm)), (speaker_id, text, norm, score, features))
    statement_ids = sorted({sid for sid, _ in by_key})
    for key in select_in("SELECT statement_id, norm_hash FROM claim WHERE statement_id IN", statement_ids):
        by_key.pop(tuple(key), None)
    now = utcnow()
    rows = [
        (sid, speaker, text, norm, h, fold(text), score, json.dumps(features), SCORER, UNREVIEWED, now, now)
        for (sid, h), (speaker, text, norm, score, features) in by_key.items()
    ]
    ids = insert_rows(Claim, _NEW_CLAIM, rows, returning=(Claim.id,))
    changes += [("claim", cid, "created") for (cid,) in sorted(ids)]
    count_claims(Counter(speaker_id for speaker_id, *_ in by_key.values()))


def _get_or_create_claim(
    statement_id: int, speaker_id: int | None, text: str, norm: str, scored, origin: str, changes: list
):
    """(claim, created): the claim of ``statement_id`` with these words, created if new."""
    claim, created = get_or_create(
        Claim,
        (Claim.statement == statement_id) & (Claim.norm_hash == digest(norm)),
        statement=statement_id,
        speaker=speaker_id,
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
        count_claims(Counter([speaker_id]))
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
        speaker_id = Statement.get_by_id(quote.statement_id).speaker_id
        lock_speakers({speaker_id} - {None})
        return _get_or_create_claim(quote.statement_id, speaker_id, wording, norm, scored, CHECKER, changes)


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
        count_verdict(claim.statement.speaker_id, verdict.rating_label)
        changes += [("review", verdict.id, "created"), ("claim", claim.id, "updated")]
        from_verdict(claim, verdict, changes)
    return verdict


def move_claims(from_statement: int, to_statement: int, speaker_id: int | None, changes: list) -> None:
    """Before a statement is folded into another (of ``speaker_id``): its claims move over, and so do
    the verdicts on a claim whose words the other statement already has a claim of (that twin goes)."""
    gone = 0
    for claim in Claim.select().where(Claim.statement == from_statement):
        twin = Claim.get_or_none((Claim.statement == to_statement) & (Claim.norm_hash == claim.norm_hash))
        if twin is None:
            Claim.update(statement=to_statement, speaker=speaker_id, updated_at=utcnow()).where(
                Claim.id == claim.id
            ).execute()
            changes.append(("claim", claim.id, "updated"))
        else:
            Review.update(claim=twin.id).where(Review.claim == claim.id).execute()
            _move_matches(claim.id, twin.id, changes)
            FactCheck.update(claim=twin.id).where(FactCheck.claim == claim.id).execute()  # its verdicts'
            Claim.update(updated_at=utcnow()).where(Claim.id == twin.id).execute()
            claim.delete_instance()
            gone += 1
            changes.append(("claim", claim.id, "deleted"))
            changes.append(("claim", twin.id, "updated"))
    count_claims(Counter({speaker_id: -gone}))


def verdicts_follow(statement_ids: list[int], changes: list) -> None:
    """The claims of these statements moved (or changed speaker): the fact-checks made of their
    verdicts (``from_verdict``) are made again, with the claim's statement and speaker of now."""
    claim_ids = Claim.select(Claim.id).where(Claim.statement.in_(sorted(set(statement_ids))))
    made = FactCheck.select(FactCheck.url).where(FactCheck.claim.in_(claim_ids))
    for review in (
        Review.select().where(Review.url.in_(made) & Review.claim.in_(claim_ids)).order_by(Review.id)
    ):
        from_verdict(Claim.get_by_id(review.claim_id), review, changes)


def _move_matches(from_claim: int, to_claim: int, changes: list) -> None:
    """A claim folded into its twin: its matches with fact-checks the twin has none with move over,
    and a checker's decision on it replaces the twin's mere suggestion of the same fact-check."""
    theirs = {m.factcheck_id: m for m in ClaimMatch.select().where(ClaimMatch.claim == to_claim)}
    for match in ClaimMatch.select().where(ClaimMatch.claim == from_claim).order_by(ClaimMatch.id):
        twin = theirs.get(match.factcheck_id)
        if twin is None:
            ClaimMatch.update(claim=to_claim, updated_at=utcnow()).where(ClaimMatch.id == match.id).execute()
            changes.append(("match", match.id, "updated"))
        elif twin.status == SUGGESTED and match.status != SUGGESTED:
            ClaimMatch.update(status=match.status, actor=match.actor, updated_at=utcnow()).where(
                ClaimMatch.id == twin.id
            ).execute()
            changes.append(("match", twin.id, "updated"))


def claims_reach_one_more_article(statement_ids: list[int], changes: list) -> None:
    """Statements have a new appearance: their claims (and their verdicts) are updated in the feed."""
    now = utcnow()
    for part in chunks(sorted(statement_ids)):
        query = Claim.select(Claim.id).where(Claim.statement.in_(part)).order_by(Claim.id)
        ids = [cid for (cid,) in query.tuples()]
        if ids:
            Claim.update(updated_at=now).where(Claim.id.in_(ids)).execute()
        changes += [("claim", cid, "updated") for cid in ids]


def count_verdict(speaker_id: int | None, label: str, n: int = 1) -> None:
    """``n`` more verdicts labelled ``label`` on claims of ``speaker_id`` (kept for speaker pages)."""
    if speaker_id is None or not n:
        return
    SpeakerVerdict.insert(speaker=speaker_id, label=label, count=n).on_conflict(
        conflict_target=[SpeakerVerdict.speaker, SpeakerVerdict.label],
        update={SpeakerVerdict.count: SpeakerVerdict.count + n},
    ).execute()


def claims_change_speaker(statement_id: int | None, old: int | None, new: int | None) -> None:
    """The claims of a statement (``statement_id``; None: all of ``old``'s) now belong to ``new``
    instead of ``old``: both speakers' claim counts and verdict tallies follow."""
    claims = Claim.select(Claim.id).join(Statement)
    claims = claims.where(Statement.id == statement_id if statement_id else Statement.speaker == old)
    count_claims(Counter({old: -claims.count(), new: claims.count()}))
    labels = Review.select(Review.rating_label, fn.COUNT(Review.id)).where(Review.claim.in_(claims))
    for label, n in labels.group_by(Review.rating_label).tuples():
        count_verdict(old, label, -n)
        count_verdict(new, label, n)
    ids = [c for (c,) in claims.tuples()]
    if ids:  # the claims' own copy of their speaker (GET /claims?speaker=) follows
        Claim.update(speaker=new).where(Claim.id.in_(ids)).execute()
