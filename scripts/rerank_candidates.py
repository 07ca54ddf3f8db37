"""An experiment, not a stage: a learned choice among the speaker mentions the English rules propose.

The cue rules (``attribute.py``, ``inherit.py``) give each quote one mention.
Other rules would have given others: the subject of the sentence's main clause,
the nearest clause subject, a speech verb later in the sentence or earlier in
the paragraph, the previous or next quote's mention.  Each such mention is a
candidate, described by named features (which rules propose it, how the rules'
own choice was found, its form, where it stands); a conditional logit fitted on
PolNeAR train by ``scripts/train_rerank.py`` picks one.
The rules' choice is a candidate like the others, with its own weight, so the
model moves off it only where train showed another rule to be right more often.

In 5-fold cross-validation on PolNeAR train it does not beat the rules (top-1
0.9339 at best against 0.9329, with a right candidate among them for 0.952; against
the rules with the sentence sources, 0.9400 against 0.9397, and 0.957), so the
engine does not use it; it stays here to measure that ceiling again.

    >>> m = Model(0.0, {"chosen": 2.0, "src:first": 1.0})
    >>> best([["chosen"], ["src:first"]], m)
    0
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction import attribute  # noqa: E402
from api.extraction import cues as C  # noqa: E402
from api.extraction.cues import Cue  # noqa: E402
from api.extraction.layout import Layout  # noqa: E402
from api.extraction.quotes import QuoteSpan  # noqa: E402
from api.extraction.ranking import Model, bucket  # noqa: E402
from api.extraction.subjects import clause_subject, first_clause_subject  # noqa: E402

RERANKED = "reranked"  # the how of a cue the model chose over the rules' one
# The rules' choices that are left alone: a tweet's author, a transcript label.
KEEP = frozenset((C.TWEET_AUTHOR, C.TURN))
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))
_NARRATIVE_WINDOW = 600


def form(text: str, span: tuple[int, int]) -> str:
    words = text[span[0] : span[1]].split()
    if not words:
        return "none"
    low = words[0].lower()
    if len(words) == 1 and low in _PRONOUNS:
        return "pronoun"
    if len(words) == 1 and low in ("who", "which", "that"):
        return "relative"
    if all(w[:1].isupper() for w in words):
        return "name"
    return "description"


def proposals(
    layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None], k: int
) -> list[tuple[str, Cue]]:
    """(rule, cue) for each mention another rule proposes for quote ``k``."""
    text = layout.text
    q = spans[k]
    p_lo, p_hi = layout.paragraphs[q.para]
    prev_close = spans[k - 1].close if k and spans[k - 1].para == q.para else -1
    floor = max(p_lo, prev_close + 1, q.open - C.WINDOW)
    s_lo = layout.sentence_start(q.open, floor)
    out: list[tuple[str, Cue]] = []
    first = first_clause_subject(text, s_lo, q.open)
    if first:
        out.append(("first", Cue(C.CLAUSE, None, first.mention, first.appos)))
    near = clause_subject(text, s_lo, q.open)
    if near:
        out.append(("clause", Cue(C.CLAUSE, None, near.mention, near.appos)))
    if q.close >= 0:
        lo = q.close + 1
        later = C.cue_later(text, lo, layout.sentence_stop(lo, min(p_hi, lo + C.WINDOW)))
        if later:
            out.append(("later", later))
    narrative = attribute.last_cue_in(layout, q.para, q.open, max(p_lo, q.open - _NARRATIVE_WINDOW))
    if narrative:
        out.append(("narrative", narrative))
    if k and cues[k - 1] is not None and q.para - spans[k - 1].para <= 1:
        out.append(("previous", cues[k - 1]))
    if k + 1 < len(spans) and cues[k + 1] is not None and spans[k + 1].para == q.para:
        out.append(("next", cues[k + 1]))
    return out


def candidates(
    layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None], k: int
) -> list[tuple[Cue | None, list[str]]]:
    """The rules' choice first, then each other mention proposed, with its features."""
    text = layout.text
    q, chosen = spans[k], cues[k]
    how = chosen.how if chosen is not None else "none"
    by_span: dict[tuple[int, int] | None, tuple[Cue | None, list[str]]] = {}
    order: list[tuple[int, int] | None] = []
    key = chosen.mention if chosen is not None else None
    by_span[key] = (chosen, ["chosen", "chosen&" + how])
    order.append(key)
    for rule, cue in proposals(layout, spans, cues, k):
        if cue.mention not in by_span:
            by_span[cue.mention] = (cue, [])
            order.append(cue.mention)
        feats = by_span[cue.mention][1]
        feats += ["src:" + rule, "src:" + rule + "&" + how]
    short = len(text[q.start : q.end].split()) <= 3
    sent = layout.sentence_start(q.open, layout.paragraphs[q.para][0])
    chosen_form = form(text, chosen.mention) if chosen is not None else "none"
    chosen_left = _left_word(text, chosen.mention[0]) if chosen is not None else "none"
    size = bucket(len(text[q.start : q.end].split()), (1, 3, 7))
    lead = _left_word(text, q.open)
    out = []
    for span in order:
        cue, feats = by_span[span]
        if span is None:
            out.append((None, [*feats, "null"]))
            continue
        f = form(text, span)
        own = "chosen" in feats
        feats = [*feats, "form:" + f, "form:" + f + ("&chosen" if own else "&other")]
        n = sum(1 for x in feats if x.startswith("src:") and "&" not in x)
        feats.append("sources:" + str(min(n + own, 3)))
        where = "after" if span[0] > q.open else "same-sentence" if span[0] >= sent else "earlier"
        feats.append("at:" + where)
        gap = q.open - span[1] if span[1] <= q.open else span[0] - max(q.close, q.end)
        feats.append("gap:" + bucket(gap // 20, (1, 3, 7)))
        feats.append("left:" + _left_word(text, span[0]))
        feats.append("right:" + _right_word(text, span[1]))
        if not own:
            feats.append("other-vs:" + chosen_form)
            feats.append("other-vs:" + chosen_form + "&" + how)
            feats.append("other-vs-left:" + chosen_left)
            feats.append("other&quote:" + size)
            feats.append("other&lead:" + lead)
        if short:
            feats += ["short&" + x for x in feats if not x.startswith(("short", "other-vs"))]
        out.append((cue, feats))
    return out


_FUNCTION = frozenset(
    "that whom who which and but , ; : ( the a an as while when to of by for with".split()
    + "said says told according".split()
)


def _left_word(text: str, pos: int) -> str:
    words = text[max(0, pos - 30) : pos].split()
    if not words:
        return "start"
    w = words[-1].lower()
    if w.endswith(",") and len(w) > 1:
        return ","
    return w if w in _FUNCTION else "cap" if words[-1][:1].isupper() else "word"


def _right_word(text: str, pos: int) -> str:
    words = text[pos : pos + 30].split()
    if not words:
        return "end"
    w = words[0].lower().strip(".")
    if text[pos : pos + 1] in ",.;:":
        return text[pos]
    return w if w in _FUNCTION else "word"


def best(feature_lists: list[list[str]], model: Model) -> int:
    scores = [model.logit(fs) for fs in feature_lists]
    return max(range(len(scores)), key=scores.__getitem__)


def rerank(
    layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None], model: Model | None
) -> list[Cue | None]:
    """Each quote's cue, replaced by another rule's when the model ranks that first."""
    if model is None:
        return cues
    out = list(cues)
    for k, cue in enumerate(cues):
        if cue is not None and cue.how in KEEP:
            continue
        cands = candidates(layout, spans, cues, k)
        if len(cands) < 2:
            continue
        i = best([fs for _, fs in cands], model)
        if i:
            chosen = cands[i][0]
            out[k] = replace(chosen, how=RERANKED) if chosen is not None else None
    return out
