"""Health, the OpenAPI contract (served verbatim) and the API explorer (Swagger UI, served offline).

Swagger UI 5's files come with the ``flask-swagger-ui`` package and are served by
this blueprint from ``/docs/assets/``; the page and its start-up script are ours.
"""

from __future__ import annotations

import logging
import os

import flask_swagger_ui
from flask import Blueprint, current_app, render_template, send_file

from schemas.common import health_schema

from ... import db
from ..errors import unavailable

SWAGGER_UI = os.path.join(os.path.dirname(flask_swagger_ui.__file__), "dist")
bp = Blueprint("meta", __name__, static_folder=SWAGGER_UI, static_url_path="/docs/assets")
log = logging.getLogger("api")


def spec_path() -> str:
    return os.path.join(os.path.dirname(current_app.root_path), "openapi.yaml")


# What a failed check says, by words of the driver's message (the message itself, which may name
# hosts and users, goes to the log only).
_REASONS = (
    ("does not exist", "the database does not exist (create it: see the README, 'PostgreSQL')"),
    ("timeout", "the database did not answer in time"),
    ("password", "the database refused the credentials"),
    ("authentication", "the database refused the credentials"),
    ("refused", "nothing accepts connections at the database's address"),
    ("locked", "the database is locked by a writer"),
)


def _reason(exc: Exception) -> str:
    message = str(exc).lower()
    return next((why for words, why in _REASONS if words in message), type(exc).__name__)


@bp.get("/health")
def health():
    """The service is up and its database answers."""
    try:
        db.open_connection()
        db.database.execute_sql("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        log.error("health check failed: %s", exc)
        return unavailable(f"Database check failed: {_reason(exc)}.")
    finally:
        db.close_connection()
    return health_schema.dump({"status": "ok", "database": "ok"})


@bp.get("/openapi.yaml")
def openapi():
    """The API contract, verbatim."""
    return send_file(spec_path(), mimetype="application/yaml")


@bp.get("/docs")
def docs():
    """The API explorer (Swagger UI) on the contract, with try-it-out; no external assets."""
    return render_template("docs.html")
