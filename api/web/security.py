"""Headers every response carries: no sniffing, no framing, no referrer, a CSP that lets /docs run.

The Content-Security-Policy allows scripts, styles, images and fetches from the
service itself only (Swagger UI, served by the app, needs inline styles and
``data:`` images); nothing may frame any page (``frame-ancestors 'none'``).
"""

from __future__ import annotations

from flask import Flask

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": CSP,
    "Cross-Origin-Opener-Policy": "same-origin",
}

_LOWERED = tuple((name.lower(), name, value) for name, value in HEADERS.items())


def register(app: Flask) -> None:
    cors_listed = bool(app.config["CORS_ORIGINS"].strip()) and app.config["CORS_ORIGINS"].strip() != "*"

    @app.after_request
    def security_headers(response):
        # Each header unless the view set its own: one pass over the headers (``setdefault`` scanned
        # them once per header and raised a KeyError for every one missing, five per response)
        given = {name.lower() for name, _ in response.headers}
        for lowered, name, value in _LOWERED:
            if lowered not in given:
                response.headers.add(name, value)
        if cors_listed:  # the answer depends on the Origin: caches must keep one per origin
            response.vary.add("Origin")
        return response
