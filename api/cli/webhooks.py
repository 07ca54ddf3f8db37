"""The webhook worker: ``flask --app api webhooks run [--once] [--interval SECONDS]``.

Reads the change log after each webhook's cursor, turns it into deliveries (the outbox,
``events/outbox.py``) and sends what is due, signed and retried with backoff
(``events/sender.py``). Several workers may run on one database (each takes a lease on what
it sends); any may be stopped and started at any time (what it had not sent is sent by the
next run; what it sent but had not recorded as sent is sent again, after its lease).
"""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup

from ..db import close_connection, open_connection
from ..events.sender import Policy, run_once
from ..facts.summaries import describe

webhook_commands = AppGroup("webhooks", help="Webhooks: the worker that delivers them.")


def policy_of(config) -> Policy:
    return Policy(
        timeout=config["WEBHOOK_TIMEOUT"],
        backoff=config["WEBHOOK_BACKOFF"],
        max_attempts=config["WEBHOOK_MAX_ATTEMPTS"],
    )


def work_once(config) -> tuple[int, int, int]:
    """One round on a connection of its own: (changes read, delivered, failed attempts)."""
    open_connection()
    try:
        return run_once(policy_of(config), describe)
    finally:
        close_connection()


@webhook_commands.command("run")
@click.option("--once", is_flag=True, help="One round (derive, then send what is due), then stop.")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between rounds.")
def run_command(once, interval):
    """Deliver webhooks from the change log: signed, retried with backoff, logged."""
    config = current_app.config
    while True:
        read, delivered, failed = work_once(config)
        if once or read or delivered or failed:
            click.echo(f"changes read {read}, delivered {delivered}, failed attempts {failed}")
        if once:
            return
        time.sleep(interval)
