"""JSON answers written by orjson: the JSON Flask's own provider wrote, for about a fifth of a list
request's CPU less (``benchmarks/request_cpu.py --flask-json`` measures it).

Key order as built, UTF-8 as is, keys that are not strings written as strings (as ``json`` does),
dataclasses through Flask's ``default``. Datetimes and dates are written by orjson itself in the
API's own formats: a naive datetime (every stored time is UTC) as ``2024-02-29T13:05:09Z``, to the
second, as ``schemas.common.timestamp`` wrote it, and a date as ``2024-03-01``; so an item function
hands PostgreSQL's datetimes over as they are instead of formatting each in Python (a page of 20
speakers: 80 of them). Anything orjson refuses (an integer beyond 64 bits) and pretty-printed
answers (``app.debug``) are written by Flask's provider with the same ``default`` for datetimes.
Request bodies are still read by ``json`` (orjson refuses ``NaN``, which the parsers' 422s describe).
"""

from __future__ import annotations

from datetime import date, datetime

import orjson
from flask.json.provider import DefaultJSONProvider

_OPTIONS = (
    orjson.OPT_NON_STR_KEYS
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_NAIVE_UTC
    | orjson.OPT_UTC_Z
    | orjson.OPT_OMIT_MICROSECONDS
)


def _default(value):
    """What orjson writes for a datetime or a date (``_OPTIONS``), for Flask's provider; else Flask's."""
    if isinstance(value, datetime):
        return orjson.dumps(value, option=_OPTIONS).decode()[1:-1]
    if isinstance(value, date):
        return value.isoformat()
    return DefaultJSONProvider.default(value)


class OrjsonProvider(DefaultJSONProvider):
    sort_keys = False
    ensure_ascii = False
    default = staticmethod(_default)

    def _bytes(self, obj, options: int = 0) -> bytes | None:
        try:
            return orjson.dumps(obj, default=self.default, option=_OPTIONS | options)
        except orjson.JSONEncodeError:
            return None

    def dumps(self, obj, **kwargs) -> str:
        written = None if kwargs else self._bytes(obj)
        return super().dumps(obj, **kwargs) if written is None else written.decode()

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        written = None if self._app.debug else self._bytes(obj, orjson.OPT_APPEND_NEWLINE)
        if written is None:
            return super().response(obj)
        return self._app.response_class(written, mimetype=self.mimetype)
