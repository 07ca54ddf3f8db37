"""Fit the English quote screen (``api/extraction/screen.py``) on PolNeAR train.

    python scripts/train_screen.py ../shared/eval/data/polnear-train.jsonl [--folds 5] [--no-write]
        [--cv-seed N] [--by-publisher] [--off "FAMILY;FAMILY"]

(``--cv-seed`` another assignment of articles to folds; ``--by-publisher`` one fold per
publisher; ``--off`` rule families of ``scripts/rule_reliance.py`` switched off: the
cross-validated figures without them.  The last two never write.)

Every quoted stretch the English stages keep is an example, labelled by whether the
kit's scorer matches it to a gold quote; each also carries whether its speaker would
be counted right.  A logistic regression (L2, AdaGrad, pure Python) is fitted in
k-fold cross-validation over articles; the L2 and the threshold are the ones whose
dropped stretches give the best quote F1 over the held-out folds (the screen answers
"is this a quote", not "is its speaker right"; end-to-end F1 is printed beside it).
Then it is fitted on all of train and written to ``api/extraction/screen_en.json``,
with the Platt scaling of the English confidence (``logistic(a * logit(p) + b)``)
fitted on the stretches it keeps, and the confidence under which a quote is left out
(``abstain``): the level whose held-out stretches give the best end-to-end F1 (a quote
whose speaker is likely wrong costs precision and adds no recall).  Dev is not read here.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
KIT = os.path.join(ROOT, "..", "shared", "eval")

import rule_reliance  # noqa: E402
from fitting import fit_logistic, fit_platt  # noqa: E402

from api.extraction import confidence, pipeline, screen  # noqa: E402
from api.extraction.ranking import Model, logistic  # noqa: E402

THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
ABSTAIN = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def examples(doc, score):
    """(features, is a gold quote, speaker right) per kept stretch; and the article's gold count."""
    text = doc["text"]
    units = [u for u in doc["attributions"] if u["direct"]]
    layout, spans, cues, people, ambiguous = pipeline.english_items(text)
    out = []
    for q, cue, speaker, unsure in zip(spans, cues, people, ambiguous, strict=True):
        end = pipeline.display_end(text, q.start, q.end)
        cover = [score.overlap(q.start, end, u["content"]) for u in units]
        i = max(range(len(units)), key=cover.__getitem__) if units else None
        hit = i is not None and cover[i] * 2 >= end - q.start
        pred = {
            "speaker_start": cue.mention[0] if cue else None,
            "speaker_end": cue.mention[1] if cue else None,
            "speaker": speaker.name if speaker else None,
        }
        right = hit and score.speaker_right(pred, units[i], text)
        feats = screen.features_of(text, q.open, q.start, end, q.close, cue, speaker)
        structural = cue is not None and cue.how in screen.STRUCTURAL  # always kept
        raw = confidence.score(layout, q, cue, pipeline.quote_kind(layout, q, cue), speaker, unsure)
        out.append((feats, hit, right, (doc["id"], i) if hit else None, structural, raw))
    return out, len(units)


BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)


def ece(pairs):
    """Expected calibration error over benchmarks/engine_accuracy.py's bands."""
    gap = 0.0
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band = [(p, r) for p, r in pairs if lo <= p < hi]
        if band:
            gap += abs(sum(p for p, _ in band) - sum(r for _, r in band))
    return gap / len(pairs)


def fit(data, l2=1e-3, epochs=20, rate=0.3, seed=1):
    """The screen's logistic regression: (features, label, ...) rows, as train_attribution fits its models."""
    return fit_logistic(data, epochs=epochs, rate=rate, l2=l2, seed=seed)


def e2e(scored, n_gold, threshold):
    """End-to-end F1 and quote precision/recall when stretches below ``threshold`` are dropped."""
    kept = [(hit, right, unit) for p, hit, right, unit, *_ in scored if p >= threshold]
    ep = sum(r for _, r, _ in kept) / len(kept)
    er = len({u for _, r, u in kept if r}) / n_gold
    qp = sum(h for h, _, _ in kept) / len(kept)
    qr = len({u for h, _, u in kept if h}) / n_gold
    return 2 * ep * er / (ep + er), qp, qr


def choose_abstain(held, n_gold, calibrated, n_gold_by_fold):
    """The confidence level under which a quote is left out, by held-out end-to-end F1."""
    scored = [(1.0 if s else calibrated(raw), h, r, u) for _, h, r, u, s, raw, _ in held]
    best = None
    for a in ABSTAIN:
        f1, qp, qr = e2e(scored, n_gold, a)
        hit = {u for p, h, _, u in scored if p >= a and h}
        right = {u for p, _, r, u in scored if p >= a and r}
        print(
            f"abstain under {a}: cross-validated end-to-end F1 {f1:.4f}, quote P {qp:.4f} R {qr:.4f} "
            f"F1 {2 * qp * qr / (qp + qr):.4f}, speaker accuracy {len(right) / len(hit):.4f}"
        )
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, a)
    print(f"chosen: abstain under {best[1]}")
    folds = sorted({x[-1] for x in held})
    per_fold = []
    for f in folds:
        part = [x for x, y in zip(scored, held, strict=True) if y[-1] == f]
        per_fold.append(e2e(part, n_gold_by_fold[f], best[1])[0])
    print("cross-validated end-to-end F1 per fold: " + " ".join(f"{x:.4f}" for x in per_fold))
    return best[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", default="0.0003,0.001,0.003")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cv-seed", type=int, default=0, help="assignment of articles to folds (0: i %% folds)")
    ap.add_argument("--kit", default=KIT)
    ap.add_argument("--by-publisher", action="store_true", help="folds by publisher, not by article")
    ap.add_argument("--off", default="", help="rule families off (rule_reliance.py), ';' between; no write")
    args = ap.parse_args()
    with contextlib.ExitStack() as stack:
        for name in filter(None, args.off.split(";")):
            stack.enter_context(rule_reliance.switched_off(name))
        run(args)


def run(args):
    sys.path.insert(0, args.kit)
    import score  # the kit's scorer: the same matching and speaker rules

    docs = load(args.train)
    per_doc, n_gold = [], 0
    for d in docs:
        ex, n = examples(d, score)
        per_doc.append(ex)
        n_gold += n
    total = [x for xs in per_doc for x in xs]
    order = list(range(len(docs)))
    if args.cv_seed:
        random.Random(args.cv_seed).shuffle(order)
    fold_of = {i: pos % args.folds for pos, i in enumerate(order)}
    if args.by_publisher:  # one fold per publisher: each held out whole, as another outlet would be
        pubs = sorted({d.get("publisher", "?") for d in docs})
        fold_of = {i: pubs.index(d.get("publisher", "?")) for i, d in enumerate(docs)}
        args.folds = len(pubs)
    print(f"{len(total)} stretches kept by the rules, {sum(x[1] for x in total)} of them gold quotes")
    best, held_by_l2 = None, {}
    for l2 in (float(x) for x in args.l2.split(",")):
        held = []  # (p, hit, right) over the held-out folds
        for f in range(args.folds):
            test = [x for i, xs in enumerate(per_doc) if fold_of[i] == f for x in xs]
            train = [x for i, xs in enumerate(per_doc) if fold_of[i] != f for x in xs]
            b, w = fit(train, l2)
            for fs, h, r, u, s, raw in test:
                p = 1.0 if s else logistic(b + sum(w.get(x, 0.0) for x in fs))
                held.append((p, h, r, u, s, raw, f))
        held_by_l2[l2] = held
        for t in THRESHOLDS:
            f1, qp, qr = e2e(held, n_gold, t)
            qf = 2 * qp * qr / (qp + qr)
            print(
                f"l2 {l2} threshold {t}: cross-validated quote P {qp:.4f} R {qr:.4f} F1 {qf:.4f}, "
                f"end-to-end F1 {f1:.4f}"
            )
            if best is None or qf > best[0] + 1e-9:
                best = (qf, l2, t, f1)
    qf, l2, t, f1 = best
    base = e2e(held, n_gold, 0.0)
    base_qf = 2 * base[1] * base[2] / (base[1] + base[2])
    print(
        f"chosen by quote F1: l2 {l2}, threshold {t} (cross-validated quote F1 {qf:.4f}, end-to-end F1 "
        f"{f1:.4f}; none dropped: quote F1 {base_qf:.4f}, end-to-end {base[0]:.4f})"
    )
    b, w = fit(total, l2)
    model = Model(b, w, t)
    kept = [(raw, r) for fs, _, r, _, s, raw in total if s or logistic(model.logit(fs)) >= t]
    platt = fit_platt(kept)
    calibrated = Model(b, w, t, platt).calibrated
    print(
        f"confidence calibration on train: logistic({platt[0]} * logit(p) + {platt[1]}); ECE "
        f"{ece(kept):.4f} before, {ece([(calibrated(p), r) for p, r in kept]):.4f} after"
    )
    by_fold = [0] * args.folds
    for i, d in enumerate(docs):
        by_fold[fold_of[i]] += sum(1 for u in d["attributions"] if u["direct"])
    abstain = choose_abstain([x for x in held_by_l2[l2] if x[0] >= t], n_gold, calibrated, by_fold)
    if args.no_write or args.off or args.by_publisher:
        return
    out = {
        "trained_on": os.path.basename(args.train),
        "l2": l2,
        "threshold": t,
        "calibration": list(platt),
        "abstain": abstain,
        "bias": round(b, 4),
        "weights": {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) > 1e-4},
    }
    screen.SCREEN_PATH.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {screen.SCREEN_PATH}")


if __name__ == "__main__":
    main()
