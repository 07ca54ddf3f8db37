"""The web layer's matching: this process's fact-check index, and the thresholds from the settings."""

from __future__ import annotations

from flask import Flask, current_app

from ..facts.matches import Thresholds
from ..facts.matching import FactCheckIndex

KEY = "factcheck_index"


def register(app: Flask) -> None:
    """One index per app (per gunicorn worker), loaded on first use, kept current from the change log."""
    app.extensions[KEY] = FactCheckIndex()


def factcheck_index() -> FactCheckIndex:
    return current_app.extensions[KEY]


def thresholds() -> Thresholds:
    config = current_app.config
    return Thresholds(
        min_similarity=config["MATCH_MIN_SIMILARITY"],
        alert_at=config["MATCH_ALERT_THRESHOLD"],
        limit=config["MATCH_LIMIT"],
    )
