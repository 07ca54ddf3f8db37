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
from ..db.paging import Listing
from ..db.prepared import STATEMENTS, compile_in
from ..news.models import Quote, Speaker, Statement
from ..news.queries import appearances
from .models import Claim, Review, SpeakerVerdict
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


def claims(args: dict) -> Listing:
    """Claims by status, speaker, score, first-seen date, verdict and words; newest first."""
    order = ((Claim.created_at, True), (Claim.id, True))
    by_statement = args.get("since") or args.get("until")
    base = Claim.select().join(Statement) if by_statement else Claim.select()
    base = in_range(base, Statement.first_seen_at, args)
    if args.get("speaker") is not None:  # the statement's speaker, kept on the claim: one index range
        base = base.where(Claim.speaker == args["speaker"])
    if args.get("status"):
        base = base.where(Claim.status == args["status"])
    if args.get("min_score") is not None:
        base = base.where(Claim.score >= args["min_score"])
    if args.get("has_verdict") is not None:
        reviewed = fn.EXISTS(Review.select(Review.id).where(Review.claim == Claim.id))
        base = base.where(reviewed if args["has_verdict"] else ~reviewed)
    if args.get("q"):
        base = base.where(matching_claims(args["q"]))
    query = (base if by_statement else base.join(Statement)).select(Claim, Statement, Speaker)
    query = query.switch(Statement).join(Speaker, JOIN.LEFT_OUTER).switch(Claim)
    return Listing(query.order_by(Claim.created_at.desc(), Claim.id.desc()), order, base)


def claims_of_statement(statement_id: int) -> list[Claim]:
    """The claims of one statement, newest first, annotated."""
    return annotate_claims(list(claims({}).query.where(Claim.statement == statement_id)))


def reviews_of(ids: list[int]) -> tuple[Counter, dict[int, Review]]:
    """Per claim: how many verdicts it has, and the latest one."""
    latest: dict[int, Review] = {}
    counts: Counter = Counter()
    for r in Review.select().where(Review.claim.in_(ids)).order_by(Review.id) if ids else []:
        latest[r.claim_id] = r
        counts[r.claim_id] += 1
    return counts, latest


def annotate_claims(rows: list) -> list:
    """Attach review counts and the latest verdict to claims."""
    counts, latest = reviews_of([c.id for c in rows])
    for c in rows:
        c.review_count, c.verdict = counts[c.id], latest.get(c.id)
    return rows


def _labels_query(ids):
    return Review.select(Review.claim, Review.rating_label).where(Review.claim.in_(ids)).order_by(Review.id)


def annotate_claim_rows(rows: list[dict]) -> list[dict]:
    """``annotate_claims`` for the dict rows of a list page: ``review_count`` and ``verdict`` (the latest
    label), through SQL built once per page size."""
    ids = [r["Claim.id"] for r in rows]
    counts: Counter = Counter()
    latest: dict[int, str] = {}
    if ids:
        statement = STATEMENTS.get(
            ("labels", len(ids)), lambda: compile_in(_labels_query, Review.claim, len(ids))
        )
        for review in statement.run(tuple(ids)):
            counts[review["Review.claim"]] += 1
            latest[review["Review.claim"]] = review["Review.rating_label"]
    for r in rows:
        r["review_count"], r["verdict"] = counts[r["Claim.id"]], latest.get(r["Claim.id"])
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
    if not hashes or not _any_verdict(hashes):
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


def _verdict_hashes_query(hashes):
    return Claim.select(Claim.id).join(Review).where(Claim.norm_hash.in_(hashes)).limit(1)


def _any_verdict(hashes: list[str]) -> bool:
    """Whether a claim with one of these hashes has a verdict: one indexed query, its SQL built once per
    number of hashes, so that the usual answer (none) costs no query building."""
    statement = STATEMENTS.get(
        ("verdict hashes", len(hashes)),
        lambda: compile_in(_verdict_hashes_query, Claim.norm_hash, len(hashes)),
    )
    return bool(statement.run(tuple(hashes)))


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


def verdicts_of(ids: list[int]) -> dict[int, dict[str, int]]:
    """Per speaker: how many verdicts their claims have, by rating label."""
    verdicts: dict[int, dict[str, int]] = {i: {} for i in ids}
    if ids:
        statement = STATEMENTS.get(
            ("verdicts", len(ids)), lambda: compile_in(_verdicts_query, SpeakerVerdict.speaker, len(ids))
        )
        for row in statement.run(tuple(ids)):
            verdicts[row["SpeakerVerdict.speaker"]][row["SpeakerVerdict.label"]] = row["SpeakerVerdict.count"]
    return verdicts


def _verdicts_query(ids):
    query = SpeakerVerdict.select(SpeakerVerdict.speaker, SpeakerVerdict.label, SpeakerVerdict.count)
    query = query.where(SpeakerVerdict.speaker.in_(ids) & (SpeakerVerdict.count > 0))
    return query.order_by(SpeakerVerdict.label)


def annotate_speaker_claims(rows: list) -> list:
    """Attach ``verdicts`` (rating label -> count) to speakers (their ``claim_count`` is a column)."""
    verdicts = verdicts_of([s.id for s in rows])
    for s in rows:
        s.verdicts = verdicts[s.id]
    return rows
