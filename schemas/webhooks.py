"""Webhook subscriptions and their deliveries."""

import json

from marshmallow import Schema, ValidationError, fields, validate

from api.core.vocabulary import DELIVERY_STATUSES, EVENTS, PENDING

from .common import HttpUrl, Page, PageArgsSchema, Text, Timestamp


def _unique(values):
    if len(set(values)) != len(values):
        raise ValidationError("Name each event once.")


class WebhookInSchema(Schema):
    url = HttpUrl(required=True)
    events = fields.List(
        fields.String(validate=validate.OneOf(EVENTS)),
        required=True,
        validate=[validate.Length(min=1), _unique],
    )
    secret = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Regexp(
            r"[\x21-\x7e]{16,200}\Z", error="16 to 200 printable ASCII characters, no spaces."
        ),
    )
    description = Text(max_length=500, allow_none=True, load_default=None)


class WebhookSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    events = fields.List(fields.String())
    description = fields.String(allow_none=True)
    active = fields.Boolean()
    cursor = fields.Integer()
    created_at = Timestamp()
    actor = fields.String(allow_none=True)


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String()  # shown once, when the webhook is made


class DeliverySchema(Schema):
    id = fields.Integer()
    event = fields.String()
    cursor = fields.Integer(attribute="change")
    status = fields.String()
    attempts = fields.Integer()
    response_status = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    next_attempt_at = fields.Method("_next_attempt")
    created_at = Timestamp()
    delivered_at = Timestamp(allow_none=True)
    payload = fields.Function(lambda d: json.loads(d.body))

    def _next_attempt(self, delivery):
        """When it will be tried again; null once delivered or failed."""
        if delivery.status != PENDING:
            return None
        return self.fields["created_at"].serialize("next_attempt_at", delivery)


class DeliveryArgsSchema(PageArgsSchema):
    status = fields.String(load_default=None, validate=validate.OneOf(DELIVERY_STATUSES))


webhook_in_schema = WebhookInSchema()
webhook_schema = WebhookSchema()
webhook_created_schema = WebhookCreatedSchema()
webhook_page_schema = Page(WebhookSchema)()
webhook_args_schema = PageArgsSchema()
delivery_page_schema = Page(DeliverySchema)()
delivery_args_schema = DeliveryArgsSchema()
