"""`flask --app api db version` and `db upgrade`: the schema step by hand."""

from __future__ import annotations

from click.testing import CliRunner
from flask.cli import FlaskGroup

from api import create_app
from api.db import migrations


def run(url: str, *args: str):
    """``flask --app api ARGS`` on ``url``; the result."""
    flask = FlaskGroup(create_app=lambda: create_app({"DATABASE_URL": url}), load_dotenv=False)
    return CliRunner().invoke(flask, list(args))


def test_version_then_upgrade_then_nothing_to_do(tmp_path):
    url, latest = f"sqlite:///{tmp_path}/cli.db", migrations.LATEST
    before = run(url, "db", "version")
    assert before.exit_code == 0, before.output
    assert before.output.strip() == f"database 0, code {latest} (older: run `flask --app api db upgrade`)"
    upgraded = run(url, "db", "upgrade")
    assert upgraded.exit_code == 0 and f"upgraded to version {latest}" in upgraded.output
    again = run(url, "db", "upgrade")
    assert again.exit_code == 0 and "nothing to do" in again.output
    assert run(url, "db", "version").output.strip() == f"database {latest}, code {latest} (current)"
