"""gunicorn settings, read from the working directory: `gunicorn 'api:create_app()'`.

Request lines (method, path and query string) and each header may be up to 8190
bytes, gunicorn's ceiling; beyond that gunicorn itself answers 414 or 400 with a
short HTML page before the service sees the request (openapi.yaml says so).
A request that takes longer than ``timeout`` seconds kills its worker: the database
timeouts (DATABASE_CONNECT_TIMEOUT 5 s, DATABASE_STATEMENT_TIMEOUT 10 s) answer
503 well before that.
"""

import os

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WORKERS", "2"))
timeout = 60
limit_request_line = 8190
limit_request_field_size = 8190


def post_worker_init(worker):
    """Load the fact-check matching index before the worker takes requests (100,000 fact-checks
    take seconds), so that no request waits for it; the worker is not yet timed."""
    warm_up = getattr(worker.wsgi, "extensions", {}).get("factcheck_warm_up")
    if warm_up is not None:
        warm_up()
