"""CPU per request in-process, each path against a bare Flask route in the same process, and the
database's share: what a worker spends on a request, without wrk's noise.

    .venv/bin/python benchmarks/request_cpu.py --database-url URL [--paths P,P] [--requests 2000]
        [--flask-json]

Calls the app's WSGI callable directly (no HTTP, no test client): the process's CPU time per
request (``time.process_time``: the worker's Python and the driver, not the database server's
work) and the wall time (the database's answer included). The best of three rounds of
``--requests``. Under wrk the worker's CPU and the database server's share two cores, so
lower CPU here is what moves ``benchmarks/load.py``'s ratios, which stay the bar.
``--flask-json``: answers written by Flask's own JSON provider, not orjson (``api/web/jsonio.py``),
to measure what the provider is worth. The database must hold an archive (a ``scale.py`` copy).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from bare_app import app as bare  # noqa: E402
from flask.json.provider import DefaultJSONProvider  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from api import create_app  # noqa: E402

PATHS = "/quotes?limit=20,/speakers?q=trump,/speakers,/articles/{article},/speakers/{speaker}/quotes"


def timed(app, path: str, requests: int) -> tuple[float, float]:
    """(CPU ms, wall ms) per request, the best of three rounds."""
    route, _, query = path.partition("?")
    environ = EnvironBuilder(path=route, query_string=query).get_environ()
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call():
        b"".join(app(dict(environ), start_response))

    for _ in range(min(200, requests)):
        call()
    if not statuses[-1].startswith("200"):
        raise SystemExit(f"{path}: {statuses[-1]}")
    best = (float("inf"), float("inf"))
    for _ in range(3):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(requests):
            call()
        took = ((time.process_time() - cpu) / requests * 1000, (time.perf_counter() - wall) / requests * 1000)
        best = min(best, took)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--paths", default=PATHS)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--flask-json", action="store_true", help="Flask's JSON provider instead of orjson")
    args = ap.parse_args()
    app = create_app(
        {
            "DATABASE_URL": args.database_url,
            "RESPONSE_CACHE": False,
            "RATELIMIT_ENABLED": False,
            "LOG_LEVEL": "WARNING",
        }
    )
    if args.flask_json:
        app.json = DefaultJSONProvider(app)
        app.json.sort_keys, app.json.ensure_ascii = False, False
    client = app.test_client()
    article = client.get("/articles?limit=1").get_json()["items"][0]["id"]
    speaker = client.get("/speakers?limit=1").get_json()["items"][0]["id"]
    bare_cpu, _ = timed(bare, "/ping", args.requests)
    print(f"{'bare Flask route /ping':44} cpu {bare_cpu:6.3f} ms")
    for path in args.paths.split(","):
        path = path.format(article=article, speaker=speaker)
        cpu, wall = timed(app, path, args.requests)
        print(f"{path:44} cpu {cpu:6.3f} ms ({cpu / bare_cpu:4.1f}x bare)  wall {wall:6.3f} ms")


if __name__ == "__main__":
    sys.exit(main())
