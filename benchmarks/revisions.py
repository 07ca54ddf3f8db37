"""What a correction costs, as a ratio to storing the article the first time, in the same run.

    .venv/bin/python benchmarks/revisions.py [--n 84] [--database-url URL]

POSTs the PolNeAR dev articles from the eval kit (``../shared/eval``), then POSTs each
again with one quote's words changed (a correction: the article's next revision), then
once more with the same corrected text (nothing to do). Prints the median and p95 of
each kind and the ratio of each median to the first POST's median, plus how many quotes
each revision kept, added and removed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from archive import fresh_client  # noqa: E402
from service import KIT, load_articles  # noqa: E402

from api.extraction import extract  # noqa: E402


def corrected(text: str) -> str | None:
    """The text with the words of its longest quote changed (one word appended), or None."""
    quotes = sorted(extract(text), key=lambda q: len(q.text), reverse=True)
    if not quotes:
        return None
    q = quotes[0]
    return text[: q.end] + " indeed" + text[q.end :]


def timed(client, method: str, path: str, body: dict) -> tuple[float, dict]:
    start = time.perf_counter()
    response = getattr(client, method)(path, json=body)
    elapsed = time.perf_counter() - start
    assert response.status_code in (200, 201), response.get_json()
    return elapsed, response.get_json()


def report(name: str, times: list[float], base: float) -> None:
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    ms = f"median {median * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"
    print(f"{name:28s} n={len(times):4d} {ms}  ratio {median / base:5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=84)
    ap.add_argument("--database-url")
    args = ap.parse_args()
    if not os.path.exists(KIT):
        sys.exit(f"needs the eval kit: {KIT}")
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/revisions.db"
    client = fresh_client(url)
    articles = [a for a in load_articles(KIT, args.n) if corrected(a["text"])]
    first, revise, same, diffs = [], [], [], []
    for a in articles:
        first.append(timed(client, "post", "/articles", a)[0])
    for a in articles:
        elapsed, body = timed(client, "post", "/articles", {**a, "text": corrected(a["text"])})
        revise.append(elapsed)
        latest = client.get(f"/articles/{body['id']}/revisions?limit=1").get_json()["items"][0]
        diffs.append((latest["kept"], len(latest["added"]), len(latest["removed"])))
    for a in articles:
        same.append(timed(client, "post", "/articles", {**a, "text": corrected(a["text"])})[0])
    base = statistics.median(first)
    print(f"{url.split(':')[0]}: {len(articles)} articles")
    report("POST (new article)", first, base)
    report("POST (correction)", revise, base)
    report("POST (same text again)", same, base)
    kept, added, removed = (sum(d[i] for d in diffs) for i in range(3))
    print(f"revisions kept {kept} quotes (same ids), added {added}, removed {removed}")


if __name__ == "__main__":
    main()
