"""The API keys' one table."""

from __future__ import annotations

from peewee import CharField, DateTimeField

from ..db.models import BaseModel, utcnow


class ApiKey(BaseModel):
    """A key: its token is shown once at creation; only the token's SHA-256 is stored."""

    name = CharField(max_length=100, unique=True)  # who holds it; recorded as the actor of its writes
    prefix = CharField(max_length=12)  # the token's first characters, to recognise it in a list
    digest = CharField(max_length=64, unique=True)  # SHA-256 of the token, hex
    roles = CharField(max_length=100)  # comma-separated core.vocabulary.ROLES
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)

    class Meta:
        table_name = "api_key"

    @property
    def role_list(self) -> list[str]:
        return self.roles.split(",") if self.roles else []
