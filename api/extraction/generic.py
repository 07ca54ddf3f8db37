"""The language-neutral pipeline, for every language with a lexicon but its own
stages (all but English today):

    layout.analyse, quotes.find_quotes    paragraphs, sentences, paired marks
    mentions.find_mentions                pronouns and noun phrases outside quotes
    ranking.quote_features                is the stretch speech?   (model "quote")
    ranking.speaker_features              which mention said it?   (model "speaker")
    naming.Cast                           mention -> Speaker, nameless ones excepted

The candidates of a quote are the mentions of its sentence and of up to three
sentences before it; the speaker model ranks them (a softmax over their scores),
the quote model drops titles, names and coined terms.  ``items`` is shared with
``scripts/train_attribution.py``, so that training sees exactly the features
that extraction computes.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from . import classify
from .layout import Layout, analyse
from .lexical import head_features
from .lexicons import Lexicon
from .mentions import Mention, find_mentions, tokenize, word_index
from .naming import Cast, named_apposition
from .quotes import QuoteSpan, find_quotes
from .ranking import (
    Context,
    Model,
    Sentence,
    logistic,
    quote_features,
    speaker_features,
    with_speaker_evidence,
)
from .records import CONTINUATION, FULL, PARTIAL, Quote, Span

QUOTE_THRESHOLD = 0.5  # unless weights.json gives the one fitted on train
SENTENCES_BACK = 3
# At most this many characters before the opening mark and after the closing one are read for
# a quote's candidates, so that a text without sentence ends stays linear.
WINDOW_BEFORE, WINDOW_AFTER = 1000, 400


@dataclass(frozen=True)
class Item:
    """One quoted stretch with the evidence about it."""

    span: QuoteSpan
    features: list[str]
    candidates: list[tuple[Mention, list[str]]]


def _bounds(layout: Layout, q: QuoteSpan) -> tuple[int, int, int, int]:
    """(start of the sentences before, previous sentence start, sentence start, sentence end)
    around the quote: up to ``SENTENCES_BACK`` sentences, in its paragraph and the one before."""
    p_lo, p_hi = layout.paragraphs[q.para]
    end = q.close if q.close >= 0 else q.end
    floor = max(layout.paragraphs[q.para - 1][0] if q.para else p_lo, q.open - WINDOW_BEFORE)
    s_lo = layout.sentence_start(q.open, max(p_lo, floor))
    s_hi = layout.sentence_stop(end, min(p_hi, end + WINDOW_AFTER))
    starts = [s_lo]
    while len(starts) <= SENTENCES_BACK and starts[-1] > floor:
        starts.append(layout.sentence_start(starts[-1] - 1, floor))
    return starts[-1], starts[1] if len(starts) > 1 else s_lo, s_lo, s_hi


def _candidates(
    ctx: Context, mentions: list[Mention], starts: list[int], q: QuoteSpan, bounds, sentence: Sentence
) -> list[tuple[Mention, list[str]]]:
    far_lo, ps_lo, s_lo, s_hi = bounds
    close = q.close + 1 if q.close >= 0 else q.end
    found = mentions[bisect_left(starts, far_lo) : bisect_left(starts, s_hi)]
    regions: dict[str, list[Mention]] = {"far": [], "prev": [], "before": [], "after": []}
    for m in found:
        if m.end <= ps_lo:
            regions["far"].append(m)
        elif m.end <= s_lo:
            regions["prev"].append(m)
        elif m.end <= q.open:
            regions["before"].append(m)
        elif m.start >= close:
            regions["after"].append(m)
    q_first, q_last = word_index(ctx.words, q.open), word_index(ctx.words, close) - 1
    out = []
    for region, ms in regions.items():
        ordered = ms if region == "after" else ms[::-1]
        for rank, m in enumerate(ordered):
            gap = m.first - q_last - 1 if region == "after" else q_first - m.last - 1
            first = m is ms[0]
            out.append((m, speaker_features(ctx, m, region, rank, gap, sentence, first)))
    # Among the candidates a cue touches, which is nearest the quote: "the nearest speech subject".
    for role in ("all:speech-subject", "all:source-cue"):
        touched = [k for k, (_, f) in enumerate(out) if role in f]
        touched.sort(key=lambda k: _distance(out[k][0], q))
        for rank, k in enumerate(touched[:2]):
            out[k][1].append(f"{role[4:]}-rank:{rank}")
    for m, f in out:
        f += head_features(ctx, m)  # what the mention names: "head:sprecher", "suffix:ung"
    return out


def _distance(m: Mention, q: QuoteSpan) -> int:
    return q.open - m.end if m.end <= q.open else m.start - q.end


def items(text: str, lx: Lexicon) -> tuple[Layout, Context, list[Mention], list[Item]]:
    """The article's quoted stretches, each with its features and its candidate speakers."""
    layout = analyse(text)
    spans = [q for q in find_quotes(layout) if not classify.is_aside(layout, q)]
    quoted = sorted((q.open, q.close + 1 if q.close >= 0 else q.end) for q in spans)
    words = tokenize(text)
    inside = _Inside(quoted)
    verbs, markers, konj = set(), set(), set()
    cues = lx.report_markers | lx.cue_after_speaker | (lx.cue_before_speaker - lx.weak_cues)
    for i, w in enumerate(words):
        lw = w.text.lower()
        if lw in lx.speech_verbs and not inside(w.start):
            verbs.add(i)
        elif lw in cues and not inside(w.start):
            markers.add(i)
        if lw in lx.report_markers and not inside(w.start):
            konj.add(i)
    ctx = Context(text, words, lx, frozenset(verbs), frozenset(markers))
    mentions = find_mentions(text, words, lx, quoted)
    cue_words = verbs | markers
    starts = [m.start for m in mentions]
    out = []
    for q in spans:
        bounds = _bounds(layout, q)
        prev, lo, hi = (word_index(words, b) for b in bounds[1:])
        after, before = word_index(words, q.close + 1) if q.close >= 0 else -9, word_index(words, q.open)
        sentence = Sentence(
            any(i in verbs for i in range(lo, hi)),
            any(i in verbs for i in range(prev, lo)),
            any(i in markers for i in range(lo, hi)),
            text[max(0, q.open - 3) : q.open].rstrip().endswith(":"),
            _cue_after(words, after, cue_words, lx),
            any(i in verbs or i in markers for i in range(before - 3, before)),
            _reported(words, konj, (prev, lo, hi), before, after),
            any(words[i].text in _DASS and not inside(words[i].start) for i in range(lo, before)),
        )
        qf = quote_features(ctx, q.open, q.start, q.end, q.close, sentence)
        out.append(Item(q, qf, _candidates(ctx, mentions, starts, q, bounds, sentence)))
    return layout, ctx, mentions, out


_DASS = frozenset(("dass", "daß"))
_CLAUSE_ENDS = frozenset(",;:–—()")


def _reported(words, konj: set[int], bounds: tuple[int, int, int], before: int, after: int) -> str:
    """Where a reported-speech marker stands from a quote (words ``before`` .. ``after``): in its
    clause (… trage die „volle Verantwortung“ …, up to a comma), elsewhere in its sentence, in
    the sentence before (reported speech running on), or nowhere ("")."""
    prev, lo, hi = bounds
    i = before - 1
    while i >= lo and words[i].text not in _CLAUSE_ENDS:
        if i in konj:
            return "clause"
        i -= 1
    i = after if after >= 0 else hi
    while i < hi and words[i].text not in _CLAUSE_ENDS:
        if i in konj:
            return "clause"
        i += 1
    if any(i in konj for i in range(lo, hi)):
        return "sentence"
    return "previous" if any(i in konj for i in range(prev, lo)) else ""


def _cue_after(words, i: int, cues: set[int], lx: Lexicon) -> str:
    """How a cue word follows a closing mark at word ``i``: "comma" („…“, sagte er), "direct"
    („Spiegel“ berichtet) or "" (none within two words)."""
    if i < 0 or i >= len(words):
        return ""
    if i in cues:
        return "direct"
    if words[i].text not in ",–—-":
        return ""
    nxt = words[i + 1].text.lower() if i + 1 < len(words) else ""
    return "comma" if i + 1 in cues or i + 2 in cues or nxt in lx.cue_before_speaker else ""


class _Inside:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def __call__(self, pos: int) -> bool:
        k = bisect_left(self.spans, (pos + 1,)) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


def follows(text: str, m: Mention, previous: Mention | None) -> list[str]:
    """Whether candidate ``m`` is the previous quote's speaker mention, or names it again."""
    if previous is None:
        return []
    if m.start == previous.start:
        return ["previous-speaker"]
    if not m.pronoun and text[m.start : m.end].split()[-1] == text[previous.start : previous.end].split()[-1]:
        return ["previous-speaker-again"]
    return []


def _cue_span(ctx: Context, m: Mention) -> Span | None:
    for i in (m.last + 1, m.first - 1, m.last + 2):
        if i in ctx.verbs:
            w = ctx.words[i]
            return Span(w.start, w.end, w.text)
    return None


def _display_end(text: str, start: int, end: int) -> int:
    stop = end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
        stop -= 1
    return stop if stop > start else end


def extract_generic(text: str, lx: Lexicon, models: dict[str, Model]) -> tuple[Quote, ...]:
    """All direct quotes of ``text`` with their speakers, read with lexicon ``lx``."""
    layout, ctx, mentions, found = items(text, lx)
    quote_model, speaker_model = models.get("quote"), models.get("speaker")
    threshold = (
        quote_model.threshold if quote_model and quote_model.threshold is not None else QUOTE_THRESHOLD
    )
    cast = Cast(ctx, mentions)
    starts = [m.start for m in mentions]
    out = []
    previous: Mention | None = None
    for item in found:
        q = item.span
        mention, p_speaker, top = None, 0.0, None
        if item.candidates and speaker_model:
            scores = [speaker_model.logit(f + follows(text, m, previous)) for m, f in item.candidates]
            top = max(scores)
            total = sum(math.exp(s - top) for s in scores)
            mention, p_speaker = item.candidates[scores.index(top)][0], 1.0 / total
            mention = named_apposition(ctx, mentions, starts, mention)
        p_quote = (
            logistic(quote_model.logit(with_speaker_evidence(item.features, top))) if quote_model else 1.0
        )
        if p_quote < threshold:
            continue
        previous = mention or previous
        kind = CONTINUATION if q.continued else PARTIAL if classify.is_partial(layout, q) else FULL
        end = _display_end(text, q.start, q.end)
        out.append(
            Quote(
                q.start,
                end,
                text[q.start : end],
                kind,
                cast.speaker(mention) if mention else None,
                Span(mention.start, mention.end, text[mention.start : mention.end]) if mention else None,
                _cue_span(ctx, mention) if mention else None,
                round(quote_model.calibrated(p_quote * p_speaker) if quote_model else p_speaker, 3),
            )
        )
    return tuple(out)
