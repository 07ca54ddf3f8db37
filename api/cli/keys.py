"""API-key commands: ``flask --app api keys create NAME --role ROLE``, ``keys list``, ``keys revoke NAME``."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..access.keys import create_key, list_keys, revoke_key
from ..core.errors import DomainError
from ..core.vocabulary import ROLES
from ..db import close_connection, database, migrations, open_connection

keys_commands = AppGroup("keys", help="API keys: create one (its token is printed once), list, revoke.")


def _with_database(step):
    """Run ``step()`` on a connection to a current schema; domain errors become the command's error."""
    open_connection()
    try:
        if migrations.version(database) < migrations.LATEST:
            raise click.ClickException("The schema is not current: run `flask --app api db upgrade`.")
        with database.atomic():
            return step()
    except DomainError as exc:
        raise click.ClickException(exc.detail) from exc
    finally:
        close_connection()


@keys_commands.command("create")
@click.argument("name")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(ROLES),
    help="read, ingest (articles, extract), review (claims, verdicts) or admin (everything); repeatable.",
)
def create_command(name, roles):
    """Create a key NAME with ROLEs; its token goes to stdout, once (only its hash is stored)."""
    key, token = _with_database(lambda: create_key(name, list(roles)))
    click.echo(f"created key {key.name!r} ({key.roles}); keep its token, it is not shown again:", err=True)
    click.echo(token)


@keys_commands.command("list")
def list_command():
    """Every key: name, token prefix, roles, created, revoked."""
    for key in _with_database(list_keys):
        revoked = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        created = f"created {key.created_at:%Y-%m-%d %H:%M}"
        click.echo("\t".join((key.name, f"{key.prefix}…", key.roles, created, revoked)))


@keys_commands.command("revoke")
@click.argument("name")
def revoke_command(name):
    """Revoke the key NAME (or the key whose token starts with NAME): its token stops working at once."""
    key = _with_database(lambda: revoke_key(name))
    click.echo(f"revoked key {key.name!r}")
