"""The words the service stores and accepts, each defined once.

The models, the domain code and the marshmallow schemas all import from here,
so a new status or feed entity is added in one place.
"""

from __future__ import annotations

# A claim's review status.
UNREVIEWED, IN_REVIEW, REVIEWED, DISMISSED = "unreviewed", "in_review", "reviewed", "dismissed"
STATUSES = (UNREVIEWED, IN_REVIEW, REVIEWED, DISMISSED)

# Who made a claim: the check-worthiness model or a person.
SCORER, CHECKER = "scorer", "checker"

# The change feed: the kinds of record whose creation, update or deletion it lists, and what
# happened to them ("merged": a speaker folded into another by an editor; its id leads there).
ENTITIES = (
    "article",
    "revision",
    "quote",
    "speaker",
    "statement",
    "claim",
    "review",
    "factcheck",
    "match",
    "alert",
)
ACTIONS = ("created", "updated", "deleted", "merged")


# Where a fact-check came from: imported ClaimReview, or a verdict recorded here.
IMPORTED, VERDICT = "import", "verdict"
FACTCHECK_SOURCES = (IMPORTED, VERDICT)

# A suggested match of a claim with a fact-check, as a checker left it.
SUGGESTED, CONFIRMED, REJECTED = "suggested", "confirmed", "rejected"
MATCH_STATUSES = (SUGGESTED, CONFIRMED, REJECTED)

# What a webhook may subscribe to (each derived from the change feed, see events/outbox.py).
ALERT, CLAIM_CREATED, CLAIM_UPDATED = "alert", "claim.created", "claim.updated"
REVIEW_CREATED, FACTCHECK_IMPORTED, ARTICLE_CORRECTED = (
    "review.created",
    "factcheck.imported",
    "article.corrected",
)
EVENTS = (ALERT, CLAIM_CREATED, CLAIM_UPDATED, REVIEW_CREATED, FACTCHECK_IMPORTED, ARTICLE_CORRECTED)

# A webhook delivery's state.
PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
DELIVERY_STATUSES = (PENDING, DELIVERED, FAILED)

# What an API key may do. Any key may read; admin may do everything.
READ, INGEST, REVIEW, ADMIN = "read", "ingest", "review", "admin"
ROLES = (READ, INGEST, REVIEW, ADMIN)

# A sentence of fewer words is never a claim ("Thank you.").
MIN_CLAIM_WORDS = 3
# A partial quote joins a longer statement containing it only when both have at
# least this many words, so that a stock phrase ("a disaster") joins nothing.
MIN_OVERLAP_WORDS = 4
