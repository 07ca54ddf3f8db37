"""Per-request work: a request id, one connection, one log line."""

from __future__ import annotations

import logging
import time
import uuid

import regex
from flask import g, request

from .. import db

log = logging.getLogger("api.request")
REQUEST_ID_HEADER = "X-Request-ID"
_NO_DATABASE = ("meta.", "extract.", "static")  # the health check opens its own connection, to report failure
_CLIENT_ID = regex.compile(r"[A-Za-z0-9._:-]{1,128}")  # ids a client may choose for itself


def _start():
    g.started = time.perf_counter()
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _CLIENT_ID.fullmatch(given) else uuid.uuid4().hex
    if request.endpoint and not request.endpoint.startswith(_NO_DATABASE):
        db.open_connection()


def _finish(response):
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    took = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    log.info(
        "%s %s %s %.1fms id=%s", request.method, request.path, response.status_code, took, g.get("request_id")
    )
    return response


def register(app) -> None:
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(db.close_connection)
