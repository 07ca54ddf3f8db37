"""The best any engine can score on a gold file under the kit's scorer: predict exactly the gold.

    python scripts/oracle_ceiling.py ../shared/eval/data/de-wikinews-dev.jsonl

Each direct unit's quoted segments (between its quotation marks) are predicted with the
unit's own source span. Nested units (an indirect attribution whose content holds a direct
one) cannot both be found: the scorer gives a prediction to the first unit covering it.

Exactly: a unit whose content lies inside the content of an earlier unit of its article is
unreachable, whatever is predicted (any span covers the earlier one at least as much, and
the scorer's ``max`` keeps the first of equals).  ``reachable`` counts them; the most quote
recall any prediction can reach is the share of reachable units, and the most quote F1 is
that recall at precision 1.
"""

from __future__ import annotations

import argparse
import os
import sys

KIT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "eval")


def oracle(doc: dict, marks: str) -> list[dict]:
    text, out, seen = doc["text"], [], set()
    for unit in doc["attributions"]:
        if not unit["direct"]:
            continue
        src = unit["source"][0] if unit["source"] else [None, None]
        for s, e in unit["content"]:
            at = [i for i in range(s, e) if text[i] in marks]
            for j in range(0, len(at), 2):
                span = (at[j] + 1, at[j + 1] if j + 1 < len(at) else e)
                if span[1] > span[0] and span not in seen:
                    seen.add(span)
                    out.append(dict(start=span[0], end=span[1], speaker_start=src[0], speaker_end=src[1]))
    return out


def reachable(doc: dict) -> tuple[int, int]:
    """(direct units, those some prediction can be given to) of one article."""
    units = [u for u in doc["attributions"] if u["direct"]]
    sets = [{i for s, e in u["content"] for i in range(s, e)} for u in units]
    ok = sum(not any(sets[k] <= sets[j] for j in range(k)) for k in range(len(units)))
    return len(units), ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--kit", default=KIT)
    args = ap.parse_args()
    sys.path.insert(0, args.kit)
    import score  # the kit's scorer

    gold = score.load(args.gold)
    result, _ = score.score(gold, [{"id": d["id"], "quotes": oracle(d, score.MARKS)} for d in gold])
    for key in ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "end_to_end_f1"):
        print(f"{key:22} {result[key]}")
    units, ok = map(sum, zip(*(reachable(d) for d in gold), strict=True))
    recall = ok / units if units else 0.0
    best = 2 * recall / (1 + recall) if recall else 0.0
    print(f"reachable units        {ok} of {units}: at most quote recall {recall:.4f}, quote F1 {best:.4f}")


if __name__ == "__main__":
    main()
