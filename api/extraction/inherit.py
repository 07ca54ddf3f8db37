"""Stage 2b: quotes without a cue of their own take a neighbour's.

In news writing a quote with no attribution belongs to the speaker of the
quote before it: the quote it runs on from (multi-paragraph quotes), the
previous quote of its paragraph (“…,” he said. “…”), the cue that ends the
previous paragraph with a colon, or the last quote of the previous paragraph
when this one opens with a quote (a continuation paragraph).  Failing those,
a later quote of its own paragraph.
"""
from __future__ import annotations

from dataclasses import replace

from .attribute import Cue, cue_ending_paragraph, dash_attribution, last_cue_in
from .layout import Layout
from .quotes import QuoteSpan

SAME_PARAGRAPH, NEXT_IN_PARAGRAPH, PREVIOUS_PARAGRAPH, RUN_ON, NARRATIVE = (
    "same-paragraph", "next-in-paragraph", "previous-paragraph", "run-on", "paragraph-narrative")


def inherit(layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None]) -> list[Cue | None]:
    out = list(cues)
    for k, q in enumerate(spans):
        if out[k] is not None:
            continue
        source = run_on_cue(spans, out, k) if q.continued else None
        if source is None:
            source = previous_in_paragraph(spans, out, k)
        if source is None and opens_paragraph(layout, q):
            source = cue_ending_paragraph(layout, q.para - 1) if q.para else None
            if source is None:
                source = previous_paragraph(spans, out, k)
            if source is None and q.para and not _has_quotes(spans, k, q.para - 1):
                source = last_cue_in(layout, q.para - 1)
        if source is None:
            source = _narrative_before(layout, q)
        if source is None:
            source = next_in_paragraph(spans, cues, k)
        if source is None and _last_in_paragraph(spans, k):
            source = dash_attribution(layout, q.para + 1)
        out[k] = source
    # A run-on quote attributed only at its end lends that cue back to its start.
    for k in range(len(spans) - 2, -1, -1):
        if spans[k].runs_on and out[k] is None and out[k + 1] is not None:
            out[k] = replace(out[k + 1], how=RUN_ON)
    return out


def run_on_cue(spans, cues, k) -> Cue | None:
    j = k - 1
    while j >= 0 and cues[j] is None and spans[j].continued:
        j -= 1
    return replace(cues[j], how=RUN_ON) if j >= 0 and cues[j] is not None else None


def previous_in_paragraph(spans, cues, k) -> Cue | None:
    j = k - 1
    while j >= 0 and spans[j].para == spans[k].para:
        if cues[j] is not None:
            return replace(cues[j], how=SAME_PARAGRAPH)
        j -= 1
    return None


def next_in_paragraph(spans, cues, k) -> Cue | None:
    j = k + 1
    while j < len(spans) and spans[j].para == spans[k].para:
        if cues[j] is not None:
            return replace(cues[j], how=NEXT_IN_PARAGRAPH)
        j += 1
    return None


def _narrative_before(layout: Layout, q: QuoteSpan) -> Cue | None:
    """A speech verb earlier in the quote's own paragraph: "Also, Trump isn't a
    conservative, he said. “He's a liberal!”"."""
    cue = last_cue_in(layout, q.para, q.open)
    return replace(cue, how=NARRATIVE) if cue else None


def _last_in_paragraph(spans, k) -> bool:
    return k + 1 == len(spans) or spans[k + 1].para != spans[k].para


def _has_quotes(spans, k, para) -> bool:
    j = k - 1
    while j >= 0 and spans[j].para > para:
        j -= 1
    return j >= 0 and spans[j].para == para


def opens_paragraph(layout: Layout, q: QuoteSpan) -> bool:
    lo = layout.paragraphs[q.para][0]
    return not layout.text[lo:q.open].strip()


def previous_paragraph(spans, cues, k) -> Cue | None:
    """The last cued quote of the paragraph right before this one."""
    j = k - 1
    para = spans[k].para
    while j >= 0 and spans[j].para == para:
        j -= 1
    if j < 0 or spans[j].para != para - 1 or cues[j] is None:
        return None
    return replace(cues[j], how=PREVIOUS_PARAGRAPH)
