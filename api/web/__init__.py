"""The web layer, the only code that sees a request: hooks, errors, parsing, pagination, routes.

``hooks``       a request id, one database connection, one log line per request
``errors``      every failure, domain errors included, as one problem+json body
``parsing``     a JSON body or the query string through a marshmallow schema
``pagination``  the one list envelope
``routes/``     one blueprint per resource; views of a few lines that call domain functions

API-key checks and rate limits (``api.access``) will be request hooks here.
"""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from . import errors, hooks
from .routes import BLUEPRINTS


def register(app: Flask) -> None:
    """CORS, request hooks, error handlers and every blueprint."""
    origins = app.config["CORS_ORIGINS"]
    CORS(
        app,
        origins=origins if origins == "*" else [o.strip() for o in origins.split(",")],
        expose_headers=["Location", "X-Request-ID"],
    )
    hooks.register(app)
    errors.register(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
