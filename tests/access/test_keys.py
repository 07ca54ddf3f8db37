"""Keys: stored hashed, roles checked, names unique for good; the actor recorded on every write."""

import pytest

from api.access.keys import allows, authenticate, create_key, list_keys, revoke_key
from api.access.models import ApiKey
from api.core.errors import Conflict, Invalid, NotFound
from api.core.text import digest

from ..apps import keyed_client
from ..events.test_changes import VERDICT, drain


@pytest.fixture
def database(app):
    with app.app_context():
        yield


def test_a_key_is_stored_as_the_hash_of_its_token_only(database):
    key, token = create_key("dana", ["review"])
    row = ApiKey.get_by_id(key.id)
    assert token.startswith("qb_") and len(token) == 46
    assert row.digest == digest(token) and token not in (row.digest, row.prefix, row.name)
    assert row.prefix == token[:10] and row.roles == "review"
    assert authenticate(token).name == "dana"


def test_revoked_and_unknown_tokens_do_not_authenticate(database):
    _, token = create_key("sam", ["read"])
    assert authenticate(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    revoke_key("sam")
    assert authenticate(token) is None
    assert list_keys()[0].revoked_at is not None


def test_admin_may_do_everything_and_any_key_may_read(database):
    reviewer, _ = create_key("rev", ["review"])
    admin, _ = create_key("boss", ["admin"])
    assert allows(reviewer, "read") and allows(reviewer, "review")
    assert not allows(reviewer, "ingest") and not allows(reviewer, "admin")
    assert all(allows(admin, role) for role in ("read", "ingest", "review", "admin"))


@pytest.mark.parametrize(
    "name, roles", [("", ["read"]), ("has space", ["read"]), ("ok", []), ("ok", ["root"])]
)
def test_bad_names_and_roles_are_refused(database, name, roles):
    with pytest.raises(Invalid):
        create_key(name, roles)


def test_names_are_never_reused_and_unknown_names_cannot_be_revoked(database):
    create_key("desk", ["read"])
    revoke_key("desk")
    with pytest.raises(Conflict):
        create_key("desk", ["read"])
    with pytest.raises(NotFound):
        revoke_key("nobody")


def test_the_change_feed_and_verdicts_record_the_acting_key(app, post_article):
    post_article(text="“Inflation rose 9 percent in 2022 across the country,” said Ann Lee.")
    desk = keyed_client(app, "review", name="desk")
    claim = desk.get("/claims").get_json()["items"][0]
    desk.patch(f"/claims/{claim['id']}", json={"assignee": "sam"})
    review = desk.post(f"/claims/{claim['id']}/reviews", json=VERDICT).get_json()
    assert review["actor"] == "desk"
    assert desk.get(f"/claims/{claim['id']}").get_json()["reviews"][0]["actor"] == "desk"
    changes, _ = drain(desk)
    actors = {(c["entity"], c["action"]): c["actor"] for c in changes}
    assert actors[("article", "created")] == "tester"  # the admin key of the `client` fixture
    assert actors[("claim", "updated")] == "desk" and actors[("review", "created")] == "desk"
