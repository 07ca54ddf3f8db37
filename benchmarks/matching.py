"""Matching engine speed: search p50 at 10k and 100k fact-checks (ratio to 10k), add() throughput,
and the model's size on disk and in memory.

    .venv/bin/python benchmarks/matching.py [--data ../shared/eval/data] [--big 100000]

Fact-checks are the 10,375 CLEF-2020 claims, then, for the bigger index, synthetic claims that
splice the first half of one real claim (and title) onto the second half of another, so that
vocabulary and term frequencies stay those of real claims. Queries are the dev tweets, five
times over, the two indexes taking turns. All in one process; the ratio is what to compare
across machines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.matching import Index  # noqa: E402
from api.matching.vectors import HERE, load  # noqa: E402


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def splice(a: str, b: str) -> str:
    x, y = a.split(), b.split()
    return " ".join(x[: len(x) // 2] + y[len(y) // 2 :])


def synthetic(claims, n, seed=0):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        i, j = rng.integers(len(claims), size=2)
        yield splice(claims[i]["text"], claims[j]["text"]), splice(claims[i]["title"], claims[j]["title"])


def latencies(indexes, queries, repeat=5):
    """Per index, the search times in ms; the indexes take turns query by query, so a busy
    machine slows them alike."""
    times = [[] for _ in indexes]
    for _ in range(repeat):
        for q in queries:
            for n, index in enumerate(indexes):
                started = time.perf_counter()
                index.search(q, 10)
                times[n].append(time.perf_counter() - started)
    return [np.array(t) * 1000 for t in times]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "data")
    ap.add_argument("--big", type=int, default=100_000)
    a = ap.parse_args()
    claims = read(a.data / "clef2020-vclaims.jsonl")[:10_000]
    queries = [q["text"] for q in read(a.data / "clef2020-dev.jsonl")]

    tracemalloc.start()
    model = load()
    model_memory = tracemalloc.get_traced_memory()[0]
    disk = sum((HERE / name).stat().st_size for name in ("model.json", "vectors.npy"))
    print(f"model: {disk / 1e6:.1f} MB on disk, {model_memory / 1e6:.1f} MB in memory once loaded")

    index = Index(model)
    before = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    for key, c in enumerate(claims):
        index.add(key, c["text"], c["title"])
    seconds = time.perf_counter() - started
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    print(f"add(): {len(claims) / seconds:,.0f} fact-checks/s ({len(claims):,} in {seconds:.1f}s), "
          f"index {grown / 1e6:.1f} MB ({grown / len(claims) / 1e3:.1f} kB per fact-check)")  # fmt: skip

    big = Index(model)
    started = time.perf_counter()
    for key, c in enumerate(claims):
        big.add(key, c["text"], c["title"])
    for key, (text, title) in enumerate(synthetic(claims, a.big - len(claims)), start=len(claims)):
        big.add(key, text, title)
    seconds = time.perf_counter() - started
    print(f"add(): {len(big) / seconds:,.0f} fact-checks/s building {len(big):,}")

    latencies([index, big], queries[:20], repeat=1)  # warm the postings' arrays
    small_ms, big_ms = latencies([index, big], queries)
    for size, ms in ((len(index), small_ms), (len(big), big_ms)):
        print(f"search at {size:,}: p50 {np.median(ms):.2f} ms, p95 {np.percentile(ms, 95):.2f} ms")
    print(f"ratio of p50 at {len(big):,} to {len(index):,}: {np.median(big_ms) / np.median(small_ms):.2f}")


if __name__ == "__main__":
    main()
