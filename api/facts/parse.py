"""Fact-checks read from what publishers publish: schema.org ClaimReview JSON-LD, and the
Google Fact Check Tools ``claims:search`` response. CPU only, no database.

``items(document)`` finds the reviews in a document: one ClaimReview object, an array of
them, a ``@graph`` (as pages embed it: ClaimReview nodes among WebPage, Organization, ...),
or ``{"claims": [{"text", "claimant", "claimDate", "claimReview": [...]}]}``. ``fields(item)``
turns one into the columns of a ``FactCheck``, or raises ``Invalid`` naming what is missing.
Publishers write the vocabulary loosely, so reading is lenient where it can be: a number
given as text ("1") is a number, an author may be a name, an object or a list of them, a date
may carry a time; an unreadable optional value is left out, never a reason to refuse.
"""

from __future__ import annotations

import math
import re
from datetime import date

from ..core.errors import Invalid

MAX_CLAIM = 5000  # characters of a claim's text
MAX_SHORT = 1000  # of a title, claimant, reviewer, rating label
MAX_URL = 2000
GOOGLE = "claims:search"  # the ``kind`` of an item read from a claims:search response

# What JSON Schema's (ECMA-262's) \s matches, as openapi.yaml's patterns spell it: the contract and
# this module agree on what is blank and on what a url may hold.
_BLANK = "\t-\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_NOT_BLANK = re.compile(f"[^{_BLANK}]")
_URL = re.compile(f"[Hh][Tt][Tt][Pp][Ss]?://[^{_BLANK}/?#]+[^{_BLANK}]*")  # 'https://x.example/a?b'
CLAIMREVIEW = re.compile(r"(?:.*/)?ClaimReview")  # '@type': 'ClaimReview', 'http://schema.org/ClaimReview'
_DATE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ].*)?")  # '2020-03-05T10:00:00Z' -> '2020-03-05'
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")  # 'en', 'pt-BR'


def is_claimreview(node) -> bool:
    """Is ``node`` typed ClaimReview ('@type' a string, or a list holding one)?"""
    kind = node.get("@type") if isinstance(node, dict) else None
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and CLAIMREVIEW.fullmatch(k) for k in kinds)


def shape(document) -> str | None:
    """'graph', 'claims' (a claims:search answer), 'list', 'one' (a review), or None (no document)."""
    if isinstance(document, list):
        return "list"
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("@graph"), list):
        return "graph"
    if isinstance(document.get("claims"), list) and "@type" not in document:
        return "claims"
    return "one"


def items(document) -> list[tuple[str, object]]:
    """The reviews in ``document`` as (kind, item): kind 'ClaimReview' or ``GOOGLE``.

    A list's members are reviews, whatever they are (a non-review, or a member without one,
    is refused by ``fields``, so that a batch reports it); a ``@graph``'s other nodes are a
    page's furniture, skipped.
    """
    if isinstance(document, list):
        return [found for member in document for found in _members(member) or [("ClaimReview", member)]]
    return _members(document)


def _members(node) -> list[tuple[str, object]]:
    kind = shape(node)
    if kind == "graph":
        return [("ClaimReview", n) for n in node["@graph"] if is_claimreview(n)]
    if kind == "claims":
        return [(GOOGLE, pair) for claim in node["claims"] for pair in _google_pairs(claim)]
    return [("ClaimReview", node)]


def _google_pairs(claim) -> list[dict]:
    """{"claim": the claim without its reviews, "review": one of them} for each of its reviews."""
    reviews = claim.get("claimReview") if isinstance(claim, dict) else None
    if not isinstance(claim, dict) or not isinstance(reviews, list) or not reviews:
        return [{"claim": claim, "review": None}]
    bare = {k: v for k, v in claim.items() if k != "claimReview"}
    return [{"claim": bare, "review": review} for review in reviews]


def _text(value, limit: int = MAX_SHORT) -> str | None:
    """A string value, trimmed and bounded; names of objects ({"name": ...}); None if unusable."""
    if isinstance(value, list):
        value = next((v for v in value if _text(v, limit)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("text") or value.get("alternateName")
    return _string(value, limit)


def _string(value, limit: int = MAX_SHORT) -> str | None:
    """A string that is not blank, spaces collapsed, cut at ``limit``; None if not one, or if it
    holds NUL or a lone surrogate (the contract's pattern refuses those)."""
    if not isinstance(value, str) or "\x00" in value or not _NOT_BLANK.search(value):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return (" ".join(value.split()) or value)[:limit]


def _storable(value, depth: int = 0):
    """``value`` with every string storable (no NUL, no lone surrogate); too deep: None."""
    if depth > 50:
        return None
    if isinstance(value, str):
        return value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_storable(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {_storable(k, depth + 1): _storable(v, depth + 1) for k, v in value.items()}
    return value


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int | float) and math.isfinite(value) and abs(value) <= 1_000_000:
        return float(value)
    return None


def _date(value) -> date | None:
    match = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def _url(value) -> str | None:
    ok = isinstance(value, str) and len(value) <= MAX_URL and _URL.fullmatch(value)
    return value if ok else None


def _language(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if isinstance(value, str) and _LANGUAGE.fullmatch(value.strip()) and len(value.strip()) <= 35:
        return value.strip()
    return None


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def fields(kind: str, item) -> dict:
    """The FactCheck columns of one review; ``Invalid`` names each missing or unusable field."""
    row = _google(item) if kind == GOOGLE else _claimreview(item)
    row["raw"] = _storable(item)
    errors = {}
    if row["url"] is None:
        errors["url"] = ["Missing or not an http(s) URL: the review's own page, which identifies it."]
    if row["claim_text"] is None:
        errors["claimReviewed" if kind != GOOGLE else "text"] = ["Missing: the claim that was checked."]
    if errors:
        raise Invalid(errors)
    return row


def _claimreview(item) -> dict:
    if not is_claimreview(item):
        raise Invalid({"@type": ["Not a ClaimReview object."]})
    claim = _first(item.get("itemReviewed"))
    claim = claim if isinstance(claim, dict) else {}
    rating = _first(item.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    author = _first(item.get("author"))
    return {
        "claim_text": _string(item.get("claimReviewed"), MAX_CLAIM)
        or _string(claim.get("text"), MAX_CLAIM)
        or _string(claim.get("name"), MAX_CLAIM),
        "title": _text(item.get("headline")) or _text(item.get("name")),
        "claimant": _text(claim.get("author")),
        "claim_date": _date(claim.get("datePublished")) or _date(claim.get("dateCreated")),
        "rating_label": _text(rating.get("alternateName")) or _text(rating.get("name")),
        "rating_value": _number(rating.get("ratingValue")),
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
        "reviewer": _text(author),
        "reviewer_url": _url(author.get("url")) if isinstance(author, dict) else None,
        "url": _url(item.get("url")),
        "review_date": _date(item.get("datePublished")),
        "language": _language(item.get("inLanguage")),
    }


def _google(pair: dict) -> dict:
    claim = pair["claim"] if isinstance(pair["claim"], dict) else {}
    item = pair["review"] if isinstance(pair["review"], dict) else {}
    publisher = item.get("publisher") if isinstance(item.get("publisher"), dict) else {}
    site = publisher.get("site")
    return {
        "claim_text": _string(claim.get("text"), MAX_CLAIM),
        "title": _text(item.get("title")),
        "claimant": _text(claim.get("claimant")),
        "claim_date": _date(claim.get("claimDate")),
        "rating_label": _text(item.get("textualRating")),
        "rating_value": None,
        "best_rating": None,
        "worst_rating": None,
        "reviewer": _text(publisher.get("name")) or _text(site),
        "reviewer_url": _url(f"https://{site}") if isinstance(site, str) and "/" not in site else None,
        "url": _url(item.get("url")),
        "review_date": _date(item.get("reviewDate")),
        "language": _language(item.get("languageCode")),
    }
