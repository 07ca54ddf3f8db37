"""Fact-checks at scale: importing 10,000 ClaimReview objects, and POST /match at 10k and 100k.

    .venv/bin/python benchmarks/factchecks.py [--database-url URL] [--import-only | --match-only]
                                               [--sizes 10000,100000] [--queries 200]

Import: 10,000 ClaimReview JSON-LD objects (the CLEF-2020 Snopes claims of ../shared/eval when
present, else generated ones) written as JSON lines and imported with `flask factchecks
import`, timed end to end (bar: under a minute), then imported again (all unchanged).

Match: the fact-checks stored in bulk (the 10,375 claims, then copies of them with their words
reordered up to each size), then POST /match in-process with the dev tweets as queries. The
first request loads the index (timed apart); the figure is the p50 of the rest (bar: 20 ms at
10k, at most 2x that at 100k), beside a bare Flask route's p50 on the same machine (ratio).
A fresh database each run: a temporary SQLite file unless --database-url is given (emptied).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from click.testing import CliRunner  # noqa: E402
from flask import Flask  # noqa: E402
from flask.cli import FlaskGroup  # noqa: E402

from api import create_app, db  # noqa: E402
from api.access.keys import create_key  # noqa: E402
from api.db import migrations  # noqa: E402
from api.facts.factchecks import read, store  # noqa: E402

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "data")
SETTINGS = {"LOG_LEVEL": "WARNING", "RATELIMIT_ENABLED": False}


def claims() -> list[dict]:
    path = os.path.join(DATA, "clef2020-vclaims.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    rng = random.Random(7)
    words = "tax jobs health coverage vaccine border crime wages school climate election fraud".split()
    return [{"id": str(i), "text": " ".join(rng.choices(words, k=12)), "title": ""} for i in range(10_375)]


def queries(n: int) -> list[str]:
    path = os.path.join(DATA, "clef2020-dev.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()][:n]
    return [c["text"] for c in claims()[:n]]


def claimreview(claim: dict, copy: int = 0) -> dict:
    text = claim["text"]
    if copy:  # another fact-check of the same kind: the words reordered, so the index grows for real
        words = text.split()
        random.Random(copy * 100_003 + int(claim["id"])).shuffle(words)
        text = " ".join(words)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://snopes.example/{claim['id']}/{copy}",
        "claimReviewed": text,
        "headline": claim.get("title") or None,
        "datePublished": "2020-01-01",
        "author": {"@type": "Organization", "name": "Snopes"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }


def fresh(url: str):
    app = create_app({"DATABASE_URL": url, **SETTINGS})
    with app.app_context():
        db.open_connection()
        migrations.drop_all(db.database)
        migrations.upgrade(db.database)
        _, token = create_key("bench", ["admin"])
        db.close_connection()
    return app, token


def bench_import(url: str) -> None:
    fresh(url)
    docs = [claimreview(c, copy) for copy in range(2) for c in claims()][:10_000]
    path = os.path.join(tempfile.mkdtemp(), "reviews.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d) + "\n" for d in docs)
    flask = FlaskGroup(create_app=lambda: create_app({"DATABASE_URL": url, **SETTINGS}), load_dotenv=False)
    for label in ("first import", "again"):
        started = time.perf_counter()
        result = CliRunner().invoke(flask, ["factchecks", "import", path])
        took = time.perf_counter() - started
        rate = len(docs) / took
        summary = result.output.strip()
        print(f"import {len(docs):,} ClaimReview ({label}): {took:.1f} s, {rate:,.0f}/s  [{summary}]")


def fill(url: str, size: int) -> None:
    """Fact-checks stored in bulk up to ``size`` (the claims, then reordered copies of them)."""
    base = claims()
    app = create_app({"DATABASE_URL": url, **SETTINGS})
    with app.app_context():
        db.open_connection()
        have = db.database.execute_sql("SELECT COUNT(*) FROM factcheck").fetchone()[0]
        copy, batch = 0, []
        while have < size:
            for claim in base:
                if have >= size:
                    break
                batch.append(claimreview(claim, copy))
                have += 1
            copy += 1
            for i in range(0, len(batch), 5000):
                rows = [row for row, _ in read(batch[i : i + 5000]) if row is not None]
                store(rows)
            batch = []
        db.close_connection()


def p50(client, path: str, bodies: list) -> float:
    times = []
    for body in bodies:
        started = time.perf_counter()
        response = client.post(path, json=body) if body is not None else client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.get_json()
    return statistics.median(times) * 1000


def bare_p50(n: int) -> float:
    bare = Flask("bare")
    bare.add_url_rule("/x", "x", lambda: {"items": []})
    return p50(bare.test_client(), "/x", [None] * n)


def bench_match(url: str, sizes: list[int], n: int) -> None:
    fresh(url)
    texts = queries(n)
    baseline = bare_p50(n)
    for size in sizes:
        started = time.perf_counter()
        fill(url, size)
        filled = time.perf_counter() - started
        client = create_app({"DATABASE_URL": url, **SETTINGS}).test_client()  # a new worker: a cold index
        started = time.perf_counter()
        client.post("/match", json={"text": texts[0]})
        load = time.perf_counter() - started
        median = p50(client, "/match", [{"text": t} for t in texts])
        print(
            f"POST /match at {size:,} fact-checks: p50 {median:.1f} ms over {len(texts)} queries "
            f"(bare Flask {baseline:.2f} ms, x{median / baseline:.0f}); index load {load:.1f} s; "
            f"stored in {filled:.0f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--import-only", action="store_true")
    parser.add_argument("--match-only", action="store_true")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/factchecks.db"
    if not args.match_only:
        bench_import(url)
    if not args.import_only:
        bench_match(url, [int(s) for s in args.sizes.split(",")], args.queries)


if __name__ == "__main__":
    main()
