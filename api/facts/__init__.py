"""Fact-tracking, built on the news record: claims on statements, and verdicts on claims.

``models``       ``Claim`` (a check-worthy sentence of a statement) and ``Review`` (a verdict)
``claims``       writes: the scorer's claims, checkers' claims, status, verdicts, claims following
                 a merged statement
``queries``      reads: claims with their verdicts, related verdicts, alerts, speakers' verdict counts
``search``       full-text search over claims (SQLite FTS5, PostgreSQL tsvector)
``claimreview``  schema.org ClaimReview JSON-LD export

Imports ``news`` (claims hang on statements) but never the other way round. Fact-check
import and the matching index will live here too.
"""
