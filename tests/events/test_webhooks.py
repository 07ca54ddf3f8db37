"""Webhooks end to end: subscriptions, the outbox, signed deliveries to a real receiver on
loopback, retries with backoff while it fails, and the delivery log."""

import json
from datetime import timedelta

import pytest

from api import db
from api.cli.webhooks import policy_of
from api.db.models import utcnow
from api.events import outbox
from api.events.sender import Policy, run_once
from api.events.signing import HEADER, signature_header, verify
from api.facts.summaries import describe

from ..apps import keyed_client
from ..facts.test_factchecks import claimreview
from .receiver import Receiver

SECRET = "s3cret-for-the-tests-0123"
SAID = "“We have 90 percent health insurance coverage in this state,” said Ann Lee."


def work(app, policy=None):
    """One round of the worker, as `flask webhooks run --once` does: (read, delivered, failed)."""
    with app.app_context():
        db.open_connection()
        return run_once(policy or Policy(backoff=0, max_attempts=3, timeout=5), describe)


@pytest.fixture
def receiver():
    with Receiver() as receiver:
        yield receiver


def subscribe(client, url, events):
    response = client.post("/webhooks", json={"url": url, "events": events, "secret": SECRET})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_events_are_delivered_signed_from_the_outbox_not_the_request(app, client, post_article, receiver):
    hook = subscribe(client, receiver.url, ["claim.created", "review.created", "factcheck.imported"])
    assert hook["secret"] == SECRET and "secret" not in client.get(f"/webhooks/{hook['id']}").get_json()
    post_article(text=SAID)
    client.post("/factchecks", json=claimreview())
    assert receiver.received == []  # the requests only wrote the change log
    read, delivered, failed = work(app)
    assert (delivered, failed) == (2, 0) and read >= 2
    events = [json.loads(body)["event"] for _, body in receiver.received]
    assert events == ["claim.created", "factcheck.imported"]
    for headers, body in receiver.received:
        assert verify(SECRET, headers[HEADER], body)
        assert not verify("another-secret-0123456", headers[HEADER], body)
        assert headers["Quotebook-Event"] == json.loads(body)["event"]
    claim = json.loads(receiver.received[0][1])
    assert claim["entity"] == "claim" and claim["data"]["text"].startswith("We have 90 percent")
    log = client.get(f"/webhooks/{hook['id']}/deliveries").get_json()
    assert [(d["event"], d["status"], d["attempts"], d["response_status"]) for d in log["items"]] == [
        ("factcheck.imported", "delivered", 1, 200),
        ("claim.created", "delivered", 1, 200),
    ]
    assert work(app)[1:] == (0, 0)  # nothing is sent twice


def test_a_failing_receiver_is_retried_until_it_recovers(app, client, receiver):
    hook = subscribe(client, receiver.url, ["factcheck.imported"])
    receiver.statuses = [500, 503]
    client.post("/factchecks", json=claimreview())
    assert work(app)[1:] == (0, 1)
    (pending,) = client.get(f"/webhooks/{hook['id']}/deliveries?status=pending").get_json()["items"]
    assert (pending["attempts"], pending["response_status"], pending["error"]) == (1, 500, "HTTP 500")
    assert pending["next_attempt_at"] is not None
    assert work(app)[1:] == (0, 1)
    assert work(app)[1:] == (1, 0)
    (done,) = client.get(f"/webhooks/{hook['id']}/deliveries").get_json()["items"]
    assert (done["status"], done["attempts"], done["response_status"], done["error"]) == (
        "delivered",
        3,
        200,
        None,
    )
    assert len(receiver.received) == 3 and len({body for _, body in receiver.received}) == 1


def test_backoff_waits_before_the_next_attempt(app, client, receiver):
    subscribe(client, receiver.url, ["factcheck.imported"])
    receiver.statuses = [500]
    client.post("/factchecks", json=claimreview())
    slow = Policy(backoff=3600, max_attempts=3, timeout=5)
    assert work(app, slow)[1:] == (0, 1)
    assert work(app, slow)[1:] == (0, 0)  # not due yet
    assert len(receiver.received) == 1


def test_an_unreachable_receiver_fails_after_the_last_attempt(app, client, receiver):
    gone = receiver.url.replace(str(receiver.server.server_address[1]), "9")  # discard port: refused
    hook = subscribe(client, gone, ["factcheck.imported"])
    client.post("/factchecks", json=claimreview())
    for _ in range(3):
        work(app)
    (failed,) = client.get(f"/webhooks/{hook['id']}/deliveries").get_json()["items"]
    assert failed["status"] == "failed" and failed["attempts"] == 3 and failed["next_attempt_at"] is None
    assert failed["response_status"] is None and failed["error"]


def test_a_crash_after_deriving_loses_nothing_and_derives_nothing_twice(app, client, receiver):
    hook = subscribe(client, receiver.url, ["factcheck.imported"])
    client.post("/factchecks", json=claimreview())
    with app.app_context():
        db.open_connection()
        outbox.derive_all(describe)  # ... and the worker dies before sending
        hooks = outbox.Webhook.select()
        for webhook in hooks:  # a second worker derives again from a stale cursor
            outbox.Webhook.update(cursor=0).where(outbox.Webhook.id == webhook.id).execute()
        outbox.derive_all(describe)
    assert work(app)[1:] == (1, 0)
    assert len(client.get(f"/webhooks/{hook['id']}/deliveries").get_json()["items"]) == 1


def test_a_new_webhook_hears_only_what_happens_after_it(app, client, receiver):
    client.post("/factchecks", json=claimreview())
    subscribe(client, receiver.url, ["factcheck.imported"])
    assert work(app)[1] == 0
    client.post("/factchecks", json=claimreview(url="https://checker.example/2"))
    assert work(app)[1] == 1


def test_unsubscribed_webhooks_are_gone(client, receiver):
    hook = subscribe(client, receiver.url, ["alert"])
    assert client.get("/webhooks").get_json()["total"] == 1
    assert client.delete(f"/webhooks/{hook['id']}").status_code == 204
    assert client.get(f"/webhooks/{hook['id']}").status_code == 404
    assert client.get(f"/webhooks/{hook['id']}/deliveries").status_code == 404


@pytest.mark.parametrize(
    "body, field",
    [
        ({"url": "ftp://x.example", "events": ["alert"]}, "url"),
        ({"url": "https://x.example", "events": []}, "events"),
        ({"url": "https://x.example", "events": ["alert", "alert"]}, "events"),
        ({"url": "https://x.example", "events": ["everything"]}, "events"),
        ({"url": "https://x.example", "events": ["alert"], "secret": "short"}, "secret"),
    ],
)
def test_bad_subscriptions_are_422(client, body, field):
    response = client.post("/webhooks", json=body)
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_only_admins_manage_webhooks(app):
    reviewer = keyed_client(app, "review")
    assert (
        reviewer.post("/webhooks", json={"url": "https://x.example", "events": ["alert"]}).status_code == 403
    )


def test_the_worker_settings_come_from_the_config(app):
    policy = policy_of({**app.config, "WEBHOOK_BACKOFF": 2.5, "WEBHOOK_MAX_ATTEMPTS": 4})
    assert (policy.backoff, policy.max_attempts) == (2.5, 4)


def test_the_signature_is_the_documented_one():
    header = signature_header("whsec_test", 1700000000, b'{"event":"alert"}')
    assert header == "t=1700000000,v1=40e0b3fbbdf4bcd3b80177ce03107d901b8592a2b43fd25f8c726c83751ce6ef"
    assert verify("whsec_test", header, b'{"event":"alert"}', now=1700000100)
    assert not verify("whsec_test", header, b'{"event":"alert"}', now=1700000000 + 301)  # too old
    assert not verify("whsec_test", header, b'{"event":"claim.created"}', now=1700000000)
    assert not verify("whsec_test", "t=x,v1=y", b"{}")


def test_an_alert_is_pushed_when_a_quote_matches_a_fact_check(app, client, post_article, receiver):
    subscribe(client, receiver.url, ["alert"])
    checked = client.post("/factchecks", json=claimreview()).get_json()
    post_article(text=SAID)
    assert work(app)[1:] == (1, 0)
    ((headers, body),) = receiver.received
    alert = json.loads(body)
    assert headers["Quotebook-Event"] == "alert" and alert["entity"] == "alert"
    assert alert["data"]["factcheck"]["id"] == checked["id"] and alert["data"]["similarity"] >= 0.5
    assert (
        alert["data"]["claim_text"].startswith("We have 90 percent") and alert["data"]["same_speaker"] is True
    )


def test_a_delivery_being_sent_is_leased_to_one_worker(app, client, receiver):
    subscribe(client, receiver.url, ["factcheck.imported"])
    client.post("/factchecks", json=claimreview())
    with app.app_context():
        db.open_connection()
        outbox.derive_all(describe)
        now = utcnow()
        assert len(outbox.take_due(now, lease_seconds=60)) == 1
        assert outbox.take_due(now, lease_seconds=60) == []  # another worker, meanwhile
        assert len(outbox.take_due(now + timedelta(seconds=61), lease_seconds=60)) == 1  # the first one died


def test_a_corrected_article_is_pushed(app, client, post_article, receiver):
    subscribe(client, receiver.url, ["article.corrected"])
    article = post_article(text=SAID, url="https://a.example/said")
    assert work(app)[1] == 0  # a new article is not a correction
    corrected = SAID.replace("90 percent", "81 percent")
    assert client.put(f"/articles/{article['id']}", json={"text": corrected}).status_code == 200
    assert work(app)[1:] == (1, 0)
    ((headers, body),) = receiver.received
    pushed = json.loads(body)
    assert headers["Quotebook-Event"] == "article.corrected" and pushed["id"] == article["id"]
    assert pushed["data"]["url"] == "https://a.example/said"
