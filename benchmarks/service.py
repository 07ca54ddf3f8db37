"""Service latency, as ratios to a bare Flask route timed in the same process.

    .venv/bin/python benchmarks/service.py [--articles PATH] [--n 200] [--database-url URL]

Seeds a fresh database (a temporary SQLite file unless --database-url is given)
with articles (PolNeAR dev from the eval kit when present, else synthetic
ones), then times each request kind through the WSGI app, in-process, so that
network noise stays out. Prints median and p95 latency, requests/s and the
ratio of each median to the bare route's median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from archive import fresh_client  # noqa: E402
from flask import Flask  # noqa: E402

KIT = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "data", "polnear-dev.jsonl")


def load_articles(path: str, n: int) -> list[dict]:
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh if line.strip()]
        return [
            {
                "text": d["text"],
                "url": f"https://bench.example/{i}",
                "title": d.get("title"),
                "publisher": d.get("publisher"),
                "published_at": d.get("date"),
            }
            for i, d in enumerate(docs[:n])
        ]
    print(f"(no {path}: synthetic articles)")
    body = "“We will not back down from this fight,” said Defense Secretary Lloyd Austin. " * 20
    return [{"text": f"Article {i}. {body}", "url": f"https://bench.example/{i}"} for i in range(n)]


def timed(call, repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        call(i)
        out.append(time.perf_counter() - start)
    return out


def report(name: str, samples: list[float], baseline: float | None) -> float:
    med = statistics.median(samples)
    p95 = sorted(samples)[int(len(samples) * 0.95) - 1]
    ratio = f"{med / baseline:8.1f}x" if baseline else "   (base)"
    print(f"{name:34} median {med * 1000:8.2f} ms  p95 {p95 * 1000:8.2f} ms  {1 / med:9.0f} req/s  {ratio}")
    return med


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=KIT)
    ap.add_argument("--n", type=int, default=84)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    url = args.database_url or f"sqlite:///{tmp}/bench.db"
    client = fresh_client(url)

    bare = Flask("bare")
    bare.get("/ping")(lambda: {"ok": True})
    bare_client = bare.test_client()

    articles = load_articles(args.articles, args.n)
    print(f"database {url.split('@')[-1]}, {len(articles)} articles, {args.repeat} requests per kind")
    base = report("bare Flask route", timed(lambda i: bare_client.get("/ping"), args.repeat), None)
    post = timed(lambda i: client.post("/articles", json=articles[i]), len(articles))
    report("POST /articles (new, extracts)", post, base)
    report(
        "POST /articles (repeat)",
        timed(lambda i: client.post("/articles", json=articles[i % len(articles)]), args.repeat),
        base,
    )
    speakers = client.get("/speakers?limit=20").get_json()["items"]
    ids = [s["id"] for s in speakers] or [1]
    report("GET /health", timed(lambda i: client.get("/health"), args.repeat), base)
    report("GET /quotes", timed(lambda i: client.get("/quotes"), args.repeat), base)
    report(
        "GET /speakers/{id}/quotes",
        timed(lambda i: client.get(f"/speakers/{ids[i % len(ids)]}/quotes"), args.repeat),
        base,
    )
    report("GET /speakers?q=", timed(lambda i: client.get("/speakers?q=clin"), args.repeat), base)
    report(
        "GET /articles/{id}",
        timed(lambda i: client.get(f"/articles/{1 + i % len(articles)}"), args.repeat),
        base,
    )
    report("GET /claims", timed(lambda i: client.get("/claims"), args.repeat), base)
    report("GET /claims?q=", timed(lambda i: client.get("/claims?q=percent"), args.repeat), base)
    claim_ids = [c["id"] for c in client.get("/claims?limit=20").get_json()["items"]] or [1]
    report(
        "GET /claims/{id}",
        timed(lambda i: client.get(f"/claims/{claim_ids[i % len(claim_ids)]}"), args.repeat),
        base,
    )
    report("GET /changes", timed(lambda i: client.get(f"/changes?after={i}"), args.repeat), base)
    texts = [a["text"] for a in articles]
    report(
        "POST /extract",
        timed(lambda i: client.post("/extract", json={"text": texts[i % len(texts)]}), args.repeat),
        base,
    )
    mean_chars = statistics.mean(len(t) for t in texts)
    print(f"mean article length {mean_chars:.0f} characters")


if __name__ == "__main__":
    main()
