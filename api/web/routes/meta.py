"""Health, the OpenAPI contract (served verbatim) and a human-readable reference page."""

from __future__ import annotations

import functools
import logging
import os

import regex
import yaml
from flask import Blueprint, current_app, render_template, send_file
from markupsafe import Markup, escape

from schemas.common import health_schema

from ... import db
from ..errors import unavailable

bp = Blueprint("meta", __name__)
log = logging.getLogger("api")


def spec_path() -> str:
    return os.path.join(os.path.dirname(current_app.root_path), "openapi.yaml")


@functools.cache
def load_spec(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_CODE = regex.compile(r"`([^`]+)`")


@bp.app_template_filter("prose")
def prose(text) -> Markup:
    """Escape a description and show its `backticked` words as code."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text or ""))))


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
    """The API reference, rendered from the contract; no external assets."""
    return render_template("docs.html", spec=load_spec(spec_path()))
