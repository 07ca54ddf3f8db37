"""JSON answers written by orjson: the same JSON as Flask's own provider, about a fifth of a list
request's CPU less (``benchmarks/request_cpu.py --flask-json`` measures it).

What Flask's provider writes differently is kept its way: dates and datetimes go through
Flask's ``default`` (HTTP dates, as before), dataclasses too; keys that are not strings are
written as strings, as ``json`` does; anything orjson refuses (an integer beyond 64 bits) is
written by Flask's provider. Pretty-printed answers (``app.debug``) and calls with options
are Flask's. Request bodies are still read by ``json`` (orjson refuses ``NaN``, which the
parsers' 422s describe today).
"""

from __future__ import annotations

import orjson
from flask.json.provider import DefaultJSONProvider

_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class OrjsonProvider(DefaultJSONProvider):
    sort_keys = False
    ensure_ascii = False

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
