"""A response cache for reads, kept per worker and correct across workers: answers are kept under
the change log's last id and served only while it is still the last.

Every write that changes what a read answers records its changes in the change log
(``events.log``) in the same transaction, and ids commit in order. A cached read first
asks the database for the log's last id (one indexed query): unchanged since the answer
was kept, the kept JSON is served; otherwise the worker drops everything it kept and
answers afresh. The id is read before the answer is made, so an answer is never kept
under an id older than the data it shows. Keys are the path, the query string and the
caller's roles; the auth check and rate limit run before the cache, as for any read.
Writes made outside the service (SQL by hand) are not in the log: restart the workers or
set ``RESPONSE_CACHE`` false. ``RESPONSE_CACHE_MB`` bounds what a worker keeps.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from flask import current_app, request

from .. import db
from .auth import current_key

_LAST_CHANGE = "SELECT MAX(id) FROM change"


class Kept:
    """The answers one worker keeps, all made at one change-log id; least recently used dropped first."""

    def __init__(self):
        self.version, self.size, self.answers = None, 0, OrderedDict()
        self.lock = threading.Lock()

    def get(self, version, key):
        with self.lock:
            if version != self.version:
                self.version, self.size = version, 0
                self.answers.clear()
                return None
            found = self.answers.get(key)
            if found is not None:
                self.answers.move_to_end(key)
            return found

    def put(self, version, key, body: bytes, limit: int) -> None:
        with self.lock:
            if version != self.version or key in self.answers:
                return
            self.answers[key] = body
            self.size += len(body)
            while self.size > limit and self.answers:
                self.size -= len(self.answers.popitem(last=False)[1])


def last_change():
    """The change log's last id (None when it is empty): what every kept answer is valid for."""
    db.open_connection()
    return db.database.execute_sql(_LAST_CHANGE).fetchone()[0]


def cached(view):
    """Decorate a read view (under ``@requires``) that returns a JSON body: its answers are kept."""

    @functools.wraps(view)
    def answer(*args, **kwargs):
        config = current_app.config
        if not config["RESPONSE_CACHE"]:
            return view(*args, **kwargs)
        caller = current_key()
        roles = caller.roles if caller is not None else None
        key = (request.script_root, request.path, request.query_string, roles)
        kept = current_app.extensions.setdefault("response_cache", Kept())  # one per app (and database)
        version = last_change()
        body = kept.get(version, key)
        if body is None:
            body = current_app.json.response(view(*args, **kwargs)).get_data()
            kept.put(version, key, body, config["RESPONSE_CACHE_MB"] * 1024 * 1024)
        return current_app.response_class(body, mimetype=current_app.json.mimetype)

    return answer
