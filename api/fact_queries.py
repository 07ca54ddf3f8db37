"""Reads for fact-tracking: claims, statements, verdicts, alerts."""
from __future__ import annotations

from collections import Counter, defaultdict

from flask import abort
from peewee import JOIN, fn

from . import search
from .claims import sentences
from .models import ARTICLE_REF, Article, Claim, Quote, Review, Speaker, Statement, in_range
from .textutil import digest, normalize



def claim_or_404(claim_id: int) -> Claim:
    return _claim_query().where(Claim.id == claim_id).first() or abort(404, f"No claim with id {claim_id}.")


def statement_or_404(statement_id: int) -> Statement:
    found = (Statement.select(Statement, Speaker).join(Speaker, JOIN.LEFT_OUTER)
             .where(Statement.id == statement_id).first())
    return found or abort(404, f"No statement with id {statement_id}.")


def _claim_query():
    return (Claim.select(Claim, Statement, Speaker).join(Statement)
            .join(Speaker, JOIN.LEFT_OUTER).switch(Claim))


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
        query = query.where(search.matching_claims(args["q"]))
    return query


def statements(args: dict):
    """Statements by speaker, first-seen date and number of appearances; newest first."""
    count = Quote.select(fn.COUNT(Quote.id)).where(Quote.statement == Statement.id)
    query = (Statement.select(Statement, Speaker).join(Speaker, JOIN.LEFT_OUTER)
             .order_by(Statement.first_seen_at.desc(), Statement.id.desc()))
    if args.get("speaker") is not None:
        query = query.where(Statement.speaker == args["speaker"])
    query = in_range(query, Statement.first_seen_at, args)
    if args.get("min_appearances"):
        query = query.where(count >= args["min_appearances"])
    return query


def with_counts(claims_page: list) -> list:
    """Attach review counts, latest verdict and appearance counts to a page of claims."""
    ids = [c.id for c in claims_page]
    latest: dict[int, Review] = {}
    counts: Counter = Counter()
    for r in Review.select().where(Review.claim.in_(ids)).order_by(Review.id) if ids else []:
        latest[r.claim_id] = r
        counts[r.claim_id] += 1
    appearances = appearance_counts({c.statement_id for c in claims_page})
    for c in claims_page:
        c.review_count, c.verdict = counts[c.id], latest.get(c.id)
        c.statement.appearance_count = appearances.get(c.statement_id, 0)
    return claims_page


def with_appearance_counts(statements_page: list) -> list:
    counts = appearance_counts({s.id for s in statements_page})
    for s in statements_page:
        s.appearance_count = counts.get(s.id, 0)
    return statements_page


def appearance_counts(statement_ids) -> dict[int, int]:
    if not statement_ids:
        return {}
    rows = (Quote.select(Quote.statement, fn.COUNT(Quote.id)).where(Quote.statement.in_(list(statement_ids)))
            .group_by(Quote.statement).tuples())
    return dict(rows)


def appearances(statement_id: int) -> list[Quote]:
    """Where a statement appeared, earliest first."""
    return list(Quote.select(Quote, *ARTICLE_REF).join(Article).where(Quote.statement == statement_id)
                .order_by(Quote.dated_at, Quote.id))


def claim_detail(claim: Claim) -> Claim:
    """The claim with its statement's appearances, its verdicts and verdicts on the same words elsewhere."""
    with_counts([claim])
    claim.appearances = appearances(claim.statement_id)
    claim.reviews = list(Review.select().where(Review.claim == claim.id).order_by(Review.id))
    claim.related_verdicts = related_verdicts([claim.norm_hash], exclude=claim.id)
    return claim


def related_verdicts(hashes: list[str], exclude: int | None = None) -> list[Review]:
    """Verdicts on claims with these normalized words (any speaker), each with its claim attached."""
    if not hashes:
        return []
    query = (Review.select(Review, Claim, Statement, Speaker).join(Claim).join(Statement)
             .join(Speaker, JOIN.LEFT_OUTER).where(Claim.norm_hash.in_(hashes)).order_by(Review.id))
    if exclude is not None:
        query = query.where(Claim.id != exclude)
    return list(query)


def alerts(quotes: list[Quote]) -> list[dict]:
    """Quotes that repeat an already-checked claim (same words, any speaker), with its verdicts."""
    hashes_of = {q.id: {digest(normalize(s)) for s in [q.text, *sentences(q.text)]} - {digest("")}
                 for q in quotes}
    every = sorted(set().union(*hashes_of.values())) if hashes_of else []
    by_claim: dict[int, list[Review]] = defaultdict(list)
    for r in related_verdicts(every):
        by_claim[r.claim.id].append(r)
    found = []
    for q in quotes:
        for reviews in by_claim.values():
            claim = reviews[0].claim
            if claim.norm_hash in hashes_of[q.id]:
                found.append({"quote_id": q.id, "claim": claim, "same_speaker":
                              claim.statement.speaker_id == q.speaker_id, "reviews": reviews})
    return found
