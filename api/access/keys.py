"""API keys: create (the token is returned once), list, revoke, and authenticate a token.

A token is ``qb_`` and 43 URL-safe characters (256 random bits): high entropy, so a
plain SHA-256 stored in a unique column is enough to look it up and a leaked table
does not give the tokens away. Names are unique for good (a revoked key keeps its
name), so that the actor recorded on a write always names one key.
"""

from __future__ import annotations

import secrets

import regex

from ..core.errors import Conflict, Invalid, NotFound
from ..core.text import digest
from ..core.vocabulary import ADMIN, READ, ROLES
from ..db.models import utcnow
from .models import ApiKey

TOKEN_PREFIX = "qb_"
_NAME = regex.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")  # 'dana', 'ingest-bot', 'desk@example'
_TOKEN = regex.compile(r"qb_[A-Za-z0-9_-]{43}")


def create_key(name: str, roles: list[str]) -> tuple[ApiKey, str]:
    """(key, token): a new key named ``name`` with ``roles``; the token is not stored and not shown again."""
    errors = {}
    if not _NAME.fullmatch(name or ""):
        errors["name"] = ["1 to 100 letters, digits and . _ @ -, starting with a letter or digit."]
    unknown = sorted(set(roles) - set(ROLES))
    if unknown or not roles:
        errors["roles"] = [f"Give one or more of {', '.join(ROLES)} (not {', '.join(unknown) or 'none'})."]
    if errors:
        raise Invalid(errors)
    if ApiKey.get_or_none(ApiKey.name == name) is not None:
        raise Conflict(f"A key named {name!r} exists already (names are never reused).")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ordered = ",".join(r for r in ROLES if r in roles)
    key = ApiKey.create(
        name=name, prefix=token[:10], digest=digest(token), roles=ordered, created_at=utcnow()
    )
    return key, token


def list_keys() -> list[ApiKey]:
    """Every key, revoked ones too, oldest first."""
    return list(ApiKey.select().order_by(ApiKey.id))


def revoke_key(name: str) -> ApiKey:
    """Revoke the key named ``name`` (or whose token starts with ``name``); its token stops working."""
    key = ApiKey.get_or_none((ApiKey.name == name) | (ApiKey.prefix == name))
    if key is None:
        raise NotFound(f"No key named {name!r}.")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        key.save()
    return key


def authenticate(token: str) -> ApiKey | None:
    """The live key whose token this is, or None (unknown, malformed or revoked)."""
    if not _TOKEN.fullmatch(token):
        return None
    key = ApiKey.get_or_none(ApiKey.digest == digest(token))
    return key if key is not None and key.revoked_at is None else None


def allows(key: ApiKey, role: str) -> bool:
    """May ``key`` act in ``role``? Any key may read; admin may do everything."""
    roles = key.role_list
    return role == READ or role in roles or ADMIN in roles
