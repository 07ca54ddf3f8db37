"""0002 access: API keys, the acting key's name on changes and verdicts, double-precision ratings.

Frozen like every migration: ``ApiKey`` below copies the model as it stood when
this was written. Ratings become double precision on PostgreSQL, where ``real``
(float4) overflowed at 1e39 and underflowed at 1e-300; SQLite's REAL is already
double precision.
"""

from __future__ import annotations

from peewee import CharField, DateTimeField, DoubleField, Model, PostgresqlDatabase
from playhouse.migrate import migrate

from ..models import create_tables


class ApiKey(Model):
    name = CharField(max_length=100, unique=True)
    prefix = CharField(max_length=12)
    digest = CharField(max_length=64, unique=True)
    roles = CharField(max_length=100)
    created_at = DateTimeField()
    revoked_at = DateTimeField(null=True)

    class Meta:
        table_name = "api_key"


_RATINGS = ("rating_value", "best_rating", "worst_rating")


def up(database, migrator) -> None:
    create_tables(database, [ApiKey])
    migrate(
        migrator.add_column("change", "actor", CharField(max_length=100, null=True)),
        migrator.add_column("review", "actor", CharField(max_length=100, null=True)),
    )
    if isinstance(database, PostgresqlDatabase):
        migrate(*(migrator.alter_column_type("review", column, DoubleField()) for column in _RATINGS))
