"""Settings: defaults, then environment variables, then the dict given to create_app()."""

from __future__ import annotations

import os

DEFAULTS = {
    # sqlite:///path, sqlite:///:memory: or postgresql://user@host:port/db.
    # Empty means a SQLite file in the app's instance folder.
    "DATABASE_URL": "",
    # Largest request body accepted, in bytes (larger: 413).
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Seconds to wait for the database to accept a connection, and for one statement (PostgreSQL's
    # statement_timeout; SQLite's busy timeout for the write lock): past them the answer is a 503.
    "DATABASE_CONNECT_TIMEOUT": 5,
    "DATABASE_STATEMENT_TIMEOUT": 10,
    # Origins allowed to call the API from a browser, comma-separated; empty: none (the default).
    "CORS_ORIGINS": "",
    # Reads need an API key too (by default they are open; writes always need one).
    "READS_REQUIRE_KEY": False,
    # Rate limits (Flask-Limiter syntax, per route): per API key; per address for calls without a
    # key; and for the costly routes (POST /articles, POST /extract), per key or address.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_DEFAULT": "300 per minute",
    "RATELIMIT_ANONYMOUS": "60 per minute",
    "RATELIMIT_HEAVY": "30 per minute",
    # Where the counters live: memory:// (one process) or redis://host:6379/0 (shared by workers).
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_KEY_PREFIX": "quotebook",
    # How many proxies in front set X-Forwarded-For (rate limits then count the client's address).
    "PROXY_COUNT": 0,
    # Page size of every list when the client gives no `limit`, and its cap.
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    # A list's `total` counts matching items up to this many; beyond, it says "at least" (total_exact false).
    "COUNT_LIMIT": 1000,
    # A search of speakers or claims by words (`q`) counts its matches up to this many: past it the
    # page is found by walking the list's order instead of sorting every match (db/paging.py).
    "SEARCH_COUNT_LIMIT": 100,
    # An article's detail (and the answer to its POST) embeds at most this many of its quotes;
    # `quotes_next` links to the rest (GET /quotes?article=ID).
    "ARTICLE_QUOTES": 100,
    # Reads of quotes, articles, speakers, statements and claims are kept per worker and served
    # again while the change log's last id is unchanged (api/web/cache.py); at most this many MB.
    "RESPONSE_CACHE": True,
    "RESPONSE_CACHE_MB": 32,
    "LOG_LEVEL": "INFO",
    # Quote sentences scoring at least this check-worthiness become claims; empty: the model's own.
    "CHECKWORTHY_THRESHOLD": None,
    # At start-up, upgrade an empty or older database schema; false: refuse to start until
    # `flask --app api db upgrade` has run (a deploy step). A newer schema is always refused.
    "AUTO_MIGRATE": True,
    # At start-up (serving, not a command), read the engines' model files (check-worthiness, claim
    # matching: about 0.25 s) so that the first article a new worker stores does not wait for them;
    # false: read on first use.
    "WARM_ENGINES": True,
    # A claim's match with a fact-check at or above this similarity is an alert (in the article's
    # POST answer, in the change feed as entity `alert`, and to webhooks subscribed to `alert`).
    "MATCH_ALERT_THRESHOLD": 0.5,
    # Matches below this similarity are not kept for a claim at all; at most MATCH_LIMIT per claim.
    "MATCH_MIN_SIMILARITY": 0.3,
    "MATCH_LIMIT": 5,
    # Webhook deliveries (the worker, `flask --app api webhooks run`): seconds to wait for the
    # receiver; seconds before the second attempt, doubled after each failure (capped at an hour);
    # attempts before a delivery is marked failed.
    "WEBHOOK_TIMEOUT": 10.0,
    "WEBHOOK_BACKOFF": 30.0,
    "WEBHOOK_MAX_ATTEMPTS": 8,
}

_INTS = {
    "MAX_CONTENT_LENGTH",
    "PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "DATABASE_CONNECT_TIMEOUT",
    "DATABASE_STATEMENT_TIMEOUT",
    "PROXY_COUNT",
    "COUNT_LIMIT",
    "SEARCH_COUNT_LIMIT",
    "ARTICLE_QUOTES",
    "RESPONSE_CACHE_MB",
    "WEBHOOK_MAX_ATTEMPTS",
    "MATCH_LIMIT",
}
_FLOATS = {
    "CHECKWORTHY_THRESHOLD",
    "MATCH_ALERT_THRESHOLD",
    "MATCH_MIN_SIMILARITY",
    "WEBHOOK_TIMEOUT",
    "WEBHOOK_BACKOFF",
}
_BOOLS = {"AUTO_MIGRATE", "WARM_ENGINES", "READS_REQUIRE_KEY", "RATELIMIT_ENABLED", "RESPONSE_CACHE"}


def load(overrides: dict | None = None, environ=os.environ) -> dict:
    """The settings for one app: DEFAULTS < environment < overrides."""
    settings = dict(DEFAULTS)
    for key in DEFAULTS:
        if key in environ:
            value = environ[key]
            if key in _INTS:
                value = int(value)
            elif key in _FLOATS:
                value = float(value) if value.strip() else None
            elif key in _BOOLS:
                value = value.strip().lower() in ("1", "true", "yes", "on")
            settings[key] = value
    settings.update(overrides or {})
    return settings
