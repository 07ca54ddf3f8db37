"""Fact-tracking, built on the news record: claims on statements, and verdicts on claims.

``models``       ``Claim`` (a check-worthy sentence of a statement) and ``Review`` (a verdict)
``claims``       writes: the scorer's claims, checkers' claims, status, verdicts, claims following
                 a merged statement
``queries``      reads: claims with their verdicts, related verdicts, speakers' verdict counts
``alerts``       an article's alerts: quotes repeating checked claims, claims matched to fact-checks
``search``       full-text search over claims (SQLite FTS5, PostgreSQL tsvector)
``claimreview``  schema.org ClaimReview JSON-LD export
``parse``        ClaimReview JSON-LD and claims:search read into fact-check fields (no database)
``factchecks``   writes: fact-checks stored by url, verdicts made fact-checks
``matching``     the per-process index of every fact-check, kept current from the change log
``matches``      writes: claims' matches found (suggestions, alerts) and decided by checkers
``summaries``    what a webhook delivery says of a changed record

Imports ``news`` (claims hang on statements) but never the other way round.
"""
