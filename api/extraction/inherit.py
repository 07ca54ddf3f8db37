"""Stage 2b: quotes without a cue of their own take a neighbour's.

In news writing a quote with no attribution belongs to the speaker of the
quote before it: the quote it runs on from (multi-paragraph quotes), the
previous quote of its paragraph (“…,” he said. “…”), the cue that ends the
previous paragraph with a colon, the last quote of the previous paragraph when
this one opens with a quote (a continuation paragraph), or a speech verb in
the narrative just before it.  Failing those, a later quote of its own
paragraph, or a "- Name" line right after it; a long quote left without any
takes, as a low-confidence guess, the latest speaker of the last three
paragraphs.  One pass, linear in the number of quotes.
"""

from __future__ import annotations

from dataclasses import replace

from .attribute import Cue, cue_ending_paragraph, dash_attribution, last_cue_in
from .layout import Layout
from .quotes import QuoteSpan

SAME_PARAGRAPH, NEXT_IN_PARAGRAPH, PREVIOUS_PARAGRAPH, RUN_ON, NARRATIVE, NEAREST = (
    "same-paragraph",
    "next-in-paragraph",
    "previous-paragraph",
    "run-on",
    "paragraph-narrative",
    "nearest-speaker",
)
_NEAREST_PARAGRAPHS = 3  # a cue-less quote falls back on a speaker at most this far back
_NEAREST_MIN_WORDS = 4  # and only when it is long enough to be speech

_NARRATIVE_WINDOW = 600  # characters of narrative searched before a quote


def next_own_cues(spans: list[QuoteSpan], cues: list[Cue | None]) -> list[Cue | None]:
    """For each quote, the nearest later quote's own cue in the same paragraph."""
    out: list[Cue | None] = [None] * len(spans)
    following = None
    for k in range(len(spans) - 1, -1, -1):
        if k + 1 < len(spans) and spans[k + 1].para != spans[k].para:
            following = None
        out[k] = following
        if cues[k] is not None:
            following = cues[k]
    return out


def inherit(layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None]) -> list[Cue | None]:
    out = list(cues)
    following = next_own_cues(spans, cues)
    last_of_para: dict[int, int] = {}  # paragraph -> index of its last quote so far
    cued_in_para: dict[int, Cue] = {}  # paragraph -> latest cue given in it
    last: tuple[int, Cue] | None = None  # (paragraph, cue) of the latest cued quote
    for k, q in enumerate(spans):
        if out[k] is None:
            out[k] = _source(layout, spans, out, k, last_of_para, cued_in_para, following[k])
        if (
            out[k] is None
            and last is not None
            and q.para - last[0] <= _NEAREST_PARAGRAPHS
            and len(layout.text[q.start : q.end].split()) >= _NEAREST_MIN_WORDS
        ):
            out[k] = replace(last[1], how=NEAREST)  # a guess: the latest speaker nearby
        last_of_para[q.para] = k
        if out[k] is not None:
            cued_in_para[q.para] = out[k]
            last = (q.para, out[k])
    # A run-on quote attributed only at its end lends that cue back to its start.
    for k in range(len(spans) - 2, -1, -1):
        if spans[k].runs_on and out[k] is None and out[k + 1] is not None:
            out[k] = carried(out[k + 1], RUN_ON)
    return out


def carried(cue: Cue, how: str) -> Cue:
    """``cue`` lent to another quote as ``how``; a guess lent on stays a guess, so its confidence
    (and the abstain level) judge every quote it reaches, not only the first."""
    return cue if cue.how == NEAREST else replace(cue, how=how)


def _source(layout, spans, out, k, last_of_para, cued_in_para, following) -> Cue | None:
    q = spans[k]
    if q.continued and k and out[k - 1] is not None:
        return carried(out[k - 1], RUN_ON)
    if q.para in cued_in_para:
        return carried(cued_in_para[q.para], SAME_PARAGRAPH)
    if q.para and opens_paragraph(layout, q):
        source = cue_ending_paragraph(layout, q.para - 1)
        if source is not None:
            return source
        prev = last_of_para.get(q.para - 1)
        if prev is not None and out[prev] is not None:
            return carried(out[prev], PREVIOUS_PARAGRAPH)
        if prev is None:
            source = last_cue_in(layout, q.para - 1)
            if source is not None:
                return source
    lo = max(layout.paragraphs[q.para][0], q.open - _NARRATIVE_WINDOW)
    if k and spans[k - 1].para == q.para:  # narrative only: not inside the quote before
        lo = max(lo, spans[k - 1].close + 1 if spans[k - 1].close >= 0 else spans[k - 1].end)
    source = last_cue_in(layout, q.para, q.open, lo)
    if source is not None:
        return replace(source, how=NARRATIVE)
    if following is not None:
        return replace(following, how=NEXT_IN_PARAGRAPH)
    if k + 1 == len(spans) or spans[k + 1].para != q.para:
        return dash_attribution(layout, q.para + 1)
    return None


def opens_paragraph(layout: Layout, q: QuoteSpan) -> bool:
    """Nothing but blanks before the quote's opening mark in its paragraph."""
    lo = layout.paragraphs[q.para][0]
    return q.open - lo < 40 and not layout.text[lo : q.open].strip()
