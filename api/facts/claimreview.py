"""schema.org ClaimReview JSON-LD for a claim's verdicts (https://schema.org/ClaimReview)."""

from __future__ import annotations

from ..extraction import ORGANIZATION

SHORT = 75  # Google's advice for claimReviewed: under 75 characters


def short(text: str, limit: int = SHORT) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return cut + "…"


def _number(value: float):
    return int(value) if float(value).is_integer() else value


def _date(value) -> str | None:
    return value.date().isoformat() if value is not None else None


def _work(quote) -> dict:
    article = quote.article
    work = {"@type": "CreativeWork"}
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.published_at:
        work["datePublished"] = _date(article.published_at)
    if article.publisher:
        work["publisher"] = {"@type": "Organization", "name": article.publisher}
    return work


def _claim(claim, appearances) -> dict:
    item = {"@type": "Claim", "datePublished": _date(claim.statement.first_seen_at)}
    speaker = claim.statement.speaker
    if speaker is not None:
        kind = "Organization" if speaker.kind == ORGANIZATION else "Person"
        item["author"] = {"@type": kind, "name": speaker.name}
        if speaker.title and kind == "Person":
            item["author"]["jobTitle"] = speaker.title
        if speaker.same_as:
            item["author"]["sameAs"] = list(speaker.same_as)
    works = [_work(q) for q in appearances]
    if works:
        item["appearance"] = works
        item["firstAppearance"] = works[0]
    return item


def claimreview(claim, appearances: list, review) -> dict:
    """One ClaimReview document: the verdict ``review`` on ``claim`` (appearances earliest first)."""
    author = {"@type": "Organization", "name": review.reviewer}
    if review.reviewer_url:
        author["url"] = review.reviewer_url
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review.url,
        "claimReviewed": short(claim.text),
        "datePublished": review.date_published.isoformat(),
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": _number(review.rating_value),
            "bestRating": _number(review.best_rating),
            "worstRating": _number(review.worst_rating),
            "alternateName": review.rating_label,
        },
        "itemReviewed": _claim(claim, appearances),
    }
