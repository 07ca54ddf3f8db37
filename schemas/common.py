"""Shared fields and schemas: timestamps, storable text, spans, pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from marshmallow import Schema, ValidationError, fields, validate


def storable(value: str) -> None:
    """Reject text a database cannot store: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValidationError("Must not contain NUL characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("Must be valid Unicode (no lone surrogates).") from None


def not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be empty or only whitespace.")


def Text(*, max_length: int | None = None, blank: bool = False, **kwargs) -> fields.String:
    """A string field that the database can store; optionally bounded and non-blank."""
    checks = [storable]
    if max_length is not None:
        checks.append(validate.Length(max=max_length))
    if not blank:
        checks.append(not_blank)
    return fields.String(validate=checks, **kwargs)


class Timestamp(fields.Field):
    """ISO 8601 date or date-time in; naive UTC datetime inside; '...Z' out.

    '2016-09-19' -> 2016-09-19 00:00 UTC; '2016-09-19T10:00:00-04:00' -> 14:00 UTC;
    a date-time without an offset is taken as UTC.
    """

    default_error_messages = {"invalid": "Not a valid ISO 8601 date or date-time."}

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or len(value) > 40:
            raise self.make_error("invalid")
        try:
            if len(value) == 10:
                parsed = datetime.combine(date.fromisoformat(value), time())
            else:
                parsed = datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            raise self.make_error("invalid") from None
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        return parsed


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

    limit = fields.Integer(load_default=None, validate=validate.Range(min=1))
    cursor = fields.String(load_default=None, validate=validate.Length(min=1, max=500))
    offset = fields.Integer(load_default=0, validate=validate.Range(min=0))


class DateRangeArgsSchema(PageArgsSchema):
    since = Timestamp(load_default=None)
    until = Timestamp(load_default=None)
