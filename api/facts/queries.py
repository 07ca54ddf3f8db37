"""Reads of fact-tracking: claims, their verdicts, verdicts on the same words elsewhere, alerts.

A ``get_*`` function raises ``NotFound``; an ``annotate_*`` function attaches what a
page of rows needs to all of them in a few queries.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from peewee import JOIN, SQL, NodeList, fn

from ..core.errors import NotFound
from ..core.text import fold
from ..core.vocabulary import CONFIRMED, REJECTED
from ..db.models import in_range
from ..db.paging import Listing
from ..db.prepared import STATEMENTS, compile_in
from ..news.models import Speaker, SpeakerAlias, Statement
from ..news.queries import appearances
from .models import Claim, ClaimMatch, FactCheck, Review
from .search import matching_claim_ids, matching_claim_rows, matching_claims, matching_factchecks
from .verdicts import verdicts_of


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
    walk = total = None
    if args.get("q"):
        filters = base._where  # the others: on the claim's own columns unless by_statement
        base = base.where(matching_claims(args["q"]))
        ids = matching_claim_ids(args["q"])
        if ids is not None and not by_statement:  # many matches: walk the newest for the page
            # ``+id``: the id is tested against the matches, not used to look them up (SQLite would
            # read every match by id and sort them: what the walk is for not doing)
            matched = NodeList((SQL("+"), Claim.id)).in_(ids)
            walk = (Claim.select(), matched if filters is None else filters & matched)
            if filters is None:  # words alone: count the index's rows, not the claims
                total = matching_claim_rows(args["q"])
    query = (base if by_statement else base.join(Statement)).select(Claim, Statement, Speaker)
    query = query.switch(Statement).join(Speaker, JOIN.LEFT_OUTER).switch(Claim)
    ordered = query.order_by(Claim.created_at.desc(), Claim.id.desc())
    return Listing(ordered, order, base, walk, total, search=bool(args.get("q")))


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
    claim.matches = claim_matches([claim.id])[claim.id]
    speaker_id = claim.statement.speaker_id
    names = speaker_names([speaker_id])
    for match in claim.matches:
        match.same_speaker = same_speaker(match.factcheck, speaker_id, names)
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


def verdict_probe(hashes):
    """A claim with one of these normalized-word hashes that has a verdict (at most one row)."""
    return Claim.select(Claim.id).join(Review).where(Claim.norm_hash.in_(hashes)).limit(1)


def _any_verdict(hashes: list[str]) -> bool:
    """Whether a claim with one of these hashes has a verdict: one indexed query, its SQL built once per
    number of hashes, so that the usual answer (none) costs no query building."""
    statement = STATEMENTS.get(
        ("verdict hashes", len(hashes)),
        lambda: compile_in(verdict_probe, Claim.norm_hash, len(hashes)),
    )
    return bool(statement.run(tuple(hashes)))


def annotate_speaker_claims(rows: list) -> list:
    """Attach ``verdicts`` (rating label -> count) to speakers (their ``claim_count`` is a column)."""
    verdicts = verdicts_of([s.id for s in rows])
    for s in rows:
        s.verdicts = verdicts[s.id]
    return rows


def get_factcheck(factcheck_id: int) -> FactCheck:
    found = FactCheck.get_or_none(FactCheck.id == factcheck_id)
    if found is None:
        raise NotFound(f"No fact-check with id {factcheck_id}.")
    return found


def factchecks(args: dict) -> Listing:
    """Fact-checks by words, reviewer, source and language; newest first."""
    base = in_range(FactCheck.select(), FactCheck.created_at, args)
    if args.get("q"):
        base = base.where(matching_factchecks(args["q"]))
    if args.get("reviewer"):
        base = base.where(FactCheck.reviewer == args["reviewer"])
    for name in ("source", "language"):
        if args.get(name):
            base = base.where(getattr(FactCheck, name) == args[name])
    order = ((FactCheck.created_at, True), (FactCheck.id, True))
    return Listing(base.order_by(FactCheck.created_at.desc(), FactCheck.id.desc()), order, base)


def claim_matches(claim_ids: list[int], min_similarity: float | None = None) -> dict[int, list[ClaimMatch]]:
    """The fact-checks matched to each claim (not those a checker rejected), confirmed ones first,
    then the closest; each with its ``factcheck`` attached."""
    found: dict[int, list[ClaimMatch]] = defaultdict(list)
    if not claim_ids:
        return found
    query = (
        ClaimMatch.select(ClaimMatch, FactCheck)
        .join(FactCheck)
        .where(ClaimMatch.claim.in_(claim_ids) & (ClaimMatch.status != REJECTED))
    )
    if min_similarity is not None:  # a confirmed match counts however similar
        query = query.where((ClaimMatch.similarity >= min_similarity) | (ClaimMatch.status == CONFIRMED))
    for match in query:
        found[match.claim_id].append(match)
    for matches in found.values():
        matches.sort(key=lambda m: (m.status != CONFIRMED, -(m.similarity or 0), m.factcheck_id))
    return found


def same_speaker(factcheck: FactCheck, speaker_id: int | None, names: dict[int, set[str]]) -> bool | None:
    """Did the quote's speaker make the fact-checked claim? None when either is unknown.

    A verdict's fact-check knows its speaker; an imported one names its claimant, compared
    (folded) with the speaker's name and aliases in ``names``."""
    if speaker_id is None or (factcheck.speaker_id is None and not factcheck.claimant):
        return None
    if factcheck.speaker_id is not None:
        return factcheck.speaker_id == speaker_id
    return fold(factcheck.claimant) in names.get(speaker_id, set())


def speaker_names(speaker_ids) -> dict[int, set[str]]:
    """Each speaker's folded name and aliases."""
    names: dict[int, set[str]] = defaultdict(set)
    ids = sorted(set(speaker_ids) - {None})
    if ids:
        for alias in SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.folded).where(
            SpeakerAlias.speaker.in_(ids)
        ):
            names[alias.speaker_id].add(alias.folded)
        for speaker in Speaker.select(Speaker.id, Speaker.name).where(Speaker.id.in_(ids)):
            names[speaker.id].add(fold(speaker.name))
    return names
