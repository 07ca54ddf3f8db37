"""Alerts on an article's quotes: the same words as a checked claim (any speaker), and claims matched
to a fact-check; both skip their work when the usual answer (none) is found by one indexed query."""

from __future__ import annotations

import functools
from collections import defaultdict

from peewee import Select, fn

from ..checkworthy import quote_sentences
from ..core.text import digest, normalize
from ..core.vocabulary import CONFIRMED, REJECTED
from ..db import database
from ..db.prepared import STATEMENTS, compile_in, compile_ins
from ..news.models import Quote
from .models import Claim, ClaimMatch, Review
from .queries import claim_matches, related_verdicts, same_speaker, speaker_names, verdict_probe


def alerts(quotes: list[Quote], threshold: float | None = None) -> list[dict]:
    """Quotes that repeat an already-checked claim (same words, any speaker), with its verdicts;
    then (given a ``threshold``) quotes whose claims match a fact-check at least that closely."""
    if threshold is not None and not _any_alert(quotes, threshold):
        return []
    same_words = same_word_alerts(quotes)
    if threshold is None:
        return same_words
    return with_match_alerts(same_words, match_alerts(quotes, threshold))


@functools.lru_cache(maxsize=32768)
def word_hashes(text: str) -> frozenset[str]:
    """The hashes of a quote's normalized words, whole and sentence by sentence (what a claim's
    ``norm_hash`` is compared with). A pure function of the text, kept for the texts seen last:
    the sentence split costs more than the rest of an article's detail."""
    parts = [text, *(text[a:b] for a, b in quote_sentences(text))]
    return frozenset({digest(normalize(s)) for s in parts} - {digest("")})


def same_word_alerts(quotes: list[Quote]) -> list[dict]:
    """Quotes that repeat an already-checked claim (same words, any speaker), with its verdicts."""
    hashes_of = {q.id: word_hashes(q.text) for q in quotes}
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


def match_alerts(quotes: list[Quote], threshold: float) -> list[dict]:
    """Quotes whose claims match a fact-check at or above ``threshold``, or as a checker confirmed
    (not those rejected)."""
    statement_ids = sorted({q.statement_id for q in quotes if q.statement_id})
    if not statement_ids or not _any_match(statement_ids, threshold):
        return []
    claims_of: dict[int, list[Claim]] = defaultdict(list)
    for claim in Claim.select().where(Claim.statement.in_(statement_ids)).order_by(Claim.id):
        claims_of[claim.statement_id].append(claim)
    matches = claim_matches([c.id for cs in claims_of.values() for c in cs], threshold)
    if not matches:  # the usual answer: no need for the speakers' names
        return []
    names = speaker_names(q.speaker_id for q in quotes)
    found = []
    for q in quotes:
        for claim in claims_of.get(q.statement_id, []):
            for match in matches.get(claim.id, []):
                match.same_speaker = same_speaker(match.factcheck, q.speaker_id, names)
                found.append({"quote_id": q.id, "claim": claim, "match": match})
    return found


def _match_probe(ids, threshold: float):
    """A match of a claim of these statements that ``match_alerts`` would show (at most one row)."""
    close = (ClaimMatch.similarity >= threshold) | (ClaimMatch.status == CONFIRMED)
    found = ClaimMatch.select(ClaimMatch.id).join(Claim).where(Claim.statement.in_(ids))
    return found.where((ClaimMatch.status != REJECTED) & close).limit(1)


def _any_match(statement_ids: list[int], threshold: float) -> bool:
    """Whether a claim of these statements has a match ``match_alerts`` would show: one indexed query,
    its SQL built once per number of statements, so that the usual answer (none) costs no more."""
    statement = STATEMENTS.get(
        ("match probe", threshold, len(statement_ids)),
        lambda: compile_in(lambda ids: _match_probe(ids, threshold), Claim.statement, len(statement_ids)),
    )
    return bool(statement.run(tuple(statement_ids)))


def _any_alert(quotes: list[Quote], threshold: float) -> bool:
    """Whether ``alerts`` may find anything: the verdict probe and the match probe in one query (one
    round trip for the usual answer, none), its SQL built once per number of hashes and statements.
    True when either list is empty: each kind then asks on its own, as it does after a True."""
    hashes = sorted(set().union(*(word_hashes(q.text) for q in quotes))) if quotes else []
    statement_ids = sorted({q.statement_id for q in quotes if q.statement_id})
    if not hashes or not statement_ids:
        return True

    def probe(hash_marks, id_marks):
        verdict = fn.EXISTS(verdict_probe(hash_marks)).alias("verdict")
        return Select(columns=[verdict, fn.EXISTS(_match_probe(id_marks, threshold)).alias("matched")])

    lists = ((Claim.norm_hash, len(hashes)), (Claim.statement, len(statement_ids)))
    statement = STATEMENTS.get(
        ("alert probe", threshold, len(hashes), len(statement_ids)),
        lambda: compile_ins(lambda h, i: probe(h, i).bind(database), lists),
    )
    found = statement.run((*hashes, *statement_ids))[0]
    return bool(found["verdict"]) or bool(found["matched"])


def with_match_alerts(same_words: list[dict], matched: list[dict]) -> list[dict]:
    """Alerts on the same words, then on matched fact-checks (those not already alerted as a verdict)."""
    seen = {(a["quote_id"], r.url) for a in same_words for r in a["reviews"]}
    extra = [
        {
            "quote_id": m["quote_id"],
            "claim": m["claim"],
            "same_speaker": m["match"].same_speaker,
            "reviews": [],
            "factcheck": m["match"].factcheck,
            "similarity": m["match"].similarity,
        }
        for m in matched
        if (m["quote_id"], m["match"].factcheck.url) not in seen
    ]
    return same_words + extra
