"""Accuracy of the extraction engine on the evaluation kit, split so that a
rule's effect can be told from noise.

    python benchmarks/engine_accuracy.py [GOLD ...]   (default: the kit's train and dev files)

For each gold file prints the kit's scores (``score.py``) on the whole file, on
its even- and odd-indexed articles, per publisher, and the confidence
calibration: the share of predicted quotes that are real quotes with the right
speaker, and their mean confidence, per confidence band, and the expected
calibration error (ECE: the quote-weighted mean of |mean confidence - share
right| over the bands).  The scorer is imported from the kit, so the numbers are
the kit's own.  The language of each article is detected (the kit's German files
come out German).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
KIT = os.path.join(ROOT, "..", "shared", "eval")
SETS = ("polnear-train", "polnear-dev", "de-wikinews-train", "de-wikinews-dev")
DEFAULT = [os.path.join(KIT, "data", f"{name}.jsonl") for name in SETS]
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)
KEYS = ("quote_f1", "quote_precision", "quote_recall", "exact_span_rate", "speaker_accuracy", "end_to_end_f1")


def load_scorer(kit: str):
    path = os.path.join(kit, "score.py")
    if not os.path.exists(path):
        sys.exit(f"benchmarks/engine_accuracy.py: no scorer at {path!r}; pass --kit")
    spec = importlib.util.spec_from_file_location("kit_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(docs: list[dict]) -> list[dict]:
    from api.cli import quote_prediction
    from api.extraction import extract

    return [{"id": d["id"], "quotes": [quote_prediction(q) for q in extract(d["text"])]} for d in docs]


def line(name: str, result: dict) -> str:
    return f"  {name:14} " + "  ".join(f"{k.replace('_', ' ')} {result[k]:.4f}" for k in KEYS)


def calibration(scorer, docs: list[dict], preds: list[dict]) -> list[tuple[float, float, int, int, float]]:
    """(low, high, quotes, right, summed confidence) per confidence bucket: right = a gold
    quote whose speaker is right, as the kit's scorer judges it."""
    counts = [[0, 0, 0.0] for _ in BUCKETS[:-1]]
    for doc, pred in zip(docs, preds, strict=True):
        units = [u for u in doc["attributions"] if u["direct"]]
        for q in pred["quotes"]:
            b = next(i for i in range(len(BUCKETS) - 1) if q["confidence"] < BUCKETS[i + 1])
            counts[b][0] += 1
            counts[b][2] += q["confidence"]
            cover = [scorer.overlap(q["start"], q["end"], u["content"]) for u in units]
            i = max(range(len(units)), key=cover.__getitem__) if units else None
            if i is not None and cover[i] * 2 >= q["end"] - q["start"]:
                counts[b][1] += scorer.speaker_right(q, units[i], doc["text"])
    return [(BUCKETS[i], BUCKETS[i + 1], n, r, c) for i, (n, r, c) in enumerate(counts)]


def expected_calibration_error(bands: list[tuple[float, float, int, int, float]]) -> float:
    total = sum(n for _, _, n, _, _ in bands)
    return sum(abs(c - r) for _, _, n, r, c in bands if n) / total if total else 0.0


def report(scorer, path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    preds = predict(docs)
    print(f"{os.path.basename(path)} ({len(docs)} articles)")
    print(line("all", scorer.score(docs, preds)[0]))
    print(line("even", scorer.score(docs[0::2], preds[0::2])[0]))
    print(line("odd", scorer.score(docs[1::2], preds[1::2])[0]))
    for pub in sorted({d.get("publisher", "?") for d in docs}):
        idx = [i for i, d in enumerate(docs) if d.get("publisher", "?") == pub]
        result = scorer.score([docs[i] for i in idx], [preds[i] for i in idx])[0]
        if result["gold_quotes"] >= 20:
            print(line(pub, result))
    bands = calibration(scorer, docs, preds)
    print(
        f"  confidence calibration, ECE {expected_calibration_error(bands):.3f} "
        "(share of predicted quotes that are gold quotes with the right speaker, and mean confidence):"
    )
    for lo, hi, n, right, conf in bands:
        share = f"{right / n:.3f}  mean confidence {conf / n:.3f}" if n else "  -  "
        print(f"    [{lo:.1f}, {min(hi, 1.0):.1f}{')' if hi < 1 else ']'}  {n:5} quotes  {share}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", default=DEFAULT)
    ap.add_argument("--kit", default=KIT, help="the evaluation kit's directory (holds score.py)")
    args = ap.parse_args()
    scorer = load_scorer(args.kit)
    for path in args.gold:
        report(scorer, path)


if __name__ == "__main__":
    main()
