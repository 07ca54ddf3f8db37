"""Speed and memory of the extraction engine on real news, in one process.

    python benchmarks/engine.py [PATH]    (default ../shared/eval/data/polnear-train.jsonl)
    python benchmarks/engine.py --baseline DIR [--rounds N] [PATH]

Runs the engine over every article of PATH (JSONL, one {"id", "text"} per
line) and prints articles/s, MB/s (UTF-8 bytes of text) and characters/s,
the process's peak memory, and the ratio to a naive floor (every “…” is a
quote, speaker = the capitalised words after "said") timed the same way in the
same process.  A second, untimed pass measures the engine's own peak
allocation with tracemalloc.

Times are CPU time of the process (``time.process_time``), so that other work
on a shared machine does not count.  ``--baseline DIR`` compares two engines in
the same run: DIR is another checkout (``git archive BASE | tar -x -C DIR``);
the engine of DIR and the engine of this tree each run in a fresh process,
alternately for ``--rounds`` rounds, and the best CPU time of each and their
ratio are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc

import regex

DEFAULT = os.path.join("..", "shared", "eval", "data", "polnear-train.jsonl")
if __name__ != "__child__":  # a child imports the engine of the tree it was given
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_QUOTED = regex.compile(r'[“"]([^“”"\n]{1,2000})[”"]')
_SAID = regex.compile(r"\G[,\s]*said\s+((?:\p{Lu}\w+\s?){1,3})")


def naive_floor(text: str) -> list[tuple[int, int, str | None]]:
    """The floor the engine is compared with: every “…” is a quote."""
    out = []
    for m in _QUOTED.finditer(text):
        said = _SAID.match(text, m.end())
        out.append((m.start(1), m.end(1), said.group(1).strip() if said else None))
    return out


def load(path: str) -> list[str]:
    if not os.path.exists(path):
        sys.exit(
            f"benchmarks/engine.py: no such file {path!r}. Pass the path of the evaluation "
            f"kit's polnear-train.jsonl (default {DEFAULT}, relative to the current directory)."
        )
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def timed(fn, texts: list[str]) -> tuple[float, int]:
    start = time.process_time()
    found = sum(len(fn(t)) for t in texts)
    return time.process_time() - start, found


def peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def child(path: str) -> None:
    """One timed pass of the engine found first on sys.path; prints CPU seconds and quotes."""
    texts = load(path)
    from api.extraction import extract

    extract("“Warm up,” he said.")
    engine_s, quotes = timed(extract, texts)
    print(json.dumps({"cpu_s": engine_s, "quotes": quotes}))


def compare(path: str, baseline: str, rounds: int) -> None:
    """This tree's engine against the one in ``baseline``, alternately in fresh processes."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    trees = {"baseline": os.path.abspath(baseline), "this tree": here}
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(rounds):
        for label, tree in trees.items():
            code = "import runpy, sys; sys.path.insert(0, sys.argv[1]); sys.argv[1:2] = []; "
            code += "runpy.run_path(sys.argv[1], run_name='__child__')"
            out = subprocess.run(
                [sys.executable, "-c", code, tree, os.path.abspath(__file__), os.path.abspath(path)],
                check=True,
                capture_output=True,
                text=True,
                cwd=tree,
            ).stdout
            row = json.loads(out.strip().splitlines()[-1])
            best[label] = min(best.get(label, float("inf")), row["cpu_s"])
            found[label] = row["quotes"]
    n_bytes = sum(len(t.encode("utf-8")) for t in load(path))
    for label in trees:
        print(
            f"{label:<10} {best[label]:.2f} s CPU, {n_bytes / 1e6 / best[label]:.2f} MB/s, "
            f"{found[label]} quotes ({trees[label]})"
        )
    print(f"speed-up   {best['baseline'] / best['this tree']:.2f}x (best of {rounds} rounds each)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes over the file (best is kept)")
    ap.add_argument("--baseline", metavar="DIR", help="compare with the engine of another checkout")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the comparison (best is kept)")
    args = ap.parse_args()
    if args.baseline:
        load(args.path)
        compare(args.path, args.baseline, args.rounds)
        return
    texts = load(args.path)
    t0 = time.process_time()
    from api.extraction import extract

    extract("“Warm up,” he said.")
    import_s = time.process_time() - t0
    n_chars = sum(len(t) for t in texts)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)

    engine_s, quotes = min(timed(extract, texts) for _ in range(args.repeat))
    naive_s, naive_quotes = min(timed(naive_floor, texts) for _ in range(args.repeat))
    rss = peak_rss_mb()

    tracemalloc.start()
    for t in texts:
        extract(t)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"input           {args.path}: {len(texts)} articles, {n_chars / 1e6:.2f} M characters, "
        f"{n_bytes / 1e6:.2f} MB UTF-8"
    )
    print(
        f"engine          {engine_s:.2f} s CPU, {quotes} quotes "
        f"(import and pattern compilation {import_s:.2f} s, not counted)"
    )
    print(f"articles/s      {len(texts) / engine_s:,.0f}")
    print(f"MB/s            {n_bytes / 1e6 / engine_s:.2f}   ({n_chars / 1e6 / engine_s:.2f} M characters/s)")
    print(
        f"peak memory     {rss:.0f} MB resident (whole process, data included); "
        f"engine peak allocation {traced_peak / 1e6:.1f} MB (tracemalloc)"
    )
    print(
        f"naive floor     {naive_s:.3f} s CPU, {naive_quotes} quotes; engine/floor time ratio "
        f"{engine_s / naive_s:.1f}x ({n_bytes / 1e6 / naive_s:.1f} MB/s)"
    )


if __name__ == "__main__":
    main()
elif __name__ == "__child__":
    child(sys.argv[2])
