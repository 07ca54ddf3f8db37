"""The engine: text in, immutable Quote records out.

    lexicons.lexicon_for the language: given, or detected from the text
    generic.extract_generic   every language but English (its stages are in its module)

English:

    layout.analyse       paragraphs, sentences, tags, tweets, transcript turns
    quotes.find_quotes   pair quotation marks into quoted stretches
    classify.is_speech   drop titles and nicknames
    attribute.find_cue   the cue and local mention of each quote (cues.py, subjects.py)
    inherit.inherit      quotes without a cue take their neighbour's
    classify.is_reported drop short stretches no cue claims (scare quotes)
    speakers.resolve     mentions -> one Speaker per person of the article (names.py)
    confidence.score     a probability-like score per quote

Every regular expression is compiled once, in layout_patterns.py,
name_patterns.py or patterns.py (from grammar.py's pieces); word lists are in
lexicon.py and verbs.py.
"""

from __future__ import annotations

from . import attribute, classify, confidence, screen, speakers
from .attribute import Cue
from .generic import extract_generic
from .inherit import PREVIOUS_PARAGRAPH, inherit
from .layout import Layout, analyse
from .lexicons import lexicon_for
from .quotes import QuoteSpan, find_quotes
from .ranking import load_models
from .records import CONTINUATION, FULL, PARTIAL, TRANSCRIPT, TWEET, Quote, Span

MODELS = load_models()
SCREEN = screen.load()
ABSTAIN = screen.abstain_below()


def find_cues(layout: Layout, spans: list[QuoteSpan]) -> list[Cue | None]:
    """Each quote's own cue, searched between it and its neighbours."""
    out = []
    for k, q in enumerate(spans):
        prev_close = spans[k - 1].close if k and spans[k - 1].para == q.para else -1
        if k and spans[k - 1].para == q.para and prev_close < 0:
            prev_close = spans[k - 1].end
        next_open = (
            spans[k + 1].open if k + 1 < len(spans) and spans[k + 1].para == q.para else len(layout.text)
        )
        out.append(attribute.find_cue(layout, q, prev_close, next_open))
    return out


def quote_kind(layout: Layout, q: QuoteSpan, cue: Cue | None) -> str:
    if cue is not None and cue.how == attribute.TWEET_AUTHOR:
        return TWEET
    if cue is not None and cue.how == attribute.TURN:
        return TRANSCRIPT
    if q.continued or (cue is not None and cue.how in (PREVIOUS_PARAGRAPH, attribute.COLON_PARAGRAPH)):
        return CONTINUATION
    return PARTIAL if classify.is_partial(layout, q) else FULL


def display_end(text: str, start: int, end: int) -> int:
    """Where the quote's words end for display: before a trailing comma, which
    belongs to the attribution that follows (“We will win,” she said), and
    before any blank.  Final . ? ! … are the speaker's and stay."""
    stop = end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
        stop -= 1
    return stop if stop > start else end


def extract(text: str, language: str | None = None) -> tuple[Quote, ...]:
    """All direct quotes of ``text`` with their speakers, sorted by start.

    ``language`` (a BCP 47 tag: "en", "de-AT") picks the lexicon; when None or
    without a lexicon, the language is detected from the text.  English runs the
    English stages below; other languages the language-neutral ones (generic.py)."""
    if not isinstance(text, str) or not text:
        return ()
    lx = lexicon_for(language, text)
    if lx.code != "en":
        return extract_generic(text, lx, MODELS.get(lx.code, {}))
    return extract_english(text)


def english_items(text: str) -> tuple[Layout, list[QuoteSpan], list, list, list]:
    """The English stages up to the speakers: (layout, spans, cues, speakers, ambiguous)."""
    layout = analyse(text)
    spans = [q for q in find_quotes(layout) if classify.is_speech(layout, q)]
    own = find_cues(layout, spans)
    # a source named for the whole sentence ("according to X"): X, and the quotes taking this one's cue
    own = [c and attribute.sentence_source(layout, q, c) for q, c in zip(spans, own, strict=True)]
    cues = inherit(layout, spans, own)
    pairs = enumerate(zip(spans, cues, strict=True))
    kept = [k for k, (q, c) in pairs if classify.is_reported(layout, q, c and c.how)]
    # and for a quote whose cue is inherited or missing, the source its own sentence names
    cues = [
        cues[k] if cues[k] is own[k] else attribute.sentence_source(layout, spans[k], cues[k]) for k in kept
    ]
    spans = [spans[k] for k in kept]
    people, ambiguous = speakers.resolve(layout, spans, cues)
    return layout, spans, cues, people, ambiguous


def extract_english(text: str) -> tuple[Quote, ...]:
    layout, spans, cues, people, ambiguous = english_items(text)
    out = []
    for q, cue, speaker, unsure in zip(spans, cues, people, ambiguous, strict=True):
        end = display_end(text, q.start, q.end)
        feats = screen.features_of(text, q.open, q.start, end, q.close, cue, speaker)
        if not screen.keep(SCREEN, feats, cue):
            continue
        kind = quote_kind(layout, q, cue)
        conf = screen.calibrated(SCREEN, confidence.score(layout, q, cue, kind, speaker, unsure))
        if not screen.answers(conf, cue, ABSTAIN):
            continue
        mention = Span(cue.mention[0], cue.mention[1], text[cue.mention[0] : cue.mention[1]]) if cue else None
        cue_span = Span(cue.cue[0], cue.cue[1], text[cue.cue[0] : cue.cue[1]]) if cue and cue.cue else None
        out.append(
            Quote(
                q.start,
                end,
                text[q.start : end],
                kind,
                speaker,
                mention,
                cue_span,
                conf,
            )
        )
    out.sort(key=lambda r: (r.start, r.end))
    return tuple(out)
