"""Application factory: settings, database, request hooks, blueprints, commands."""
from __future__ import annotations

import logging
import os

from flask import Flask
from flask_cors import CORS

from . import db, errors, hooks
from . import config as settings


def create_app(config: dict | None = None) -> Flask:
    """Build the app; settings come from the environment, overridden by the ``config`` dict."""
    app = Flask(__name__, static_folder="static", static_url_path="/docs/static")
    app.config.update(settings.load(config))
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(app.instance_path, "quotebook.db")
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("api").setLevel(app.config["LOG_LEVEL"])
    db.init(app.config["DATABASE_URL"])
    origins = app.config["CORS_ORIGINS"]
    CORS(app, origins=origins if origins == "*" else [o.strip() for o in origins.split(",")],
         expose_headers=["Location", "X-Request-ID"])
    hooks.register(app)
    errors.register(app)

    from .routes import articles, changes, claims, extract, meta, quotes, speakers, statements
    for module in (articles, quotes, speakers, statements, claims, changes, extract, meta):
        app.register_blueprint(module.bp)
    from . import cli
    cli.register(app)
    return app
