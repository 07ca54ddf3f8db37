"""Flask commands, all registered here: ``flask --app api <command>``.

``engines``  ``extract`` and ``checkworthy``: the engines over JSONL files, no database
``db``       ``db upgrade`` and ``db version``: the schema step by hand
``keys``     ``keys create``, ``keys list``, ``keys revoke``: API keys and their roles
``ingest``   bulk import of a JSONL archive (worker processes, batched writes, resumable, shards)
``export``   quotes, claims, statements or fact-checks streamed as JSONL or CSV
``factchecks``  ``factchecks import FILE``: ClaimReview JSON-LD by url
``webhooks``  ``webhooks run``: the worker that delivers webhooks from the change log
``match``    the matching engine over JSONL files (fact-checked claims, queries), no database

Commands call the same domain functions as the web layer. Commands read input through the API's own schemas.
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import ScriptInfo

from .db import db_commands
from .engines import checkworthy_command, extract_command, quote_prediction
from .export import export_command
from .factchecks import factcheck_commands
from .ingest import ingest_command
from .keys import keys_commands
from .match import match_command
from .webhooks import webhook_commands

__all__ = ["checkworthy_command", "extract_command", "loading_for_a_command", "quote_prediction", "register"]


def register(app: Flask) -> None:
    app.cli.add_command(extract_command)
    app.cli.add_command(checkworthy_command)
    app.cli.add_command(db_commands)
    app.cli.add_command(keys_commands)
    app.cli.add_command(ingest_command)
    app.cli.add_command(export_command)
    app.cli.add_command(factcheck_commands)
    app.cli.add_command(webhook_commands)
    app.cli.add_command(match_command)


def loading_for_a_command() -> bool:
    """Is the flask CLI building the app to run a command other than ``flask run``?

    Such an app skips the start-up schema step: ``extract`` and ``checkworthy``
    touch no database, ``db version`` reports the database as it is, and
    ``db upgrade`` is the schema step itself. ``flask run`` serves, so it is
    prepared like any server's app.
    """
    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.find_object(ScriptInfo) is not None and ctx.command.name != "run"
