"""API keys on requests: who is calling, and ``@requires(role)`` on every API view.

Protecting a route (what every new route does)::

    from ..auth import current_actor, requires

    @bp.post("/things")
    @requires("review")            # read | ingest | review | admin (admin may do everything)
    def create_thing():
        \"\"\"Make a thing.\"\"\"
        thing = things.create(json_body(thing_in_schema), actor=current_actor())
        ...

and, in ``openapi.yaml``, the operation declares the same role and the answers it adds::

    security: [{ApiKey: [review]}]          # a read: [{ApiKey: [read]}, {}] (the key is optional)
    responses:
      '401': {$ref: '#/components/responses/Unauthorized'}
      '403': {$ref: '#/components/responses/Forbidden'}
      '429': {$ref: '#/components/responses/TooManyRequests'}

``tests/web/test_auth.py`` walks the spec: every operation whose security is not
optional must answer 401 without a key and 403 to a key without its role, and
every view must carry ``@requires`` (meta routes excepted). Reads are open
unless ``READS_REQUIRE_KEY`` is set. Clients send ``Authorization: Bearer <token>``;
a token that is unknown, malformed or revoked is a 401 even where no key is needed.
Keys are made with ``flask --app api keys create NAME --role ROLE``.
"""

from __future__ import annotations

import functools

from flask import current_app, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

from .. import db
from ..access.keys import allows, authenticate
from ..core.vocabulary import READ, ROLES


def _identify() -> None:
    """Look the request's key up once: ``g.api_key`` (or None) and ``g.bad_key`` (a token that failed)."""
    if "api_key" in g:
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    g.api_key, g.bad_key = None, False
    if scheme.lower() == "bearer" and token.strip():
        db.open_connection()
        g.api_key = authenticate(token.strip())
        g.bad_key = g.api_key is None


def current_key():
    """The request's valid API key, or None (anonymous or a bad token)."""
    _identify()
    return g.api_key


def current_actor() -> str | None:
    """The name of the request's API key, to record as the actor of a write."""
    key = current_key()
    return key.name if key is not None else None


def _unauthorized(detail: str, **challenge) -> Unauthorized:
    """A 401 with its ``WWW-Authenticate: Bearer realm="quotebook"`` challenge (RFC 6750)."""
    challenge = WWWAuthenticate("bearer", {"realm": "quotebook", **challenge})
    return Unauthorized(detail, www_authenticate=challenge)


def check(role: str) -> None:
    """Raise 401 (no valid key where one is needed) or 403 (a key without ``role``)."""
    key = current_key()
    if g.bad_key:
        raise _unauthorized("The API key is unknown or revoked.", error="invalid_token")
    if key is None:
        if role == READ and not current_app.config["READS_REQUIRE_KEY"]:
            return
        raise _unauthorized("This needs an API key: send 'Authorization: Bearer <token>'.")
    if not allows(key, role):
        raise Forbidden(f"The key {key.name!r} lacks the {role!r} role.")


def requires(role: str):
    """Decorate a view: only a key with ``role`` may call it (``read``: anyone, unless READS_REQUIRE_KEY)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: one of {', '.join(ROLES)}")

    def decorate(view):
        @functools.wraps(view)
        def checked(*args, **kwargs):
            check(role)
            return view(*args, **kwargs)

        checked.required_role = role
        return checked

    return decorate
