"""schemathesis hooks for .ci/fuzz: rules the contract states in prose that JSON Schema cannot express.

- A verdict's ``rating.value`` lies between ``worst`` and ``best``, which differ
  (openapi.yaml, ``Rating``): generated ratings are put in that order.
- A claim's ``text`` must be words of its quote (``ClaimIn``): the fuzzer cannot
  know a stored quote's words, so positive bodies leave ``text`` out (the whole
  quote is the claim); tests/facts/test_claims.py covers ``text``.
- A list's ``cursor`` is opaque: only one the same list issued in a page's ``next`` is valid, and
  it excludes ``offset``. The fuzzer cannot know one, so positive queries leave it out (any string
  it draws is rightly refused with 422); tests/web/test_pagination.py covers cursors.

Only positively generated cases change: negative ones stay as drawn, to be rejected.
"""

from __future__ import annotations

import schemathesis

LIMIT = 1_000_000  # openapi.yaml: a rating's numbers lie within +-1e6


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _ordered_rating(rating: dict) -> dict:
    """worst <= value <= best, worst != best (the contract allows a reversed scale; this is one case)."""
    numbers = [rating.get(k) for k in ("worst", "value", "best")]
    if not all(_is_number(n) for n in numbers):
        return rating
    worst, value, best = sorted(numbers)
    if worst == best:
        worst, best = (worst - 1, best) if worst > -LIMIT else (worst, best + 1)
    return {**rating, "worst": worst, "value": value, "best": best}


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    if isinstance(case.query, dict) and "cursor" in case.query:
        case.query = {k: v for k, v in case.query.items() if k != "cursor"}
    if not isinstance(case.body, dict):
        return case
    operation = case.operation.definition.raw.get("operationId")
    if operation == "createReview" and isinstance(case.body.get("rating"), dict):
        case.body = {**case.body, "rating": _ordered_rating(case.body["rating"])}
    elif operation == "createClaim":
        case.body = {k: v for k, v in case.body.items() if k != "text"}
    return case
