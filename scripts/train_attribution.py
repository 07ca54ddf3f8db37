"""Fit the language-neutral pipeline's two models on an annotated train set; check them on dev.

    python scripts/train_attribution.py de ../shared/eval/data/de-wikinews-train.jsonl \
        ../shared/eval/data/de-wikinews-dev.jsonl

For each quoted stretch that ``api.extraction.generic.items`` finds, the quote model's label
is whether the scorer would match it to a gold quote, the speaker model's which candidate
mention overlaps that quote's gold source. The quote model is a logistic regression, the
speaker model a softmax over a quote's candidates (conditional logit); both with L2, by
AdaGrad in pure Python. The speaker model is fitted twice: the second time the "previous
speaker" features read the mention the first model picks, as extraction will. 5-fold
cross-validation on train (by article) picks the quote threshold (``choose_threshold``) and
fits the confidence calibration on held-out folds. Writes the language's entry of
``api/extraction/weights.json`` and prints the scorer's figures on train and dev side by
side (``--no-write`` to only look).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction import generic, ranking  # noqa: E402
from api.extraction.lexicons import LEXICONS  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fitting import fit_conditional_logit, fit_logistic, fit_platt  # noqa: E402

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
KIT = os.path.join("..", "shared", "eval")
SPEAKER_L2 = 0.01  # of 0.003, 0.01, 0.03: the best cross-validated end-to-end F1 over two fold assignments


def fit_speaker(data):
    """The speaker model: a conditional logit in which every candidate overlapping the gold source
    is right ("Der Sprecher", "des Ministeriums" and "Hans Weber" of one long source alike)."""
    return fit_conditional_logit(data, l2=SPEAKER_L2)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def overlap(s, e, spans):
    return sum(max(0, min(e, b) - max(s, a)) for a, b in spans)


def matched_unit(q, units):
    """The gold unit the scorer would give quote ``q`` to, or None."""
    if not units:
        return None
    cover = [overlap(q.start, q.end, u["content"]) for u in units]
    i = max(range(len(units)), key=cover.__getitem__)
    return units[i] if cover[i] * 2 >= q.end - q.start else None


def examples(docs, lx, chooser=None):
    """(quote features with the quote's label, (candidates' features, the right one's index)).

    The previous quote's speaker ("previous-speaker") is the right mention, or with a
    ``chooser`` (a first speaker model) the one it picks, as extraction will see it."""
    quote_ex, speaker_ex = [], []
    for d in docs:
        units = [u for u in d["attributions"] if u["direct"]]
        _, _, _, found = generic.items(d["text"], lx)
        previous = None  # the previous quote's right mention, as extraction's choice would be
        for item in found:
            unit = matched_unit(item.span, units)
            cands = [f + generic.follows(d["text"], m, previous) for m, f in item.candidates]
            quote_ex.append((item.features, unit is not None, cands))
            if chooser is not None and unit is not None and cands:
                previous = item.candidates[max(range(len(cands)), key=lambda k: chooser.logit(cands[k]))][0]
            if unit is None or not unit["source"] or not item.candidates:
                continue
            gold = [k for k, (m, _) in enumerate(item.candidates) if overlap(m.start, m.end, unit["source"])]
            speaker_ex.append((cands, gold))
            if chooser is None:
                previous = item.candidates[gold[0]][0] if gold else previous
    return quote_ex, speaker_ex


def top1(model, data):
    """The share of matched quotes (with a gold source) whose best candidate overlaps the source."""
    right = sum(max(range(len(c)), key=lambda k: model.logit(c[k])) in gold for c, gold in data)
    return right / len(data) if data else 0.0


def covered(data):
    return sum(bool(gold) for _, gold in data) / len(data) if data else 0.0


def predictions(docs, lx, models):
    out = []
    for d in docs:
        quotes = generic.extract_generic(d["text"], lx, models)
        out.append(
            {
                "id": d["id"],
                "quotes": [
                    {
                        "start": q.start,
                        "end": q.end,
                        "speaker": q.speaker.name if q.speaker else None,
                        "speaker_start": q.mention.start if q.mention else None,
                        "speaker_end": q.mention.end if q.mention else None,
                    }
                    for q in quotes
                ],
            }
        )
    return out


def scored(docs, lx, models):
    sys.path.insert(0, KIT)
    import score  # the evaluation kit's scorer

    return score.score(docs, predictions(docs, lx, models))[0]


def confidence_pairs(docs, lx, models):
    """(raw confidence, whether the quote is a gold quote with the right speaker) per prediction."""
    sys.path.insert(0, KIT)
    import score  # the evaluation kit's scorer

    pairs = []
    for d in docs:
        units = [u for u in d["attributions"] if u["direct"]]
        for q in generic.extract_generic(d["text"], lx, models):
            unit = matched_unit(q, units)
            pred = {
                "speaker_start": q.mention and q.mention.start,
                "speaker_end": q.mention and q.mention.end,
                "speaker": q.speaker and q.speaker.name,
            }
            pairs.append((q.confidence, unit is not None and score.speaker_right(pred, unit, d["text"])))
    return pairs


def cross_validate(docs, lx, folds=5, seed=0):
    """Each article's quotes predicted by models fitted on the other folds (by article), at each
    threshold: ({threshold: the scorer's figures pooled over the folds}, {threshold: the held-out
    (confidence, right) pairs}, speaker top-1 on the held-out folds)."""
    sys.path.insert(0, KIT)
    import score  # the evaluation kit's scorer

    docs = list(docs)
    if seed:  # another assignment of articles to folds: how much the figures move by chance
        random.Random(seed).shuffle(docs)
    parts = [docs[k::folds] for k in range(folds)]
    ex = [examples(p, lx) for p in parts]
    first = [
        ranking.Model(0.0, fit_speaker([x for j, e in enumerate(ex) if j != k for x in e[1]]))
        for k in range(folds)
    ]
    ex = [
        examples(p, lx, first[k]) for k, p in enumerate(parts)
    ]  # each fold's previous speakers as its model picks
    right = total = 0
    preds = {t: [] for t in THRESHOLDS}
    pairs = {t: [] for t in THRESHOLDS}
    for k in range(folds):
        s_fit = [x for j, e in enumerate(ex) if j != k for x in e[1]]
        q_fit = [x for j, e in enumerate(ex) if j != k for x in e[0]]
        speaker = ranking.Model(0.0, fit_speaker(s_fit))
        top = [max((speaker.logit(c) for c in cands), default=None) for _, _, cands in q_fit]
        qb, qw = fit_logistic(
            [(ranking.with_speaker_evidence(f, t), y) for (f, y, _), t in zip(q_fit, top, strict=True)]
        )
        right += top1(speaker, ex[k][1]) * len(ex[k][1])
        total += len(ex[k][1])
        for t in THRESHOLDS:
            models = {"quote": ranking.Model(qb, qw, t), "speaker": speaker}
            preds[t] += predictions(parts[k], lx, models)
            pairs[t] += confidence_pairs(parts[k], lx, models)
    gold = [d for p in parts for d in p]
    return {t: score.score(gold, preds[t])[0] for t in THRESHOLDS}, pairs, right / total


NOISE = 0.005  # cross-validated end-to-end F1 moves by about this between fold assignments


def choose_threshold(results: dict) -> float:
    """The threshold with the best quote F1 among those whose end-to-end F1 is within ``NOISE``
    of the best: both are the issue's bars, and end-to-end differences that small are chance.

    >>> choose_threshold({0.5: {"end_to_end_f1": 0.559, "quote_f1": 0.745},
    ...                   0.6: {"end_to_end_f1": 0.561, "quote_f1": 0.738}})
    0.5
    """
    best = max(r["end_to_end_f1"] for r in results.values())
    near = [t for t, r in results.items() if r["end_to_end_f1"] >= best - NOISE]
    return max(near, key=lambda t: (results[t]["quote_f1"], -abs(t - 0.5)))


FIGURES = ("quote_precision", "quote_recall", "quote_f1", "speaker_accuracy", "end_to_end_f1")


def print_cv(results, top):
    print(f"5-fold cross-validation on train (speaker top-1 {top:.4f}); by quote threshold:")
    for t, r in results.items():
        print(f"  {t:.1f} " + " ".join(f"{k} {r[k]:.4f}" for k in FIGURES))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("language")
    ap.add_argument("train")
    ap.add_argument("dev")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cv", action="store_true", help="only print 5-fold cross-validation on train")
    ap.add_argument("--cv-seed", type=int, default=0, help="shuffle the articles into folds with this seed")
    args = ap.parse_args()
    lx = LEXICONS[args.language]
    train = load(args.train)
    results, pairs, top = cross_validate(train, lx, seed=args.cv_seed)
    print_cv(results, top)
    if args.cv:
        return
    threshold = choose_threshold(results)
    print(f"quote threshold {threshold} (of {THRESHOLDS}: the best cross-validated quote F1 on train")
    print(f"  among those within {NOISE} of the best end-to-end F1)")
    platt = fit_platt(pairs[threshold])
    print(f"confidence calibration on the held-out folds: logistic({platt[0]} * logit(p) + {platt[1]})")
    dev = load(args.dev)
    first = ranking.Model(0.0, fit_speaker(examples(train, lx)[1]))
    q_train, s_train = examples(train, lx, first)
    q_dev, s_dev = examples(dev, lx, first)
    sw = fit_speaker(s_train)
    speaker = ranking.Model(0.0, sw)
    qb, qw = fit_logistic(
        [
            (ranking.with_speaker_evidence(f, max((speaker.logit(c) for c in cands), default=None)), y)
            for f, y, cands in q_train
        ]
    )
    models = {"quote": ranking.Model(qb, qw, threshold, platt), "speaker": speaker}
    print(f"{'':24} {'train':>8} {'dev':>8}")
    tops = top1(models["speaker"], s_train), top1(models["speaker"], s_dev)
    print(f"{'speaker top-1':24} {tops[0]:8.4f} {tops[1]:8.4f}   ({len(s_train)} / {len(s_dev)} quotes")
    print(f"{'':24} the gold source among the candidates of {covered(s_train):.3f} / {covered(s_dev):.3f})")
    a, b = scored(train, lx, models), scored(dev, lx, models)
    for key in FIGURES:
        print(f"{key:24} {a[key]:8.4f} {b[key]:8.4f}")
    if args.no_write:
        return
    path = ranking.WEIGHTS_PATH
    raw = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    raw[args.language] = {
        "trained_on": os.path.basename(args.train),
        "quote": {
            "bias": round(qb, 4),
            "threshold": threshold,
            "calibration": list(platt),
            "weights": {f: round(v, 4) for f, v in sorted(qw.items()) if abs(v) > 1e-4},
        },
        "speaker": {"bias": 0.0, "weights": {f: round(v, 4) for f, v in sorted(sw.items()) if abs(v) > 1e-4}},
    }
    path.write_text(json.dumps(raw, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
