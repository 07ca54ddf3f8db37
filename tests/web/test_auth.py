"""API keys on every operation, read from the contract: 401 without a key, 403 without the role.

The walk covers every operation openapi.yaml declares, so a route added later is
checked as soon as the spec marks its ``security``.
"""

import pytest
import regex

from api import db
from api.access.keys import revoke_key
from api.core.vocabulary import ROLES

from ..apps import add_key, keyed_client, make_app
from ..contract import METHODS, SPEC, spec_path

OPERATIONS = [
    (path, method, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in METHODS
]
WRITES = [(p, m, op) for p, m, op in OPERATIONS if op["security"] and {} not in op["security"]]
READS = [(p, m, op) for p, m, op in OPERATIONS if {} in op["security"]]


def role_of(op) -> str | None:
    """The role an operation's ``security`` names (None: no key at all)."""
    roles = {role for requirement in op["security"] for role in requirement.get("ApiKey", [])}
    assert len(roles) <= 1, op["operationId"]
    return roles.pop() if roles else None


def url(path: str) -> str:
    return regex.sub(r"\{\w+\}", "1", path)


def call(client, path, method):
    body = {} if method in ("post", "put", "patch") else None
    return client.open(url(path), method=method.upper(), json=body)


def test_every_operation_declares_its_security_and_a_known_role():
    for _, _, op in OPERATIONS:
        assert "security" in op, op["operationId"]
        assert role_of(op) in (*ROLES, None), op["operationId"]
    assert WRITES and READS


def test_every_view_requires_the_role_its_operation_declares(app):
    ops = {(p, m): op for p, m, op in OPERATIONS}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.rpartition(".")[2] == "static":
            continue
        view = app.view_functions[rule.endpoint]
        for method in rule.methods & {m.upper() for m in METHODS}:
            op = ops[(spec_path(rule.rule), method.lower())]
            assert getattr(view, "required_role", None) == role_of(op), op["operationId"]


@pytest.mark.parametrize("path, method, op", WRITES, ids=[op["operationId"] for _, _, op in WRITES])
def test_a_write_without_a_key_is_401(anonymous, path, method, op):
    response = call(anonymous, path, method)
    assert response.status_code == 401, op["operationId"]
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer realm=")


@pytest.mark.parametrize("path, method, op", WRITES, ids=[op["operationId"] for _, _, op in WRITES])
def test_a_write_with_a_read_only_key_is_403(app, path, method, op):
    response = call(keyed_client(app, "read"), path, method)
    assert response.status_code == 403, op["operationId"]
    assert role_of(op) in response.get_json()["detail"]


@pytest.mark.parametrize("path, method, op", WRITES, ids=[op["operationId"] for _, _, op in WRITES])
def test_a_write_with_its_role_or_admin_gets_past_the_check(app, path, method, op):
    for role in {role_of(op), "admin"}:
        status = call(keyed_client(app, role), path, method).status_code
        assert status not in (401, 403), (op["operationId"], role)


@pytest.mark.parametrize("path, method, op", READS, ids=[op["operationId"] for _, _, op in READS])
def test_reads_are_open_by_default(anonymous, path, method, op):
    assert call(anonymous, path, method).status_code not in (401, 403), op["operationId"]


def test_reads_need_a_key_when_configured():
    app = make_app("sqlite:///:memory:", READS_REQUIRE_KEY=True)
    for path, method, op in READS:
        assert call(app.test_client(), path, method).status_code == 401, op["operationId"]
    reader = keyed_client(app, "read")
    for path, method, op in READS:
        assert call(reader, path, method).status_code not in (401, 403), op["operationId"]


def test_an_unknown_malformed_or_revoked_token_is_401_even_on_a_read(app, anonymous):
    token = add_key(app, "gone", "read")
    with app.app_context():
        db.open_connection()
        revoke_key("gone")
    for bad in ("qb_" + "x" * 43, "not-a-token", token):
        response = anonymous.get("/articles", headers={"Authorization": f"Bearer {bad}"})
        assert response.status_code == 401, bad
        assert regex.search(r'error="?invalid_token', response.headers["WWW-Authenticate"])


def test_meta_routes_need_no_key_and_ignore_a_bad_one(anonymous):
    for path in ("/health", "/openapi.yaml", "/docs"):
        assert anonymous.get(path, headers={"Authorization": "Bearer nonsense"}).status_code == 200, path
