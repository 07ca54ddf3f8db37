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


def register(app: Flask) -> None:
    cors_listed = bool(app.config["CORS_ORIGINS"].strip()) and app.config["CORS_ORIGINS"].strip() != "*"

    @app.after_request
    def security_headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if cors_listed:  # the answer depends on the Origin: caches must keep one per origin
            response.vary.add("Origin")
        return response
