"""Storage: the database binding, the base model, named advisory locks and the schema step.

``binding``     the deferred ``database`` bound by ``init(url)``; connections per request
``models``      ``BaseModel`` and what every model shares (``utcnow``, ``like``, ``in_range``,
                ``get_or_create``)
``locks``       PostgreSQL advisory locks, one named id per purpose
``migrations``  numbered migrations, ``upgrade``, ``version`` and the start-up check

Imports only peewee and ``api.core``; the domain packages import this one.
"""

from .binding import close_connection, connect_url, database, init, is_memory, is_postgres, open_connection

__all__ = [
    "close_connection",
    "connect_url",
    "database",
    "init",
    "is_memory",
    "is_postgres",
    "open_connection",
]
