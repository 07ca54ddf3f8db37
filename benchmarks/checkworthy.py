#!/usr/bin/env python3
"""Throughput of the check-worthiness scorer, in sentences per second.

    /work/main/.venv/bin/python benchmarks/checkworthy.py [CLAIMBUSTER.jsonl] [--repeat N]

Scores every sentence of the file with ``api.checkworthy.score`` (features
included), and, in the same process, with a baseline that only asks "has a
digit?" (one compiled regex search per sentence), then prints both rates, their
ratio, and the size of the shipped weights file. The model is loaded before
timing. The best of ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api import checkworthy  # noqa: E402
from api.checkworthy.model import WEIGHTS_PATH  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "data" / "claimbuster-train.jsonl"
HAS_DIGIT = re.compile(r"\d")


def baseline(sentence: str) -> bool:
    return HAS_DIGIT.search(sentence) is not None


def rate(fn, sentences, repeat) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for s in sentences:
            fn(s)
        best = min(best, time.perf_counter() - t)
    return len(sentences) / best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "path", nargs="?", default=str(DEFAULT), help='JSONL with a "text" per line (default: %(default)s)'
    )
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    path = Path(args.path)
    if not path.is_file():
        print(
            f"benchmarks/checkworthy.py: {path} not found; pass the path of a JSONL file "
            'with one {"text": ...} per line (the ClaimBuster file of the eval kit).',
            file=sys.stderr,
        )
        return 2
    with open(path, encoding="utf-8") as fh:
        sentences = [json.loads(line)["text"] for line in fh if line.strip()]
    t = time.perf_counter()
    checkworthy.get_model()
    load = time.perf_counter() - t
    model_rate = rate(checkworthy.score, sentences, args.repeat)
    base_rate = rate(baseline, sentences, args.repeat)
    split_rate = rate(checkworthy.split_sentences, sentences, args.repeat)
    size = WEIGHTS_PATH.stat().st_size
    print(f"sentences          {len(sentences)} ({path.name})")
    print(f"score()            {model_rate:,.0f} sentences/s")
    print(f"has-digit baseline {base_rate:,.0f} sentences/s")
    print(
        f"ratio              {model_rate / base_rate:.3f} of the baseline's rate "
        f"({base_rate / model_rate:.1f}x slower)"
    )
    print(f"split_sentences()  {split_rate:,.0f} texts/s")
    print(f"weights file       {size / 1e6:.2f} MB ({size:,} bytes), loaded in {load * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
