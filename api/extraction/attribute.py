"""Stage 2: find the speech cue and the local speaker mention of each quote.

For one quote, in order of strength: a cue right after the closing mark
(“…,” Austin said / “…,” said Austin), a cue right before the opening mark
(Austin said: “…” / Austin said that “…”), a speech verb earlier in the same
sentence (Austin called the plan “a disaster”), one later in the sentence
(“…” is how Austin put it), a possessor heading the sentence (Austin's
pledge to stay “neutral”), and for a fragment inside a sentence the subject
of its clause (Then he turned to “little” Marco).  A transcript label or a
tweet's author stand in for a cue.  Quotes still without one are linked to
their neighbours in ``inherit.py``.
"""

from __future__ import annotations

from . import layout_patterns as LP
from . import patterns as P
from . import verbs as vb
from .cues import (
    ACCORDING,
    ADJACENT_GAP,
    AFTER,
    BEFORE,
    CLAUSE,
    COLON_PARAGRAPH,
    DASH,
    POSSESSIVE,
    PREVIOUS_NARRATIVE,
    SENTENCE_AFTER,
    SENTENCE_BEFORE,
    TURN,
    TWEET_AUTHOR,
    WINDOW,
    Cue,
    closes_soon,
    cue_after,
    cue_before,
    cue_has_content,
    cue_later,
    cue_possessive,
    cue_with_subject,
)
from .layout import Layout
from .quotes import QuoteSpan
from .subjects import clause_subject, first_clause_subject, head_subject, mention_of, sentence_subject

__all__ = [
    "Cue",
    "find_cue",
    "dash_attribution",
    "last_cue_in",
    "cue_ending_paragraph",
    "AFTER",
    "BEFORE",
    "ACCORDING",
    "SENTENCE_AFTER",
    "CLAUSE",
    "POSSESSIVE",
    "TURN",
    "TWEET_AUTHOR",
    "COLON_PARAGRAPH",
    "PREVIOUS_NARRATIVE",
    "DASH",
]


def ends_sentence(text: str, q: QuoteSpan) -> bool:
    """Whether the quote's words end a sentence ("… win." / "… now?” Mills wrote")
    rather than lead to a cue ("… win,")."""
    j = q.end - 1
    while j > q.start and text[j] in "’'\")]":
        j -= 1
    if j < q.start:
        return False
    if text[j] == ".":
        return True
    return text[j] in "?!" and q.close >= 0 and text[q.close + 1 : q.close + 3].strip()[:1].isupper()


def _ends_on_period(text: str, q: QuoteSpan) -> bool:
    """“… win.” rather than “… win?”: a question may still take its cue after it."""
    return text[q.start : q.end].rstrip("’'\")] ")[-1:] == "."


def opens_sentence(layout: Layout, q: QuoteSpan, floor: int) -> bool:
    """Nothing but a cue-free lead-in stands between the sentence start and the quote."""
    s = layout.sentence_start(q.open, floor)
    return not layout.text[s : q.open].strip(" \t([—–―-")


def find_cue(layout: Layout, q: QuoteSpan, prev_close: int, next_open: int) -> Cue | None:
    """The best cue for one quote; ``prev_close``/``next_open`` bound the search to
    the text between this quote and its neighbours."""
    text = layout.text
    p_lo, p_hi = layout.paragraphs[q.para]
    tweet = layout.tweet_at(q.start)
    if tweet and tweet.author_span:
        return Cue(TWEET_AUTHOR, None, tweet.author_span)
    label = LP.TRANSCRIPT_LABEL.match(text, q.start, q.end)  # “PENCE: Well, look, …”
    if label and label.group("label") not in ("Q", "A"):
        return Cue(TURN, None, label.span("label"))
    ends = ends_sentence(text, q)
    after = None
    if q.close >= 0:
        a_lo = q.close + 1
        a_hi = min(p_hi, next_open, a_lo + WINDOW)
        after = cue_after(text, a_lo, a_hi)
        if (
            after
            and ends
            and not closes_soon(text, after, p_hi)
            and (_ends_on_period(text, q) or cue_has_content(text, after, p_hi))
        ):
            after = None
    floor = max(p_lo, prev_close + 1, q.open - WINDOW)
    before = cue_before(text, layout.sentence_start(q.open, floor), q.open)
    if after and before and before.how == BEFORE and (ends or cue_has_content(text, after, len(text))):
        return before
    if after or before:
        return after or before
    turn = layout.turn_at(q.start)
    if turn:
        return Cue(TURN, None, turn.label_span)
    s_lo = layout.sentence_start(q.open, floor)
    possessive = cue_possessive(text, s_lo, q.open)
    if possessive and not first_clause_subject(
        text, layout.sentence_start(q.open, p_lo), possessive.mention[0]
    ):
        return possessive  # "Trump's pledge …" heads its sentence: no subject before it
    shares_sentence = prev_close >= 0 and layout.sentence_start(q.open, p_lo) <= prev_close
    if shares_sentence:
        return None
    if q.close >= 0 and not ends:
        l_lo = q.close + 1
        later = cue_later(text, l_lo, layout.sentence_stop(l_lo, min(p_hi, next_open, l_lo + WINDOW)))
        if later:
            return later
    if not opens_sentence(layout, q, floor):
        head = cue_head_subject(text, layout.sentence_start(q.open, floor), q.open)
        if head:
            return head
        c = sentence_subject(text, layout.sentence_start(q.open, floor), q.open)
        if c:
            return Cue(CLAUSE, None, c.mention, c.appos)
    return None


def cue_head_subject(text: str, lo: int, hi: int) -> Cue | None:
    """The last finite speech verb before the quote in its sentence, when the subject
    patterns found no subject for it, with the head of its subject
    (``subjects.head_subject``): "⟦About four in 10 voters⟧ say that … “shares my values”"."""
    v = P.last_speech_verb(text, lo, hi)
    while v and (v.group().endswith("ing") or text[max(lo, v.start() - 3) : v.start()] == "to "):
        v = P.last_speech_verb(text, lo, v.start())
    form = v.group() if v else ""
    if not (vb.plainly_verb(form) or (form in vb.BASE_FORMS and form not in vb.NOUN_HOMOGRAPHS)):
        return None  # no verb, or one that may be a noun: "the biggest challenges", "a snappy retort"
    span = head_subject(text, lo, v.start())
    how = BEFORE if hi - v.end() <= ADJACENT_GAP else SENTENCE_BEFORE
    return Cue(how, v.span(), span) if span else None


def sentence_source(layout: Layout, q: QuoteSpan, cue: Cue | None) -> Cue | None:
    """The source that a clause of the quote's sentence names for all the sentence
    reports, over the speaker of the verb nearest the quote; else ``cue`` unchanged
    (and always for a tweet's author or a transcript label).  Counted on PolNeAR
    train, not read off dev (see MODEL.md)."""
    if cue is not None and cue.how in (ACCORDING, TWEET_AUTHOR, TURN):
        return cue
    return according_in_sentence(layout, q) or sentence_tail(layout, q, cue) or cue


def according_in_sentence(layout: Layout, q: QuoteSpan) -> Cue | None:
    """ "according to X" anywhere in the quote's sentence: “…,” Obama said, according
    to a pool report / According to the filing, Doe said “…” (the annotated source
    for 31 of the 32 train quotes whose cue was another; the rules' cue for 5)."""
    text = layout.text
    p_lo, p_hi = layout.paragraphs[q.para]
    end = q.close + 1 if q.close >= 0 else q.end
    lo = layout.sentence_start(q.open, max(p_lo, q.open - WINDOW))
    hi = layout.sentence_stop(end, min(p_hi, end + WINDOW))
    found = None
    for a, b in ((lo, q.open), (end, hi)):
        if text.find("ccording", a, b) < 0:  # a cheap test first
            continue
        for m in P.ACCORDING_TO.finditer(text, a, b):
            if m.group("cue").lower().startswith("according"):
                span = mention_of(text, m)
                found = Cue(ACCORDING, m.span("cue"), span) if span else found
    return found


_TAIL = 60  # characters: ", CNN reported." / ", the senator's office said in a statement."


def sentence_tail(layout: Layout, q: QuoteSpan, cue: Cue | None) -> Cue | None:
    """A reporting clause ending the quote's sentence after a comma, when the cue is
    earlier: … was “doing the right thing,” suggesting …, CNN reported (8 train
    quotes changed, all 8 to the annotated source)."""
    if cue is None or q.close < 0:
        return None
    text = layout.text
    end = q.close + 1
    hi = layout.sentence_stop(end, min(layout.paragraphs[q.para][1], end + WINDOW))
    comma = text.rfind(",", end, hi)
    if comma < 0 or hi - comma > _TAIL or cue.mention[0] > comma or any(m in text[comma:hi] for m in '“”"'):
        return None  # no short tail, the cue is the tail, or the comma is inside a later quote
    tail = cue_after(text, comma + 1, hi)
    if tail is None or tail.how != AFTER:
        return None
    first = text[tail.mention[0] : tail.mention[1]].split(" ", 1)[0]
    if not (first[:1].isupper() or first in ("he", "she", "they", "the", "a", "an")):
        return None  # "…,” Blunt said of Cruz: "of Cruz" is no speaker
    stop = max(tail.mention[1], tail.cue[1] if tail.cue else 0, tail.appos[1] if tail.appos else 0)
    return (
        Cue(SENTENCE_AFTER, tail.cue, tail.mention, tail.appos)
        if not text[stop:hi].strip(" .’\n\t")
        else None
    )


def dash_attribution(layout: Layout, para: int) -> Cue | None:
    """A paragraph "- Hillary Clinton." that names the speaker of the quote above."""
    if para >= len(layout.paragraphs):
        return None
    lo, hi = layout.paragraphs[para]
    m = P.DASH_ATTRIBUTION.match(layout.text, lo, hi) if hi - lo < 120 else None
    span = mention_of(layout.text, m) if m else None
    return Cue(DASH, None, span) if span else None


def last_cue_in(layout: Layout, para: int, hi: int | None = None, lo: int | None = None) -> Cue | None:
    """The last speech verb with a subject in a stretch of a paragraph (its last
    600 characters by default): "Trump was quick to add that …" ⏎ “Building it?”"""
    p_lo, p_hi = layout.paragraphs[para]
    hi = p_hi if hi is None else hi
    lo = max(p_lo, hi - 600) if lo is None else lo
    text = layout.text
    v = P.last_speech_verb(text, lo, hi)
    while v:
        s_lo = layout.sentence_start(v.start(), max(lo, v.start() - WINDOW))
        cue = cue_with_subject(text, s_lo, v, v.end())
        if cue:
            return Cue(PREVIOUS_NARRATIVE, cue.cue, cue.mention, cue.appos)
        v = P.last_speech_verb(text, lo, v.start())
    return None


def cue_ending_paragraph(layout: Layout, para: int) -> Cue | None:
    """A paragraph that ends with a cue and a colon introduces the next one:
    "As Joel Pollak observed:" ⏎ “…”."""
    lo, hi = layout.paragraphs[para]
    text = layout.text
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo or text[end - 1] != ":":
        return None
    cue = cue_before(text, layout.sentence_start(end - 1, max(lo, end - WINDOW)), end)
    if cue is None:
        c = clause_subject(text, layout.sentence_start(end - 1, max(lo, end - WINDOW)), end)
        cue = Cue(CLAUSE, None, c.mention, c.appos) if c else None
    return Cue(COLON_PARAGRAPH, cue.cue, cue.mention, cue.appos) if cue else None
