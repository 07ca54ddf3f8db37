"""Nothing lost: every PolNeAR train and dev article POSTed through the API, then once more, and a
2 MB article of real prose (train concatenated), on one database.

    .venv/bin/python benchmarks/archive.py [--database-url URL] [--skip-large]

Needs the evaluation kit at ../shared/eval. Prints each non-201 answer, the count of
201s (then of 200s when re-posted), the articles/s, and the large article's size, time,
quote count and response size. A fresh database: a temporary SQLite file unless
--database-url is given (it is emptied first).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api import create_app, db  # noqa: E402
from api.access.keys import create_key  # noqa: E402
from api.db import migrations  # noqa: E402
from api.extraction import extract  # noqa: E402

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "data")
LIMIT = 2 * 1024 * 1024


def polnear() -> list[dict]:
    docs = []
    for name in ("polnear-train.jsonl", "polnear-dev.jsonl"):
        with open(os.path.join(DATA, name), encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    return docs


def body(doc: dict) -> dict:
    return {
        "text": doc["text"],
        "url": f"https://polnear.example/{doc['id']}",
        "title": doc.get("title"),
        "publisher": doc.get("publisher"),
        "published_at": doc.get("date"),
    }


def large_article(docs: list[dict]) -> dict:
    """Train articles concatenated up to just under the 2 MB body limit (UTF-8, with the JSON around)."""
    parts, size = [], 0
    for doc in docs:
        piece = doc["text"] + "\n\n"
        if size + len(json.dumps(piece)) > LIMIT - 4096:
            break
        parts.append(piece)
        size += len(json.dumps(piece))
    return {"text": "".join(parts), "url": "https://polnear.example/all-of-train", "publisher": "polnear"}


def fresh_client(url: str):
    """A test client of an app on an empty database at ``url``, carrying an admin key (limits off):
    every request is authenticated, as in production."""
    app = create_app({"DATABASE_URL": url, "LOG_LEVEL": "WARNING", "RATELIMIT_ENABLED": False})
    with app.app_context():
        db.database.connect(reuse_if_open=True)
        migrations.drop_all(db.database)
        migrations.upgrade(db.database)
        _, token = create_key("bench", ["admin"])
        db.close_connection()
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url")
    ap.add_argument("--skip-large", action="store_true")
    ap.add_argument(
        "--large-only", action="store_true", help="only the 2 MB article, into the empty database"
    )
    args = ap.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/archive.db"
    docs = polnear()
    client = fresh_client(url)
    posted = [] if args.large_only else docs
    started, statuses = time.perf_counter(), {}
    for doc in posted:
        response = client.post("/articles", json=body(doc))
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code != 201:
            print(f"  {doc['id']}: {response.status_code} {response.get_json().get('detail')}")
    took = time.perf_counter() - started
    print(
        f"{url.split('@')[-1]}: {len(posted)} articles posted, {statuses.get(201, 0)} stored (201), "
        f"{len(posted) - statuses.get(201, 0)} failed; {len(posted) / took:.1f} articles/s"
    )
    again = [client.post("/articles", json=body(doc)).status_code for doc in posted]
    print(f"re-posted: {again.count(200)} of {len(posted)} answered 200 (the stored article)")
    if args.skip_large:
        return
    big = large_article(docs[:840])
    started = time.perf_counter()
    extract(big["text"])  # the engine alone, timed in the same run: how loaded the machine is
    engine = time.perf_counter() - started
    started = time.perf_counter()
    response = client.post("/articles", json=big)
    took = time.perf_counter() - started
    answer = response.get_json()
    print(
        f"large article: {len(json.dumps(big).encode()) / 1e6:.2f} MB body, {response.status_code} in "
        f"{took:.1f} s, {answer.get('quote_count')} quotes, response {len(response.data) / 1e3:.0f} kB; "
        f"the engine alone on its text took {engine:.1f} s ({took / engine:.1f}x)"
    )


if __name__ == "__main__":
    main()
