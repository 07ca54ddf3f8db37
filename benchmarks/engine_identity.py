"""Check that the engine's output is unchanged: the full records of every quote
of PolNeAR train+dev and German Wikinews train+dev, as JSON, against a
reference written earlier (for example before a speed change).

    python benchmarks/engine_identity.py --write REF.jsonl   (record the reference)
    python benchmarks/engine_identity.py REF.jsonl           (compare; exit 1 on a difference)

Each line is one article: its file, id, language and every Quote field
(spans, text, kind, speaker with title, kind and aliases, mention, cue,
confidence).  The comparison is byte for byte, line by line; the first
differences are printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DATA = os.path.join("..", "shared", "eval", "data")
SETS = (
    ("polnear-train.jsonl", "en"),
    ("polnear-dev.jsonl", "en"),
    ("de-wikinews-train.jsonl", "de"),
    ("de-wikinews-dev.jsonl", "de"),
)


def lines(data: str):
    from api.extraction import extract

    for name, lang in SETS:
        path = os.path.join(data, name)
        with open(path, encoding="utf-8") as fh:
            for row in fh:
                if not row.strip():
                    continue
                art = json.loads(row)
                for given in (lang, None):  # the language given, and detected from the text
                    quotes = [dataclasses.asdict(q) for q in extract(art["text"], given)]
                    yield json.dumps(
                        {"file": name, "id": art["id"], "language": given, "quotes": quotes},
                        ensure_ascii=False,
                        sort_keys=True,
                    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", nargs="?", help="reference file to compare with")
    ap.add_argument("--write", metavar="PATH", help="write the reference instead of comparing")
    ap.add_argument("--data", default=DATA, help=f"the kit's data folder (default {DATA})")
    args = ap.parse_args()
    if not args.write and not args.reference:
        ap.error("give a reference to compare with, or --write PATH")
    if args.write:
        n = 0
        with open(args.write, "w", encoding="utf-8") as out:
            for line in lines(args.data):
                out.write(line + "\n")
                n += 1
        print(f"wrote {n} articles to {args.write}")
        return
    with open(args.reference, encoding="utf-8") as fh:
        ref = [line.rstrip("\n") for line in fh]
    got = list(lines(args.data))
    diffs = [k for k in range(max(len(ref), len(got))) if k >= len(ref) or k >= len(got) or ref[k] != got[k]]
    for k in diffs[:5]:
        print(f"- {ref[k][:600] if k < len(ref) else '(missing)'}")
        print(f"+ {got[k][:600] if k < len(got) else '(missing)'}")
    print(f"{len(got)} articles, {len(diffs)} differ from {args.reference}")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
