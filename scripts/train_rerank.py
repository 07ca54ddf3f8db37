"""Measure a learned English speaker reranker (``scripts/rerank_candidates.py``) on PolNeAR train.

    python scripts/train_rerank.py ../shared/eval/data/polnear-train.jsonl [--folds 5] [--l2 0.003,0.01,0.03]

For every quote the English stages keep that the kit's scorer would match to a gold
quote with a source, each candidate mention (the rules' choice and the other rules'
proposals, ``rerank.candidates``) is labelled right when the scorer would count it
right: its span overlaps the gold source, or the name it resolves to shares a
capitalised word with it.  The model is a softmax over a quote's candidates
(conditional logit, the likelihood of the right ones), L2, AdaGrad, in pure Python.
Prints the rules' and the model's top-1 in k-fold cross-validation over articles
(``--l2`` takes a list), and the top-1 of a model fitted on all of train.  Dev is
not read here.  The engine does not use this model: cross-validated, it is no
better than the rules (see ``rerank_candidates.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import rerank_candidates as rerank  # noqa: E402
from fitting import fit_conditional_logit  # noqa: E402

from api.extraction import pipeline, speakers  # noqa: E402
from api.extraction.ranking import Model  # noqa: E402

KIT = os.path.join(ROOT, "..", "shared", "eval")


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def overlap(s, e, spans):
    return sum(max(0, min(e, b) - max(s, a)) for a, b in spans)


def name_words(text):
    return {w.strip(".,'’\"").lower() for w in text.split() if w[:1].isupper() and len(w) > 2}


def examples(doc):
    """[(candidates' features, set of right indices)] for the matched quotes of one article."""
    text = doc["text"]
    layout, spans, cues, _, _ = pipeline.english_items(text)
    cast = speakers.build_cast(layout, spans)
    units = [u for u in doc["attributions"] if u["direct"]]
    out = []
    for k, q in enumerate(spans):
        cover = [overlap(q.start, q.end, u["content"]) for u in units]
        i = max(range(len(units)), key=cover.__getitem__) if units else None
        if i is None or cover[i] * 2 < q.end - q.start or not units[i]["source"]:
            continue
        if cues[k] is not None and cues[k].how in rerank.KEEP:
            continue
        source = units[i]["source"]
        gold_words = name_words(" ".join(text[a:b] for a, b in source))
        cands = rerank.candidates(layout, spans, cues, k)
        right = set()
        for j, (cue, _) in enumerate(cands):
            if cue is None:
                continue
            if overlap(cue.mention[0], cue.mention[1], source) > 0:
                right.add(j)
                continue
            e = speakers.resolve_mention(layout, cast, cue)
            said = {w.strip(".,").lower() for w in (e.name if e else "").split()}
            if gold_words & said:
                right.add(j)
        out.append(([fs for _, fs in cands], right))
    return out


def fit(data, l2=0.01, epochs=10, rate=0.3, seed=1):
    """Conditional logit maximising the probability of the right candidates; AdaGrad."""
    return fit_conditional_logit(data, l2, epochs, rate, seed)


def accuracy(w, data):
    """(rules' top-1, model's top-1) over quotes: the share whose first candidate is right."""
    model = Model(0.0, w)
    rules = sum(0 in right for _, right in data)
    learned = sum(rerank.best(cands, model) in right for cands, right in data)
    return rules / len(data), learned / len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", default="0.003,0.01,0.03")
    args = ap.parse_args()
    docs = load(args.train)
    per_doc = [examples(d) for d in docs]
    total = [x for xs in per_doc for x in xs]
    print(
        f"{len(total)} matched quotes with a gold source; a right candidate among them for "
        f"{sum(bool(r) for _, r in total) / len(total):.4f}, the rules' one for "
        f"{sum(0 in r for _, r in total) / len(total):.4f}"
    )
    results = {}
    for l2 in (float(x) for x in args.l2.split(",")):
        rules = learned = 0.0
        for f in range(args.folds):
            test = [x for i, xs in enumerate(per_doc) if i % args.folds == f for x in xs]
            train = [x for i, xs in enumerate(per_doc) if i % args.folds != f for x in xs]
            r, m = accuracy(fit(train, l2), test)
            rules, learned = rules + r * len(test), learned + m * len(test)
        results[l2] = learned / len(total)
        print(
            f"l2 {l2}: {args.folds}-fold top-1 rules {rules / len(total):.4f}, "
            f"model {learned / len(total):.4f}"
        )
    l2 = max(results, key=results.get)
    w = fit(total, l2)
    r, m = accuracy(w, total)
    print(f"fitted on all of train (l2 {l2}): top-1 rules {r:.4f}, model {m:.4f}")


if __name__ == "__main__":
    main()
