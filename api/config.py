"""Settings: defaults, then environment variables, then the dict given to create_app()."""
from __future__ import annotations

import os

DEFAULTS = {
    # sqlite:///path, sqlite:///:memory: or postgresql://user@host:port/db.
    # Empty means a SQLite file in the app's instance folder.
    "DATABASE_URL": "",
    # Largest request body accepted, in bytes (larger: 413).
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Origins allowed to call the API from a browser: "*" or a comma-separated list.
    "CORS_ORIGINS": "*",
    # Page size of every list when the client gives no `limit`, and its cap.
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "LOG_LEVEL": "INFO",
}

_INTS = {"MAX_CONTENT_LENGTH", "PAGE_SIZE", "MAX_PAGE_SIZE"}


def load(overrides: dict | None = None, environ=os.environ) -> dict:
    """The settings for one app: DEFAULTS < environment < overrides."""
    settings = dict(DEFAULTS)
    for key in DEFAULTS:
        if key in environ:
            value = environ[key]
            settings[key] = int(value) if key in _INTS else value
    settings.update(overrides or {})
    return settings
