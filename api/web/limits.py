"""Rate limits with Flask-Limiter: per API key, per address for callers without one.

Every view that carries ``@requires`` (api/web/auth.py) is limited, per route:
``RATELIMIT_DEFAULT`` per key, ``RATELIMIT_ANONYMOUS`` per address without a key,
``RATELIMIT_HEAVY`` on views marked ``@heavy`` (POST /articles, PUT /articles/{id},
POST /extract: the engine's CPU work). Meta routes (/health, /docs, /openapi.yaml) are not limited.
The counters live in ``RATELIMIT_STORAGE_URI``: memory (one process) or Redis,
shared by every worker. A refused request is a 429 problem+json with ``Retry-After``;
every limited answer carries ``RateLimit-Limit``/``-Remaining``/``-Reset`` (seconds)
and ``RateLimit-Policy``, and the older ``X-RateLimit-*`` (Reset as a Unix time).
"""

from __future__ import annotations

import time

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .auth import current_key

# Redis must answer within these seconds, or the limit is skipped (and logged) for that request.
_REDIS_OPTIONS = {"socket_timeout": 1, "socket_connect_timeout": 1}


def heavy(view):
    """Mark a costly view: it gets ``RATELIMIT_HEAVY`` instead of the default limit."""
    view.heavy = True
    return view


def _client() -> str:
    """Whom a limit counts: the API key by name, else the calling address."""
    key = current_key()
    return f"key:{key.name}" if key is not None else f"address:{get_remote_address()}"


def _limit() -> str:
    """The limit of this request: heavy route, keyed or anonymous."""
    config = current_app.config
    if getattr(current_app.view_functions.get(request.endpoint), "heavy", False):
        return config["RATELIMIT_HEAVY"]
    return config["RATELIMIT_DEFAULT"] if current_key() is not None else config["RATELIMIT_ANONYMOUS"]


def _not_an_api_view() -> bool:
    """Meta routes, static files and unknown paths are not limited."""
    view = current_app.view_functions.get(request.endpoint)
    return not hasattr(view, "required_role")


def register(app: Flask) -> Limiter:
    """Attach a limiter to ``app`` (one per app: its counters are the app's own)."""
    if app.config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", _REDIS_OPTIONS)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)  # Redis down: serve, log, don't 500
    limiter = Limiter(_client, default_limits=[_limit], headers_enabled=False)
    limiter.request_filter(_not_an_api_view)
    limiter.init_app(app)

    @app.after_request
    def rate_limit_headers(response):
        limit = limiter.current_limit if limiter.enabled else None
        if limit is None:
            return response
        amount, window = limit.limit.amount, limit.limit.get_expiry()
        reset = max(0, int(limit.reset_at - time.time()))
        headers = response.headers
        headers["RateLimit-Limit"] = str(amount)
        headers["RateLimit-Remaining"] = str(max(0, limit.remaining))
        headers["RateLimit-Reset"] = str(reset)
        headers["RateLimit-Policy"] = f"{amount};w={window}"
        headers["X-RateLimit-Limit"] = str(amount)
        headers["X-RateLimit-Remaining"] = str(max(0, limit.remaining))
        headers["X-RateLimit-Reset"] = str(int(limit.reset_at))
        if response.status_code == 429:
            headers["Retry-After"] = str(max(1, reset))
        return response

    return limiter
