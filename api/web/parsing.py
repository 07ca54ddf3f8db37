"""Request parsing: a JSON body or the query string through a marshmallow schema."""

from __future__ import annotations

import json

from flask import abort, request


def json_body(schema) -> dict:
    """The JSON body loaded by ``schema``: 415 if not JSON, 400 if malformed, 422 if invalid."""
    return schema.load(json_document())


def json_document():
    """The JSON body as it is (any JSON value): 415 if not JSON, 400 if malformed."""
    if not request.is_json:
        abort(415, "Send the body as JSON with 'Content-Type: application/json'.")
    raw = request.get_data(cache=True)  # over MAX_CONTENT_LENGTH: 413
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        abort(400, f"The body is not valid JSON: {exc}")
    return data


def query_args(schema) -> dict:
    """The query string loaded by ``schema`` (unknown parameters are a 422 too)."""
    return schema.load(request.args.to_dict())
