"""/webhooks: dashboards subscribe to events; deliveries are sent by the worker, and listed here."""

from flask import Blueprint, url_for

from schemas.webhooks import (
    delivery_args_schema,
    delivery_page_schema,
    webhook_args_schema,
    webhook_created_schema,
    webhook_in_schema,
    webhook_page_schema,
    webhook_schema,
)

from ...events import webhooks
from ..auth import current_actor, requires
from ..pagination import paginate
from ..parsing import json_body, query_args

bp = Blueprint("webhooks", __name__)


@bp.post("/webhooks")
@requires("admin")
def create_webhook():
    """Subscribe a url to event types; the answer shows the signing secret, once."""
    webhook = webhooks.subscribe(json_body(webhook_in_schema), actor=current_actor())
    location = {"Location": url_for("webhooks.get_webhook", webhook_id=webhook.id)}
    return webhook_created_schema.dump(webhook), 201, location


@bp.get("/webhooks")
@requires("admin")
def list_webhooks():
    """Webhooks, oldest first."""
    args = query_args(webhook_args_schema)
    return paginate(webhooks.webhooks(), args, webhook_page_schema)


@bp.get("/webhooks/<id:webhook_id>")
@requires("admin")
def get_webhook(webhook_id):
    """One webhook (without its secret)."""
    return webhook_schema.dump(webhooks.get_webhook(webhook_id))


@bp.delete("/webhooks/<id:webhook_id>")
@requires("admin")
def delete_webhook(webhook_id):
    """Unsubscribe: the webhook and its deliveries go."""
    webhooks.unsubscribe(webhook_id)
    return "", 204


@bp.get("/webhooks/<id:webhook_id>/deliveries")
@requires("admin")
def list_deliveries(webhook_id):
    """A webhook's deliveries, newest first: event, status, attempts, the last answer, the body sent."""
    args = query_args(delivery_args_schema)
    return paginate(webhooks.deliveries(webhook_id, args.get("status")), args, delivery_page_schema)
