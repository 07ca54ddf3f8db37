"""`flask --app api webhooks run --once`: the worker process delivers what the requests logged."""

from __future__ import annotations

import json

from click.testing import CliRunner
from flask.cli import FlaskGroup

from api import create_app

from ..apps import keyed_client, make_app
from ..events.receiver import Receiver
from ..facts.test_factchecks import claimreview
from .test_bulk import url  # noqa: F401 - the fixture


def worker(url: str):  # noqa: F811
    """One round of the worker command, retrying at once (WEBHOOK_BACKOFF=0 from the environment)."""
    flask = FlaskGroup(create_app=lambda: create_app({"DATABASE_URL": url}), load_dotenv=False)
    return CliRunner().invoke(flask, ["webhooks", "run", "--once"], env={"WEBHOOK_BACKOFF": "0"})


def test_the_worker_command_delivers_from_the_change_log(url):  # noqa: F811
    client = keyed_client(make_app(url), "admin")
    with Receiver(statuses=[502]) as receiver:
        client.post("/webhooks", json={"url": receiver.url, "events": ["factcheck.imported"]})
        client.post("/factchecks", json=claimreview())
        first = worker(url)
        assert first.exit_code == 0 and "delivered 0, failed attempts 1" in first.output, first.output
        second = worker(url)
        assert "changes read 0, delivered 1, failed attempts 0" in second.output, second.output
    assert [json.loads(body)["event"] for _, body in receiver.received] == ["factcheck.imported"] * 2
