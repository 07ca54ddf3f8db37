"""Domain errors: what domain code raises instead of an HTTP status.

The web layer maps each to a problem+json response (``api/web/errors.py``); a
command-line tool or a worker reports them its own way.
"""

from __future__ import annotations


class DomainError(Exception):
    """Something the caller asked for cannot be done; ``detail`` says why, in a sentence."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """No record with that id (HTTP 404)."""


class Conflict(DomainError):
    """The request contradicts the stored state (HTTP 409)."""


class Invalid(DomainError):
    """Fields of the request are wrong (HTTP 422); ``errors`` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(f"Invalid fields: {', '.join(sorted(errors))}.")
        self.errors = errors


class Moved(DomainError):
    """The record became another (a merged speaker): ``to`` is the id it answers under now (HTTP 308)."""

    def __init__(self, detail: str, to: int):
        super().__init__(detail)
        self.to = to
