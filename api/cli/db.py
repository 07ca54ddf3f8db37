"""Database commands: ``flask --app api db upgrade`` and ``flask --app api db version``."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..db import close_connection, database, migrations, open_connection

db_commands = AppGroup("db", help="The database schema: upgrade it, or show its version.")


@db_commands.command("upgrade")
def upgrade_command():
    """Apply the migrations the database lacks (a no-op when it is current; safe to race)."""
    open_connection()
    try:
        applied = migrations.upgrade(database)
    except migrations.SchemaMismatch as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        close_connection()
    if applied:
        click.echo(f"upgraded to version {applied[-1]} (applied {', '.join(map(str, applied))})")
    else:
        click.echo(f"already at version {migrations.LATEST}: nothing to do")


@db_commands.command("version")
def version_command():
    """The database's schema version, and the latest one this code knows."""
    open_connection()
    try:
        current = migrations.version(database)
    finally:
        close_connection()
    if current == migrations.LATEST:
        state = "current"
    elif current < migrations.LATEST:
        state = "older: run `flask --app api db upgrade`"
    else:
        state = "newer than this code"
    click.echo(f"database {current}, code {migrations.LATEST} ({state})")
