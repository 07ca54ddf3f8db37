"""JSON answers are written by orjson (api/web/jsonio.py) as Flask's own provider wrote them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from api.web.jsonio import OrjsonProvider
from schemas.common import timestamp


@dataclass
class Point:
    x: int
    label: str


def flask_bytes(app, body) -> bytes:
    """What Flask's provider, as the app was configured before (key order kept, UTF-8), answers."""
    provider = DefaultJSONProvider(app)
    provider.sort_keys, provider.ensure_ascii = False, False
    with app.app_context():
        return provider.response(body).get_data()


def orjson_bytes(app, body) -> bytes:
    with app.app_context():
        return OrjsonProvider(app).response(body).get_data()


BODY = {
    "zeta": 1,
    "alpha": ["Zitat „so“ — «oui»", None, True, 2.5, -3],
    "nested": {"b": {"c": []}, "a": '\u2028 line\nbreak "quoted" \\ \x01'},
    "point": Point(3, "p"),
    7: "an int key",
}


def test_answers_are_the_bytes_flask_wrote():
    app = Flask("t")
    ours = orjson_bytes(app, BODY)
    assert ours == flask_bytes(app, BODY)
    assert ours.endswith(b"\n") and "„so“".encode() in ours  # UTF-8 as is, not \u escapes


def test_times_are_written_in_the_api_formats_by_every_path():
    """A naive datetime (UTC) as the API's timestamps are, to the second, with Z; a date as a date;
    the same through orjson, through Flask's provider (a refused big integer) and pretty-printed."""
    app = Flask("t")
    body = {"when": datetime(2024, 2, 29, 13, 5, 9, 500000), "day": date(2024, 3, 1)}
    expected = {"when": "2024-02-29T13:05:09Z", "day": "2024-03-01"}
    assert json.loads(orjson_bytes(app, body)) == expected
    assert timestamp(body["when"].replace(microsecond=0).isoformat(sep=" ")) == expected["when"]  # as stored
    assert json.loads(orjson_bytes(app, {**body, "big": 2**70})) == {**expected, "big": 2**70}
    app.debug = True
    assert json.loads(orjson_bytes(app, body)) == expected


def test_what_orjson_refuses_is_written_by_flask():
    app = Flask("t")
    body = {"big": 2**70, "n": [1, 2]}
    assert orjson_bytes(app, body) == flask_bytes(app, body)
    with app.app_context():
        assert json.loads(OrjsonProvider(app).dumps(body)) == body


def test_debug_answers_are_pretty_printed_as_before():
    app = Flask("t")
    app.debug = True
    assert orjson_bytes(app, {"a": [1]}) == flask_bytes(app, {"a": [1]})
    assert b"\n  " in orjson_bytes(app, {"a": [1]})


def test_the_app_answers_through_orjson(client):
    assert isinstance(client.application.json, OrjsonProvider)
    answer = client.get("/speakers?q=%C3%BC")
    assert answer.status_code == 200 and answer.get_data().endswith(b"\n")
