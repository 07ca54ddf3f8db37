"""The engine: text in, immutable Quote records out.

    layout.analyse      paragraphs, sentences, tags, tweets, transcript turns
    quotes.find_quotes  pair quotation marks into quoted stretches
    classify.is_speech  drop titles, nicknames and free-standing scare quotes
    attribute.find_cue  the cue and local mention of each quote
    inherit             quotes without a cue take their neighbour's
    speakers.resolve    mentions -> one Speaker per person of the article
    confidence.score    a probability-like score per quote
"""
from __future__ import annotations

from dataclasses import replace

from . import attribute, classify, confidence, speakers
from .attribute import Cue
from .layout import Layout, analyse
from .quotes import QuoteSpan, find_quotes
from .records import CONTINUATION, FULL, PARTIAL, TRANSCRIPT, TWEET, Quote, Span

INHERIT_PARAGRAPH, INHERIT_NEXT, INHERIT_PREVIOUS, INHERIT_RUN = (
    "same-paragraph", "next-in-paragraph", "previous-paragraph", "run-on")


def find_cues(layout: Layout, spans: list[QuoteSpan]) -> list[Cue | None]:
    """Each quote's own cue, searched between it and its neighbours."""
    out = []
    for k, q in enumerate(spans):
        prev_close = spans[k - 1].close if k and spans[k - 1].para == q.para else -1
        if k and spans[k - 1].para == q.para and prev_close < 0:
            prev_close = spans[k - 1].end
        next_open = spans[k + 1].open if k + 1 < len(spans) and spans[k + 1].para == q.para else len(layout.text)
        out.append(attribute.find_cue(layout, q, prev_close, next_open))
    return out


def inherit(layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None]) -> list[Cue | None]:
    """Quotes without a cue take one from: the run-on quote they continue, an
    earlier quote of their paragraph, the quote ending the previous paragraph
    (a paragraph that opens with a quote continues its speaker), or a later
    quote of their paragraph."""
    out = list(cues)
    text = layout.text
    for k, q in enumerate(spans):
        if out[k] is not None:
            continue
        source = None
        if q.continued:
            source = _run_cue(spans, out, k)
        if source is None:
            source = _previous_in_paragraph(spans, out, k)
        if source is None and _opens_paragraph(layout, q):
            source = _previous_paragraph(spans, out, k)
        if source is None:
            source = _next_in_paragraph(spans, cues, k)
        out[k] = source
    # A run-on quote attributed only at its end lends that cue back to its start.
    for k in range(len(spans) - 1, -1, -1):
        if spans[k].runs_on and out[k] is None and out[k + 1] is not None:
            out[k] = replace(out[k + 1], how=INHERIT_RUN)
    return out


def _run_cue(spans, cues, k):
    j = k - 1
    while j >= 0 and cues[j] is None and spans[j].continued:
        j -= 1
    return replace(cues[j], how=INHERIT_RUN) if j >= 0 and cues[j] is not None else None


def _previous_in_paragraph(spans, cues, k):
    j = k - 1
    while j >= 0 and spans[j].para == spans[k].para:
        if cues[j] is not None:
            return replace(cues[j], how=INHERIT_PARAGRAPH)
        j -= 1
    return None


def _next_in_paragraph(spans, cues, k):
    j = k + 1
    while j < len(spans) and spans[j].para == spans[k].para:
        if cues[j] is not None:
            return replace(cues[j], how=INHERIT_NEXT)
        j += 1
    return None


def _opens_paragraph(layout: Layout, q: QuoteSpan) -> bool:
    lo = layout.paragraphs[q.para][0]
    return not layout.text[lo:q.open].strip()


def _previous_paragraph(spans, cues, k):
    """The last cued quote of the paragraph right before this one (blank lines aside)."""
    j = k - 1
    para = spans[k].para
    while j >= 0 and spans[j].para == para:
        j -= 1
    if j < 0 or spans[j].para != para - 1 or cues[j] is None:
        return None
    return replace(cues[j], how=INHERIT_PREVIOUS)


def quote_kind(layout: Layout, q: QuoteSpan, cue: Cue | None) -> str:
    if cue is not None and cue.how == attribute.TWEET_AUTHOR:
        return TWEET
    if cue is not None and cue.how == attribute.TURN:
        return TRANSCRIPT
    if q.continued or (cue is not None and cue.how == INHERIT_PREVIOUS):
        return CONTINUATION
    return PARTIAL if classify.is_partial(layout, q) else FULL


def extract(text: str) -> tuple[Quote, ...]:
    """All direct quotes of ``text`` with their speakers, sorted by start."""
    if not isinstance(text, str) or not text:
        return ()
    layout = analyse(text)
    spans = [q for q in find_quotes(layout) if classify.is_speech(layout, q)]
    cues = inherit(layout, spans, find_cues(layout, spans))
    people = speakers.resolve(layout, spans, cues)
    out = []
    for q, cue, speaker in zip(spans, cues, people):
        kind = quote_kind(layout, q, cue)
        mention = Span(cue.mention[0], cue.mention[1], text[cue.mention[0]:cue.mention[1]]) if cue else None
        cue_span = Span(cue.cue[0], cue.cue[1], text[cue.cue[0]:cue.cue[1]]) if cue and cue.cue else None
        out.append(Quote(q.start, q.end, text[q.start:q.end], kind, speaker, mention, cue_span,
                         confidence.score(layout, q, cue, kind, speaker)))
    out.sort(key=lambda r: (r.start, r.end))
    return tuple(out)
