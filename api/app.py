"""Application factory: config → database → schema step → engines warmed → web layer → commands,
nothing else."""

from __future__ import annotations

import logging
import os

from flask import Flask
from peewee import InterfaceError, OperationalError

from . import cli, db, web
from . import config as settings
from .db import migrations
from .web.jsonio import OrjsonProvider

log = logging.getLogger("api")


def create_app(config: dict | None = None) -> Flask:
    """Build the app; settings come from the environment, overridden by the ``config`` dict."""
    app = Flask(
        __name__, static_folder="web/static", static_url_path="/docs/static", template_folder="web/templates"
    )
    app.config.update(settings.load(config))
    app.json = OrjsonProvider(app)  # key order as built, UTF-8 as is: Flask's sort_keys/ensure_ascii off
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(app.instance_path, "quotebook.db")
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("api").setLevel(app.config["LOG_LEVEL"])
    db.init(
        app.config["DATABASE_URL"],
        app.config["DATABASE_CONNECT_TIMEOUT"],
        app.config["DATABASE_STATEMENT_TIMEOUT"],
    )
    serving = not cli.loading_for_a_command()
    if serving:
        prepare_schema(app.config["AUTO_MIGRATE"])
    web.register(app)
    if serving and app.config["WARM_ENGINES"]:
        web.warm_engines()
    cli.register(app)
    return app


def prepare_schema(auto_upgrade: bool) -> None:
    """The start-up schema step: upgrade an empty or older database, refuse a newer one.

    A database that does not answer is logged and left alone: the app starts, /health
    reports it, and ``flask --app api db upgrade`` prepares it once it answers.
    """
    try:
        db.open_connection()
    except (OperationalError, InterfaceError) as exc:
        log.error("database unreachable at start-up, schema not checked: %s", exc)
        return
    try:
        migrations.start_up(db.database, auto_upgrade)
    finally:
        db.close_connection()
