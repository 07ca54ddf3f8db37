"""Reads of fact-tracking: claims, their verdicts, verdicts on the same words elsewhere, alerts.

A ``get_*`` function raises ``NotFound``; an ``annotate_*`` function attaches what a
page of rows needs to all of them in a few queries.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from peewee import JOIN, fn

from ..checkworthy import quote_sentences
from ..core.errors import NotFound
from ..core.text import digest, normalize
from ..db.models import in_range
from ..news.models import Quote, Speaker, Statement
from ..news.queries import appearance_counts, appearances
from .models import Claim, Review
from .search import matching_claims


def _claim_query():
    return (
        Claim.select(Claim, Statement, Speaker).join(Statement).join(Speaker, JOIN.LEFT_OUTER).switch(Claim)
    )


def get_claim(claim_id: int) -> Claim:
    claim = _claim_query().where(Claim.id == claim_id).first()
    if claim is None:
        raise NotFound(f"No claim with id {claim_id}.")
    return claim


def claims(args: dict):
    """Claims by status, speaker, score, first-seen date, verdict and words; newest first."""
    query = _claim_query().order_by(Claim.created_at.desc(), Claim.id.desc())
    if args.get("status"):
        query = query.where(Claim.status == args["status"])
    if args.get("speaker") is not None:
        query = query.where(Statement.speaker == args["speaker"])
    if args.get("min_score") is not None:
        query = query.where(Claim.score >= args["min_score"])
    query = in_range(query, Statement.first_seen_at, args)
    if args.get("has_verdict") is not None:
        reviewed = fn.EXISTS(Review.select(Review.id).where(Review.claim == Claim.id))
        query = query.where(reviewed if args["has_verdict"] else ~reviewed)
    if args.get("q"):
        query = query.where(matching_claims(args["q"]))
    return query


def claims_of_statement(statement_id: int) -> list[Claim]:
    """The claims of one statement, newest first, annotated."""
    return annotate_claims(list(claims({}).where(Claim.statement == statement_id)))


def annotate_claims(rows: list) -> list:
    """Attach review counts, the latest verdict and their statement's appearance count to claims."""
    ids = [c.id for c in rows]
    latest: dict[int, Review] = {}
    counts: Counter = Counter()
    for r in Review.select().where(Review.claim.in_(ids)).order_by(Review.id) if ids else []:
        latest[r.claim_id] = r
        counts[r.claim_id] += 1
    appearing = appearance_counts({c.statement_id for c in rows})
    for c in rows:
        c.review_count, c.verdict = counts[c.id], latest.get(c.id)
        c.statement.appearance_count = appearing.get(c.statement_id, 0)
    return rows


def claim_detail(claim: Claim) -> Claim:
    """The claim with its statement's appearances, its verdicts and verdicts on the same words elsewhere."""
    annotate_claims([claim])
    claim.appearances = appearances(claim.statement_id)
    claim.reviews = list(Review.select().where(Review.claim == claim.id).order_by(Review.id))
    claim.related_verdicts = related_verdicts([claim.norm_hash], exclude=claim.id)
    return claim


def related_verdicts(hashes: list[str], exclude: int | None = None) -> list[Review]:
    """Verdicts on claims with these normalized words (any speaker), each with its claim attached."""
    if not hashes:
        return []
    query = (
        Review.select(Review, Claim, Statement, Speaker)
        .join(Claim)
        .join(Statement)
        .join(Speaker, JOIN.LEFT_OUTER)
        .where(Claim.norm_hash.in_(hashes))
        .order_by(Review.id)
    )
    if exclude is not None:
        query = query.where(Claim.id != exclude)
    return list(query)


def alerts(quotes: list[Quote]) -> list[dict]:
    """Quotes that repeat an already-checked claim (same words, any speaker), with its verdicts."""
    hashes_of = {
        q.id: {digest(normalize(s)) for s in [q.text, *(q.text[a:b] for a, b in quote_sentences(q.text))]}
        - {digest("")}
        for q in quotes
    }
    every = sorted(set().union(*hashes_of.values())) if hashes_of else []
    by_claim: dict[int, list[Review]] = defaultdict(list)
    for r in related_verdicts(every):
        by_claim[r.claim.id].append(r)
    found = []
    for q in quotes:
        for reviews in by_claim.values():
            claim = reviews[0].claim
            if claim.norm_hash in hashes_of[q.id]:
                same_speaker = claim.statement.speaker_id == q.speaker_id
                found.append(
                    {"quote_id": q.id, "claim": claim, "same_speaker": same_speaker, "reviews": reviews}
                )
    return found


def annotate_speaker_claims(rows: list) -> list:
    """Attach ``claim_count`` and ``verdicts`` (rating label -> count) to speakers."""
    ids = [s.id for s in rows]
    if not ids:
        return rows
    claim_counts = dict(
        Claim.select(Statement.speaker, fn.COUNT(Claim.id))
        .join(Statement)
        .where(Statement.speaker.in_(ids))
        .group_by(Statement.speaker)
        .tuples()
    )
    verdicts: dict[int, dict[str, int]] = {i: {} for i in ids}
    for speaker_id, label, n in (
        Review.select(Statement.speaker, Review.rating_label, fn.COUNT(Review.id))
        .join(Claim)
        .join(Statement)
        .where(Statement.speaker.in_(ids))
        .group_by(Statement.speaker, Review.rating_label)
        .tuples()
    ):
        verdicts[speaker_id][label] = n
    for s in rows:
        s.claim_count, s.verdicts = claim_counts.get(s.id, 0), verdicts[s.id]
    return rows
