"""Where the language-neutral speaker choice loses its quotes, counted on an annotated train set.

    python scripts/speaker_diagnosis.py de ../shared/eval/data/de-wikinews-train.jsonl [--cv-seed 0]

For each quoted stretch that ``generic.items`` finds and the scorer would give to a gold unit with
a source: is any candidate overlapping the gold source (candidate recall)? When none is, what the
gold source is (a pronoun, a description, a name; a mention outside the window, inside a quote, or
no mention at all) and where it stands. When one is, where the speaker model (fitted on the other
folds, by article) ranks it. Prints counts, not examples.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction import generic, ranking  # noqa: E402
from api.extraction.lexicons import LEXICONS  # noqa: E402
from api.extraction.mentions import find_mentions, word_index  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_attribution import examples, fit_speaker, load, matched_unit, overlap  # noqa: E402


def source_kind(text: str, lx) -> str:
    words = text.split()
    if not words:
        return "none"
    w0 = words[0].lower()
    if len(words) == 1 and w0 in lx.pronouns:
        return "pronoun"
    if w0 in lx.determiners or w0 in lx.oblique_determiners:
        return "description (determiner)"
    if not words[0][:1].isupper():
        return "lowercase start"
    return "name or capitalised" if len(words) <= 4 else "long capitalised span"


def where(layout, q, a: int, b: int) -> str:
    """Where the gold source (a..b) stands from quote ``q``: before/after, same sentence or not."""
    end = q.close + 1 if q.close >= 0 else q.end
    if q.open <= a < end:
        return "inside the quote"
    s_lo = layout.sentence_start(q.open, 0)
    if b <= q.open:
        if a >= s_lo:
            return "before, same sentence"
        p_lo = layout.sentence_start(s_lo - 1, 0) if s_lo else 0
        return "previous sentence" if a >= p_lo else "two or more sentences before"
    s_hi = layout.sentence_stop(end, len(layout.text))
    return "after, same sentence" if a < s_hi else "after, later sentence"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("language")
    ap.add_argument("train")
    ap.add_argument("--cv-seed", type=int, default=0)
    args = ap.parse_args()
    lx = LEXICONS[args.language]
    docs = load(args.train)
    if args.cv_seed:
        random.Random(args.cv_seed).shuffle(docs)
    parts = [docs[k::5] for k in range(5)]
    ex = [examples(p, lx) for p in parts]
    models = [
        ranking.Model(0.0, fit_speaker([x for j, e in enumerate(ex) if j != k for x in e[1]]))
        for k in range(5)
    ]
    c: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    n = 0
    for k, part in enumerate(parts):
        model = models[k]
        for d in part:
            text = d["text"]
            units = [u for u in d["attributions"] if u["direct"]]
            layout, ctx, mentions, found = generic.items(text, lx)
            quoted = sorted(
                (it.span.open, it.span.close + 1 if it.span.close >= 0 else it.span.end) for it in found
            )
            every = find_mentions(text, ctx.words, lx, [])  # mentions, quotes or not
            for item in found:
                unit = matched_unit(item.span, units)
                if unit is None or not unit["source"]:
                    continue
                n += 1
                a, b = unit["source"][0][0], unit["source"][-1][1]
                gold_text = " ".join(text[x:y] for x, y in unit["source"])
                kind, pos = source_kind(gold_text, lx), where(layout, item.span, a, b)
                gold = [
                    i for i, (m, _) in enumerate(item.candidates) if overlap(m.start, m.end, unit["source"])
                ]
                c["gold source kind"][kind] += 1
                c["gold source position"][pos] += 1
                if not gold:
                    c["candidate recall"]["no candidate overlaps the gold source"] += 1
                    if any(x <= a < y for x, y in quoted):
                        why = "inside a quoted stretch"
                    elif any(overlap(m.start, m.end, unit["source"]) for m in mentions):
                        why = "a mention, outside the candidate window"
                    elif any(overlap(m.start, m.end, unit["source"]) for m in every):
                        why = "a mention only when quotes are ignored"
                    else:
                        why = "no mention overlaps it"
                    c["uncovered: why"][why] += 1
                    c["uncovered: kind"][kind] += 1
                    c["uncovered: position"][pos] += 1
                    gap = abs(word_index(ctx.words, a) - word_index(ctx.words, item.span.open))
                    c["uncovered: words from the opening mark"][ranking.bucket(gap, (5, 10, 20, 40, 80))] += 1
                    if why == "no mention overlaps it":
                        first = text[a:b].split()[0] if text[a:b].split() else ""
                        c["uncovered, no mention: first word"][
                            first.lower() if first.islower() else "Cap"
                        ] += 1
                    continue
                c["candidate recall"]["a candidate overlaps"] += 1
                scores = [model.logit(f) for _, f in item.candidates]
                best = max(scores[i] for i in gold)
                rank = sum(s > best for s in scores)
                c["covered: rank of the best gold candidate (CV model)"][ranking.bucket(rank, (1, 2, 4))] += 1
                c["covered: number of candidates"][ranking.bucket(len(scores), (1, 3, 7, 15, 31))] += 1
                if rank:
                    top = item.candidates[scores.index(max(scores))][0]
                    tk = source_kind(text[top.start : top.end], lx)
                    tp = where(layout, item.span, top.start, top.end)
                    c["covered, ranked wrong: gold kind / position"][f"{kind} / {pos}"] += 1
                    c["covered, ranked wrong: chosen kind / position"][f"{tk} / {tp}"] += 1
    print(f"{n} train quotes matched to a gold unit with a source")
    for name, counter in c.items():
        print(f"\n{name}:")
        for key, v in counter.most_common(14):
            print(f"  {v:5} {v / n:6.1%}  {key}")


if __name__ == "__main__":
    main()
