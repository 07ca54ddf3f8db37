"""Stage 2: find the speech cue and the local speaker mention of each quote.

For one quote, in order of strength: a cue right after the closing mark
(“…,” Austin said / “…,” said Austin), a cue right before the opening mark
(Austin said: “…” / Austin said that “…”), a speech verb earlier in the same
sentence (Austin called the plan “a disaster”), one later in the sentence
(“…” is how Austin put it).  A transcript label or a tweet's author stand in for
a cue.  Quotes left without one are linked to their neighbours in
``pipeline.inherit``.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from . import patterns as P
from .layout import Layout
from .quotes import QuoteSpan

# How a cue was found, strongest first; confidence.py scores these.
AFTER, BEFORE, ACCORDING, SENTENCE_BEFORE, SENTENCE_AFTER, HEADLINE = (
    "after", "before", "according", "sentence-before", "sentence-after", "headline")
TURN, TWEET_AUTHOR = "turn", "tweet"

_WINDOW = 260          # characters searched on either side of a quote
_ADJACENT_GAP = 40     # at most this much between a cue and the quote it introduces


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue and the mention it attaches to."""

    how: str
    cue: tuple[int, int] | None         # "said", "according to"
    mention: tuple[int, int]            # "Austin", "he", "a spokesman for the Pentagon"
    appos: tuple[int, int] | None = None  # ", the defense secretary" after the mention


def trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence openers ("But", "On Tuesday") and edge punctuation from a mention."""
    while True:
        while start < end and not text[start].isalnum():
            start += 1
        j = start
        while j < end and (text[j].isalnum() or text[j] in "’'-"):
            j += 1
        word = text[start:j]
        if j < end and word in lx.SENTENCE_OPENERS and _has_name_after(text, j, end):
            start = j
            continue
        break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _has_name_after(text: str, j: int, end: int) -> bool:
    rest = text[j:end].lstrip(" ,")
    return bool(rest) and (rest[0].isupper() or rest.split(" ", 1)[0] in ("he", "she", "they", "the", "a", "an"))


def _cue_from_match(text: str, how: str, m, offset_cue: str = "cue") -> Cue:
    ms, me = trim_mention(text, *m.span("mention"))
    groups = m.groupdict()
    appos = m.span("appos") if groups.get("appos") else None
    cue = m.span(offset_cue) if groups.get(offset_cue) else None
    return Cue(how, cue, (ms, me), appos)


def subject_before(text: str, lo: int, verb_start: int):
    """The subject phrase ending right before a speech verb, or None."""
    return P.SUBJECT_BEFORE.search(text, lo, verb_start)


def cue_after(text: str, lo: int, hi: int) -> Cue | None:
    """“…,” said Austin / “…,” Austin said / “…,” according to Austin."""
    m = P.INVERTED_AFTER.match(text, lo, hi)
    if m:
        return _cue_from_match(text, AFTER, m)
    m = P.NORMAL_AFTER.match(text, lo, hi)
    if m:
        return _cue_from_match(text, AFTER, m)
    m = P.ACCORDING_TO.match(text, _skip_punct(text, lo, hi), hi)
    if m:
        return _cue_from_match(text, ACCORDING, m)
    return None


def _skip_punct(text: str, lo: int, hi: int) -> int:
    while lo < hi and (text[lo].isspace() or text[lo] in ",—–-"):
        lo += 1
    return lo


def cue_before(text: str, lo: int, hi: int) -> Cue | None:
    """The nearest speech verb before the quote in its sentence, with its subject.

    Austin said: “…”   Austin told reporters that “…”   Austin called it “a disaster”
    """
    m = P.COLON_SPEAKER.search(text, lo, hi)
    if m and not text[lo:m.start()].strip():
        return _cue_from_match(text, HEADLINE, m)
    last_acc = None
    for a in P.ACCORDING_TO.finditer(text, lo, hi):
        last_acc = a
    v = P.SPEECH_VERB_REVERSE.search(text, lo, hi)
    if last_acc and (not v or last_acc.start() > v.start()):
        return _cue_from_match(text, ACCORDING, last_acc)
    while v:
        cue = _cue_with_subject(text, lo, v, hi)
        if cue:
            return cue
        v = P.SPEECH_VERB_REVERSE.search(text, lo, v.start())
    return None


def _cue_with_subject(text: str, lo: int, v, hi: int) -> Cue | None:
    """The verb ``v`` and its subject: right before it, or the clause's subject
    for "…, saying “…”"."""
    adjacent = hi - v.end() <= _ADJACENT_GAP
    s = subject_before(text, lo, v.start())
    how = BEFORE if adjacent else SENTENCE_BEFORE
    if s:
        ms, me = trim_mention(text, *s.span("mention"))
        if me > ms:
            return Cue(how, v.span(), (ms, me), s.span("appos") if s.group("appos") else None)
    if v.group().endswith("ing") or text[lo:v.start()].rstrip().endswith(","):
        c = P.CLAUSE_SUBJECT.match(text, lo, v.start())
        if c:
            ms, me = trim_mention(text, *c.span("mention"))
            if me > ms:
                return Cue(how, v.span(), (ms, me))
    return None


def cue_later(text: str, lo: int, hi: int) -> Cue | None:
    """A speech verb later in the quote's sentence: “…” is how Austin put it."""
    v = P.SPEECH_VERB.search(text, lo, hi)
    while v:
        s = subject_before(text, lo, v.start())
        if s:
            ms, me = trim_mention(text, *s.span("mention"))
            if me > ms:
                return Cue(SENTENCE_AFTER, v.span(), (ms, me))
        v = P.SPEECH_VERB.search(text, v.end(), hi)
    return None


def ends_sentence(text: str, q: QuoteSpan) -> bool:
    """Whether the quote's words end a sentence ("… win.") rather than lead to a cue ("… win,")."""
    j = q.end - 1
    while j > q.start and text[j] in "’'\")]":
        j -= 1
    return text[j] == "." if j >= q.start else False


def find_cue(layout: Layout, q: QuoteSpan, prev_close: int, next_open: int) -> Cue | None:
    """The best cue for one quote; ``prev_close``/``next_open`` bound the search to
    the text between this quote and its neighbours."""
    text = layout.text
    p_lo, p_hi = layout.paragraphs[q.para]
    tweet = layout.tweet_at(q.start)
    if tweet and tweet.author_span:
        return Cue(TWEET_AUTHOR, None, tweet.author_span)
    after = None
    if q.close >= 0:
        a_lo = q.close + 1
        a_hi = min(p_hi, next_open, a_lo + _WINDOW)
        after = cue_after(text, a_lo, a_hi)
        if after and ends_sentence(text, q) and not _short_tail(text, after, a_hi):
            after = None
    if after and after.how != ACCORDING:
        return after
    b_lo = layout.sentence_start(q.open, max(p_lo, prev_close + 1, q.open - _WINDOW))
    before = cue_before(text, b_lo, q.open)
    if after and (not before or before.how != BEFORE):
        return after
    if before:
        return before
    turn = layout.turn_at(q.start)
    if turn:
        return Cue(TURN, None, turn.label_span)
    if q.close >= 0:
        l_lo = q.close + 1
        l_hi = layout.sentence_stop(l_lo, min(p_hi, next_open, l_lo + _WINDOW))
        return cue_later(text, l_lo, l_hi)
    return None


def _short_tail(text: str, cue: Cue, hi: int) -> bool:
    """After “… win.” a cue counts only when its sentence ends soon: "Austin said Tuesday."."""
    end = max(cue.mention[1], cue.cue[1] if cue.cue else 0)
    tail = text[end:hi]
    stop = min((i for i in (tail.find("."), tail.find("\n")) if i >= 0), default=len(tail))
    return stop <= 30
