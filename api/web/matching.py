"""The web layer's matching: this process's fact-check index, and the thresholds from the settings."""

from __future__ import annotations

import logging

from flask import Flask, current_app
from peewee import InterfaceError, OperationalError

from .. import db
from ..facts.matches import Thresholds
from ..facts.matching import FactCheckIndex

KEY = "factcheck_index"
log = logging.getLogger("api")


def register(app: Flask) -> None:
    """One index per app (per gunicorn worker), loaded on first use (or by ``gunicorn.conf.py``'s
    ``post_worker_init``, before the worker serves), kept current from the change log."""
    index = app.extensions[KEY] = FactCheckIndex()

    def warm_up() -> None:
        with app.app_context():
            db.open_connection()
            try:
                index.refresh()
            except (OperationalError, InterfaceError) as exc:  # the first request loads it instead
                log.warning("fact-check index not loaded at start-up: %s", exc)
            finally:
                db.close_connection()

    app.extensions["factcheck_warm_up"] = warm_up


def factcheck_index() -> FactCheckIndex:
    return current_app.extensions[KEY]


def thresholds() -> Thresholds:
    config = current_app.config
    return Thresholds(
        min_similarity=config["MATCH_MIN_SIMILARITY"],
        alert_at=config["MATCH_ALERT_THRESHOLD"],
        limit=config["MATCH_LIMIT"],
    )
