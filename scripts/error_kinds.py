"""The most frequent kinds of error the engine makes on a gold file, counted, not read one by one.

    python scripts/error_kinds.py ../shared/eval/data/de-wikinews-dev.jsonl [--top 10] [--language de]

Each mistake the kit's scorer would count is put in a coarse kind: a quote the
annotators did not mark (short or long, capitalised or not, with or without a cue),
a gold quote missed (short or long), or a wrong speaker (what kind of mention was
chosen, whether a cue was found, what kind of mention the gold source is).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction import extract  # noqa: E402

KIT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "eval")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "er", "sie", "es", "wir", "ich", "man"}


def mention_kind(text: str) -> str:
    if not text:
        return "none"
    words = text.split()
    if words[0].lower() in PRONOUNS and len(words) == 1:
        return "pronoun"
    return "name" if all(w[:1].isupper() for w in words) else "description"


def size(text: str) -> str:
    return "short" if len(text.split()) <= 3 else "long"


def kinds(doc: dict, quotes, score) -> list[str]:
    text = doc["text"]
    units = [u for u in doc["attributions"] if u["direct"]]
    out, hit = [], set()
    for q in quotes:
        cover = [score.overlap(q.start, q.end, u["content"]) for u in units]
        i = max(range(len(units)), key=cover.__getitem__) if units else None
        if i is None or cover[i] * 2 < q.end - q.start:
            capital = "capitalised" if q.text[:1].isupper() else "lowercase"
            out.append(f"not a gold quote: {size(q.text)}, {capital}, {'cue' if q.cue else 'no cue'}")
            continue
        hit.add(i)
        pred = {
            "speaker_start": q.mention and q.mention.start,
            "speaker_end": q.mention and q.mention.end,
            "speaker": q.speaker and q.speaker.name,
        }
        if not score.speaker_right(pred, units[i], text):
            gold = " ".join(text[a:b] for a, b in units[i]["source"])
            chosen = mention_kind(q.mention.text if q.mention else "")
            cue = "cue" if q.cue else "no cue"
            out.append(f"wrong speaker: chose {chosen} ({cue}), gold {mention_kind(gold)}")
    sets = [{k for s, e in u["content"] for k in range(s, e)} for u in units]
    for i, u in enumerate(units):
        if i not in hit:
            body = " ".join(text[a:b] for a, b in u["content"])
            if any(sets[i] <= sets[j] for j in range(i)):
                out.append("missed: nested in an earlier unit (no prediction can reach it)")
            else:
                out.append(f"missed: {size(body)}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--language", default=None)
    ap.add_argument("--kit", default=KIT)
    args = ap.parse_args()
    sys.path.insert(0, args.kit)
    import score  # the kit's scorer: the same overlap and speaker rules

    counts: collections.Counter = collections.Counter()
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                counts.update(kinds(doc, extract(doc["text"], args.language), score))
    total = sum(counts.values())
    print(f"{total} mistakes in {os.path.basename(args.gold)}; the {args.top} most frequent kinds:")
    for kind, n in counts.most_common(args.top):
        print(f"  {n:5}  {n / total:6.1%}  {kind}")


if __name__ == "__main__":
    main()
