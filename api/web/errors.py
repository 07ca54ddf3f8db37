"""One error body for every failure: RFC 9457 problem details (application/problem+json).

Domain errors (``api.core.errors``) become their HTTP status here: NotFound 404,
Conflict 409, Invalid 422 with the fields named, as marshmallow's ValidationError; Moved is a
308 whose ``Location`` is the same URL with the record's new id.
"""

from __future__ import annotations

import logging

from flask import g, json, request, url_for
from marshmallow import ValidationError
from peewee import IntegrityError, InterfaceError, OperationalError
from playhouse.pool import MaxConnectionsExceeded
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from schemas.common import problem_schema

from ..core.errors import Conflict, Invalid, Moved, NotFound

log = logging.getLogger("api")
PROBLEM_JSON = "application/problem+json"


def problem(status: int, detail: str | None = None, errors: dict | None = None, headers=None):
    """A problem-details response: type, title, status, detail, request_id and, for 422, errors."""
    body = {
        "type": "about:blank",
        "title": HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
        "detail": detail or HTTP_STATUS_CODES.get(status, "Error"),
        "request_id": g.get("request_id"),
    }
    if errors is not None:
        body["errors"] = errors
    return json.dumps(problem_schema.dump(body)), status, {"Content-Type": PROBLEM_JSON, **(headers or {})}


def _http_error(exc: HTTPException):
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    return problem(exc.code or 500, exc.description, headers=headers)


def _invalid_fields(messages: dict):
    return problem(422, f"Invalid fields: {', '.join(sorted(messages))}.", errors=messages)


def _validation_error(exc: ValidationError):
    return _invalid_fields(exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages})


def _invalid(exc: Invalid):
    return _invalid_fields(exc.errors)


def _not_found(exc: NotFound):
    return problem(404, exc.detail)


def _moved(exc: Moved):
    """308 Permanent Redirect: the same request (method and body) belongs to the record ``exc.to``."""
    args = {**(request.view_args or {}), **request.args.to_dict()}
    name = next(k for k in request.view_args if k.endswith("_id"))
    location = url_for(request.endpoint, **{**args, name: exc.to})
    return problem(308, exc.detail, headers={"Location": location})


def _conflict(exc: Conflict):
    return problem(409, exc.detail)


def _integrity_error(exc: IntegrityError):
    log.warning("integrity error: %s", exc)
    return problem(409, "The request conflicts with data already stored.")


_UNAVAILABLE = ("locked", "connect", "connection", "server closed", "timeout", "terminat")
RETRY_AFTER = {"Retry-After": "5"}


def unavailable(detail: str = "The database is unavailable; try again shortly."):
    """503 with Retry-After: the database does not answer (in time), is restarting or locked."""
    return problem(503, detail, headers=RETRY_AFTER)


def _database_error(exc: Exception):
    """Unreachable, stuck, restarting or locked database: 503 to retry; any other database error: 500."""
    if not isinstance(exc, MaxConnectionsExceeded) and not any(
        word in str(exc).lower() for word in _UNAVAILABLE
    ):
        return _unexpected(exc)
    log.error("database unavailable: %s", exc)
    return unavailable()


def _unexpected(exc: Exception):
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    log.exception("unhandled error")
    return _http_error(InternalServerError())


def register(app) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(ValidationError, _validation_error)
    app.register_error_handler(Invalid, _invalid)
    app.register_error_handler(NotFound, _not_found)
    app.register_error_handler(Conflict, _conflict)
    app.register_error_handler(Moved, _moved)
    app.register_error_handler(IntegrityError, _integrity_error)
    app.register_error_handler(OperationalError, _database_error)
    app.register_error_handler(InterfaceError, _database_error)
    app.register_error_handler(MaxConnectionsExceeded, _database_error)
    app.register_error_handler(Exception, _unexpected)
