"""Application factory."""
from __future__ import annotations

from flask import Flask


def create_app(config: dict | None = None) -> Flask:
    """Build the app; settings come from the environment, overridden by ``config``."""
    app = Flask(__name__)
    if config:
        app.config.update(config)
    from . import cli
    cli.register(app)
    return app
