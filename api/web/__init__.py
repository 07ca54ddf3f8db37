"""The web layer, the only code that sees a request: hooks, auth, limits, errors, parsing, routes
(and ``warm_engines``, which a serving app runs at start-up).

``hooks``       a request id, one database connection, one log line per request
``auth``        API keys on requests: ``@requires(role)`` on every API view, ``current_actor()``
``limits``      rate limits per key and per address (Flask-Limiter), ``@heavy`` for costly views
``security``    security headers on every response
``errors``      every failure, domain errors included, as one problem+json body
``parsing``     a JSON body or the query string through a marshmallow schema
``pagination``  the one list envelope
``cache``       reads kept per worker while the change log's last id is unchanged
``matching``    this process's fact-check index (kept current from the change log) and thresholds
``routes/``     one blueprint per resource; views of a few lines that call domain functions
"""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from schemas.common import MAX_INT

from ..intake.articles import warm_engines as warm_engines  # re-exported: create_app runs it
from . import errors, hooks, limits, matching, security
from .routes import BLUEPRINTS

EXPOSED_HEADERS = [
    "Location",
    "X-Request-ID",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
]


class IdConverter(IntegerConverter):
    """``<id:name>`` in a route: a record id, 1 to 2**63-1; anything else does not match (404)."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_INT)


def register(app: Flask) -> None:
    """Proxies, CORS, request hooks, security headers, rate limits, error handlers and every blueprint."""
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    app.url_map.converters["id"] = IdConverter
    origins = [o.strip() for o in app.config["CORS_ORIGINS"].split(",") if o.strip()]
    if origins:  # none listed (the default): no browser origin is allowed, and no request pays for asking
        CORS(app, origins=origins if origins != ["*"] else "*", expose_headers=EXPOSED_HEADERS)
    hooks.register(app)
    security.register(app)
    limits.register(app)
    errors.register(app)
    matching.register(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
