"""Shared fields and schemas: timestamps, storable text, spans, pages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from marshmallow import Schema, ValidationError, fields, validate

# The largest integer a database column holds (signed 64-bit): ids, offsets and cursors stop here.
MAX_INT = 2**63 - 1
# What JSON Schema's (ECMA-262's) \s matches: a text of only these is blank. The contract's
# patterns name the same characters, so the code and openapi.yaml agree on every string.
BLANKS = frozenset("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)


def storable(value: str) -> None:
    """Reject text a database cannot store: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValidationError("Must not contain NUL characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("Must be valid Unicode (no lone surrogates).") from None


def not_blank(value: str) -> None:
    if all(ch in BLANKS for ch in value):
        raise ValidationError("Must not be empty or only whitespace.")


def Text(*, max_length: int | None = None, blank: bool = False, **kwargs) -> fields.String:
    """A string field that the database can store; optionally bounded and non-blank."""
    checks = [storable]
    if max_length is not None:
        checks.append(validate.Length(max=max_length))
    if not blank:
        checks.append(not_blank)
    return fields.String(validate=checks, **kwargs)


_UNRESERVED, _SUB_DELIMS, _PCT = r"A-Za-z0-9\-._~", r"!$&'()*+,;=", r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_HTTP_URL = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://"
    rf"(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # user:password@
    rf"(?:\[[0-9A-Fa-f:.]+\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})+)"  # [::1] or a host name
    r"(?::[0-9]*)?"  # :port
    rf"(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"  # /path?query#fragment
)


def http_url(value: str) -> None:
    """An absolute http(s) URI (RFC 3986, ASCII) with a host: what the contract's format: uri allows."""
    if not _HTTP_URL.fullmatch(value):
        raise ValidationError("Not a valid URL.")


def HttpUrl(**kwargs) -> fields.String:
    """An http or https URL of at most 2000 characters."""
    return fields.String(validate=[validate.Length(max=2000), http_url], **kwargs)


class JsonInteger(fields.Integer):
    """An integer in a JSON body: a JSON number without a fraction (not a string, not a boolean)."""

    def _validated(self, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        if isinstance(value, float) and not value.is_integer():
            raise self.make_error("invalid")
        return int(value)


class QueryInteger(fields.Integer):
    """An integer in the query string: ASCII digits with an optional sign ('٣' and '1_0' are not)."""

    _SHAPE = re.compile(r"[+-]?[0-9]+")

    def _validated(self, value):
        if not (isinstance(value, str) and self._SHAPE.fullmatch(value)):
            raise self.make_error("invalid")
        return int(value)


class JsonNumber(fields.Float):
    """A finite number in a JSON body (not a string, not a boolean, not NaN or Infinity)."""

    def _validated(self, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        return super()._validated(value)


class QueryNumber(fields.Float):
    """A finite number in the query string, written as JSON writes numbers."""

    _SHAPE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

    def _validated(self, value):
        if not (isinstance(value, str) and self._SHAPE.fullmatch(value)):
            raise self.make_error("invalid")
        return super()._validated(value)


class QueryBoolean(fields.Boolean):
    """``true`` or ``false`` in the query string, as the contract's boolean parameters are written."""

    truthy = {"true"}
    falsy = {"false"}


class JsonTrue(fields.Boolean):
    """JSON ``true`` and nothing else (not 1, not "true"): a flag that is only ever set."""

    def _deserialize(self, value, attr, data, **kwargs):
        if value is not True:
            raise self.make_error("invalid")
        return True


def Id(*, query: bool = True, **kwargs) -> fields.Integer:
    """A record id: 1 to MAX_INT (larger ones would overflow a database integer)."""
    field = QueryInteger if query else JsonInteger
    return field(validate=validate.Range(min=1, max=MAX_INT), **kwargs)


_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIMESTAMP = re.compile(_DATE + r"(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?")
_EDGE_DAYS = ("0001-01-01T", "9999-12-31T")  # a date-time there may lie outside years 1-9999 in UTC


class Timestamp(fields.Field):
    """ISO 8601 / RFC 3339 date or date-time in; naive UTC datetime inside; '...Z' out.

    '2016-09-19' -> 2016-09-19 00:00 UTC; '2016-09-19T10:00:00-04:00' -> 14:00 UTC;
    a date-time without an offset is taken as UTC. Date-times on 0001-01-01 and
    9999-12-31 are refused (their UTC time could fall outside the years a database
    stores), as the contract says.
    """

    default_error_messages = {
        "invalid": "Not a valid ISO 8601 date or date-time.",
        "range": "Date-times must fall between 0001-01-02 and 9999-12-30.",
    }

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or len(value) > 40 or not _TIMESTAMP.fullmatch(value.upper()):
            raise self.make_error("invalid")
        value = value.upper()
        if value.startswith(_EDGE_DAYS):
            raise self.make_error("range")
        try:
            if len(value) == 10:
                parsed = datetime.combine(date.fromisoformat(value), time())
            else:
                parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self.make_error("invalid") from None
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        return parsed


# How SQLite holds a datetime: what ``timestamp`` turns into its answer by slicing.
_STORED = re.compile(_DATE + r" [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:[+-][0-9]{2}:[0-9]{2})?\Z")


def timestamp(value) -> str | None:
    """What ``Timestamp`` dumps, as the answer carries it, from a datetime or the text SQLite stores
    ('2016-09-19 10:00:00[.5]'): a naive datetime (PostgreSQL's rows) is handed over as it is, for
    the app's JSON provider writes it the same way (``api.web.jsonio``); the rest as that text.

    For the list items built from raw rows (``item`` functions beside each schema).
    """
    if value is None:
        return None
    if type(value) is datetime and value.tzinfo is None:  # as PostgreSQL's rows give it: the common case
        return value  # written as '2016-09-19T10:00:00Z' by the app's JSON provider (web.jsonio)
    if isinstance(value, str):
        if _STORED.match(value):  # the seconds as stored, without parsing them: what the datetime gives
            return f"{value[:10]}T{value[11:19]}Z"
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


class IsoDate(fields.Date):
    """A calendar date written YYYY-MM-DD (RFC 3339 full-date; not '20240101' nor '2024-W01-1')."""

    _SHAPE = re.compile(_DATE)

    def _deserialize(self, value, attr, data, **kwargs):
        if not (isinstance(value, str) and self._SHAPE.fullmatch(value)):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class SpanSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


def Page(item_schema: type[Schema]) -> type[Schema]:
    """The list envelope around ``item_schema``: {items, total, total_exact, limit, offset, next}."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema)),
            "total": fields.Integer(),
            "total_exact": fields.Boolean(),
            "limit": fields.Integer(),
            "offset": fields.Integer(),
            "next": fields.String(allow_none=True),
        },
        name=f"{item_schema.__name__.removesuffix('Schema')}PageSchema",
    )


class ProblemSchema(Schema):
    """RFC 9457 problem details; ``errors`` (field -> messages) only on 422."""

    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    request_id = fields.String(allow_none=True)
    errors = fields.Dict()


class HealthSchema(Schema):
    status = fields.String()
    database = fields.String()


problem_schema = ProblemSchema()
health_schema = HealthSchema()


class PageArgsSchema(Schema):
    """``limit``, ``cursor`` and ``offset`` of every list; the cap on limit comes from the app's settings."""

    limit = QueryInteger(load_default=None, validate=validate.Range(min=1, max=MAX_INT))
    cursor = fields.String(load_default=None, validate=validate.Length(min=1, max=500))
    offset = QueryInteger(load_default=0, validate=validate.Range(min=0, max=MAX_INT))


class DateRangeArgsSchema(PageArgsSchema):
    since = Timestamp(load_default=None)
    until = Timestamp(load_default=None)


def Language():  # noqa: N802 - a field factory, used like the field classes above
    """A BCP 47 language tag ("en", "de-AT"), or null: the engine then detects the language."""
    return fields.String(
        allow_none=True,
        load_default=None,
        validate=[
            validate.Regexp(
                r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z",
                error="Not a BCP 47 language tag such as 'en' or 'en-US'.",
            ),
            validate.Length(max=35),
        ],
    )
