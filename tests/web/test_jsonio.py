"""JSON answers are written by orjson (api/web/jsonio.py) as Flask's own provider wrote them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from api.web.jsonio import OrjsonProvider


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
    "when": datetime(2024, 2, 29, 13, 5, 9),
    "day": date(2024, 3, 1),
    "point": Point(3, "p"),
    7: "an int key",
}


def test_answers_are_the_bytes_flask_wrote():
    app = Flask("t")
    ours = orjson_bytes(app, BODY)
    assert ours == flask_bytes(app, BODY)
    assert ours.endswith(b"\n") and "„so“".encode() in ours  # UTF-8 as is, not \u escapes
    assert json.loads(ours)["when"] == "Thu, 29 Feb 2024 13:05:09 GMT"  # Flask's date format, kept


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
