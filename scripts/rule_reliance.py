"""How much of the English engine's accuracy rests on each hand-rule family, measured on train.

    python scripts/rule_reliance.py ../shared/eval/data/polnear-train.jsonl [--only NAME,...] [--seeds 0,1]

Two measures per rule family, on PolNeAR train (dev is not read):

- **decides**: the train quotes whose output (kept or not, mention, speaker) changes when
  the family is switched off, split by what the kit's scorer says before and after
  (right end to end, a gold quote with a wrong speaker, not a gold quote, not given);
- **ablated**: the kit's end-to-end F1 on each of 5 folds by article (two assignments of
  articles to folds), the family off against on.  The rules have no fitted parameters;
  the screen and the abstain level stay as fitted on all of train, so this is train by
  fold, as MODEL.md measures the English rules.

A family that decides few train quotes is one whose worth on other news is least known.
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
KIT = os.path.join(ROOT, "..", "shared", "eval")

from api.extraction import attribute, classify, cues, inherit, pipeline, speakers  # noqa: E402
from api.extraction import patterns as P  # noqa: E402


class _Never:
    """A compiled pattern's stand-in that never matches."""

    def search(self, *a, **k):
        return None

    match = search


def _none(*a, **k):
    return None


# name -> (module, attribute, replacement): one rule family switched off
ABLATIONS = {
    # is it speech (classify.py)
    "title": (classify, "is_title", lambda *a: False),
    "nickname": (classify, "is_nickname", lambda *a: False),
    "aside": (classify, "is_aside", lambda *a: False),
    "coined (dubbed, so-called)": (classify, "is_coined", lambda *a: False),
    "short and uncued dropped": (classify, "is_reported", lambda *a: True),
    # own cue (attribute.find_cue, cues.py)
    "cue before the quote": (attribute, "cue_before", _none),
    "cue later in the sentence": (attribute, "cue_later", _none),
    "possessive cue": (attribute, "cue_possessive", _none),
    "head of a long subject": (attribute, "cue_head_subject", _none),
    "clause subject (fragment)": (attribute, "sentence_subject", _none),
    "head before an aside": (cues, "_head_before_appositive", _none),
    "passive agent (asked by X)": (P, "PASSIVE_AUX", _Never()),
    "with X writing": (P, "WITH_SUBJECT", _Never()),
    "earlier speech verb's subject": (cues, "_earlier_speech_cue", _none),
    # a source for the whole sentence
    "according to X in the sentence": (attribute, "according_in_sentence", _none),
    "reporting tail (, CNN reported)": (attribute, "sentence_tail", _none),
    # quotes without a cue of their own (inherit.py)
    "colon ending the paragraph before": (inherit, "cue_ending_paragraph", _none),
    "speech verb in the narrative": (inherit, "last_cue_in", _none),
    "dash line": (inherit, "dash_attribution", _none),
    "next quote's cue": (inherit, "next_own_cues", lambda s, c: [None] * len(s)),
    "nearest speaker guess": (inherit, "_NEAREST_PARAGRAPHS", -1),
    # speakers
    "the senator -> titled person": (speakers, "resolve_title", _none),
    "who -> the name before": (speakers, "resolve_who", _none),
    "pronoun: subject bonus": (speakers, "SUBJECT_BONUS", 0.0),
    "pronoun: gender bonus": (speakers, "GENDER_BONUS", 0.0),
    # learned, for comparison
    "screen (learned)": (pipeline, "SCREEN", None),
    "abstain (fitted level)": (pipeline, "ABSTAIN", 0.0),
}


@contextlib.contextmanager
def switched_off(name):
    module, attr, value = ABLATIONS[name]
    old = getattr(module, attr)
    setattr(module, attr, value)
    try:
        yield
    finally:
        setattr(module, attr, old)


def outcomes(doc, quotes, score):
    """(start, end) -> (state, mention) per predicted quote; state: right / wrong / false."""
    text = doc["text"]
    units = [u for u in doc["attributions"] if u["direct"]]
    out = {}
    for q in quotes:
        pred = {
            "speaker_start": q.mention.start if q.mention else None,
            "speaker_end": q.mention.end if q.mention else None,
            "speaker": q.speaker.name if q.speaker else None,
        }
        cover = [score.overlap(q.start, q.end, u["content"]) for u in units]
        i = max(range(len(units)), key=cover.__getitem__) if units else None
        if i is None or cover[i] * 2 < q.end - q.start:
            state = "false"
        else:
            state = "right" if score.speaker_right(pred, units[i], text) else "wrong"
        out[(q.start, q.end)] = (state, pred["speaker_start"], pred["speaker"])
    return out


def predictions(docs):
    from api.cli import quote_prediction

    run, preds = [], []
    for d in docs:
        qs = pipeline.extract_english(d["text"])
        run.append(qs)
        preds.append({"id": d["id"], "quotes": [quote_prediction(q) for q in qs]})
    return run, preds


def by_how(docs, score):
    """Per way a cue was found: quotes given, of them gold quotes, of those with the right speaker."""
    counts = {}
    for d in docs:
        text = d["text"]
        given = outcomes(d, pipeline.extract_english(text), score)
        _, spans, cues_, _, _ = pipeline.english_items(text)
        for q, cue in zip(spans, cues_, strict=True):
            key = (q.start, pipeline.display_end(text, q.start, q.end))
            if key not in given:
                continue  # dropped by the screen or left out (abstained)
            state = given[key][0]
            c = counts.setdefault(cue.how if cue else "none", [0, 0, 0])
            c[0] += 1
            c[1] += state != "false"
            c[2] += state == "right"
    print("| cue found by | quotes given | gold quotes | speaker right of those |")
    print("| --- | --- | --- | --- |")
    for how, (n, g, r) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        print(f"| {how} | {n} | {g} | {r} ({r / g:.3f}) |" if g else f"| {how} | {n} | 0 | - |")


def folds(n, k, seed):
    order = list(range(n))
    if seed:
        random.Random(seed).shuffle(order)
    fold = [0] * n
    for pos, i in enumerate(order):
        fold[i] = pos % k
    return fold


def per_fold(score, docs, preds, fold, k):
    out = []
    for f in range(k):
        g = [d for d, x in zip(docs, fold, strict=True) if x == f]
        p = [q for q, x in zip(preds, fold, strict=True) if x == f]
        out.append(score.score(g, p)[0]["end_to_end_f1"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train")
    ap.add_argument("--only", default="")
    ap.add_argument("--seeds", default="0,1")
    ap.add_argument("--kit", default=KIT)
    ap.add_argument("--by-how", action="store_true", help="only count the quotes by how their cue was found")
    args = ap.parse_args()
    sys.path.insert(0, args.kit)
    import score

    with open(args.train, encoding="utf-8") as fh:
        docs = [json.loads(x) for x in fh if x.strip()]
    if args.by_how:
        return by_how(docs, score)
    seeds = [int(s) for s in args.seeds.split(",")]
    assign = {s: folds(len(docs), 5, s) for s in seeds}
    base_run, base_preds = predictions(docs)
    base_out = [outcomes(d, qs, score) for d, qs in zip(docs, base_run, strict=True)]
    whole = score.score(docs, base_preds)[0]
    base_folds = {s: per_fold(score, docs, base_preds, assign[s], 5) for s in seeds}
    pubs = sorted({d.get("publisher", "?") for d in docs})
    pub_of = [pubs.index(d.get("publisher", "?")) for d in docs]
    base_pub = per_fold(score, docs, base_preds, pub_of, len(pubs))
    print("by publisher: " + " ".join(f"{p} {x:.4f}" for p, x in zip(pubs, base_pub, strict=True)))
    print(f"all rules: train e2e {whole['end_to_end_f1']:.4f}, speaker {whole['speaker_accuracy']:.4f}")
    for s in seeds:
        print(f"  folds (seed {s}): " + " ".join(f"{x:.4f}" for x in base_folds[s]))
    names = [n for n in ABLATIONS if not args.only or n in args.only.split(";")]
    print(
        "| family switched off | quotes changed | right -> not | not -> right | e2e | fold deltas (seed "
        + ", ".join(map(str, seeds))
        + ") | publishers the family helps / hurts |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in names:
        with switched_off(name):
            run, preds = predictions(docs)
        changed = lost = gained = 0
        for b, qs, d in zip(base_out, run, docs, strict=True):
            a = outcomes(d, qs, score)
            for key in set(b) | set(a):
                if b.get(key) != a.get(key):
                    changed += 1
                    was = b.get(key, ("none",))[0] == "right"
                    now = a.get(key, ("none",))[0] == "right"
                    lost += was and not now
                    gained += now and not was
        res = score.score(docs, preds)[0]
        deltas = []
        for s in seeds:
            fs = per_fold(score, docs, preds, assign[s], 5)
            deltas.append(" ".join(f"{x - y:+.4f}" for x, y in zip(fs, base_folds[s], strict=True)))
        pub = per_fold(score, docs, preds, pub_of, len(pubs))
        helps = [p for p, x, y in zip(pubs, pub, base_pub, strict=True) if x < y - 1e-9]
        hurts = [p for p, x, y in zip(pubs, pub, base_pub, strict=True) if x > y + 1e-9]
        print(
            f"| {name} | {changed} | {lost} | {gained} | {res['end_to_end_f1']:.4f} "
            f"({res['end_to_end_f1'] - whole['end_to_end_f1']:+.4f}) | " + " / ".join(deltas) + " | "
            f"{len(helps)} / {len(hurts)}" + (f" (hurts {', '.join(hurts)})" if hurts else "") + " |",
            flush=True,
        )


if __name__ == "__main__":
    main()
