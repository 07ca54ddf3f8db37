"""Stage 2: find the speech cue and the local speaker mention of each quote.

For one quote, in order of strength: a cue right after the closing mark
(“…,” Austin said / “…,” said Austin), a cue right before the opening mark
(Austin said: “…” / Austin said that “…”), a speech verb earlier in the same
sentence (Austin called the plan “a disaster”), one later in the sentence
(“…” is how Austin put it), and for a fragment inside a sentence the subject
of its clause (Then he turned to “little” Marco).  A transcript label or a
tweet's author stand in for a cue.  Quotes still without one are linked to
their neighbours in ``inherit.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from . import patterns as P
from .layout import Layout
from .quotes import QuoteSpan

# How a cue was found; confidence.py scores these.
AFTER, BEFORE, ACCORDING, SENTENCE_BEFORE, SENTENCE_AFTER, HEADLINE, CLAUSE = (
    "after", "before", "according", "sentence-before", "sentence-after", "headline", "clause")
TURN, TWEET_AUTHOR, COLON_PARAGRAPH, PREVIOUS_NARRATIVE, DASH = (
    "turn", "tweet", "colon-paragraph", "previous-narrative", "dash-line")

_WINDOW = 260          # characters searched on either side of a quote
_ADJACENT_GAP = 40     # at most this much between a cue and the quote it introduces


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue and the mention it attaches to."""

    how: str
    cue: tuple[int, int] | None           # "said", "according to"
    mention: tuple[int, int]              # "Austin", "he", "a spokesman for the Pentagon"
    appos: tuple[int, int] | None = None  # ", the defense secretary" after the mention


def trim_mention(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence openers ("But", "On Tuesday") and edge punctuation from a mention."""
    while True:
        while start < end and not text[start].isalnum():
            start += 1
        j = start
        while j < end and (text[j].isalnum() or text[j] in "’'-"):
            j += 1
        if j < end and (text[start:j] in lx.SENTENCE_OPENERS or text[start:j] in ("and", "or", "but")) \
                and _more_after(text, j, end):
            start = j
            continue
        break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _more_after(text: str, j: int, end: int) -> bool:
    rest = text[j:end].lstrip(" ,")
    return bool(rest) and (rest[0].isupper() or rest.split(" ", 1)[0] in ("he", "she", "they", "the", "a", "an"))


def _is_opener_only(text: str, span: tuple[int, int]) -> bool:
    """A "mention" that is only a sentence opener: "Then", "Later", "December"."""
    word = text[span[0]:span[1]]
    return word in lx.SENTENCE_OPENERS and word.lower() not in lx.PRONOUN_SUBJECTS


def _mention_of(text: str, m) -> tuple[int, int] | None:
    span = trim_mention(text, *m.span("mention"))
    if span[1] <= span[0] or _is_opener_only(text, span):
        return None
    return span


def _cue_from_match(text: str, how: str, m) -> Cue | None:
    span = _mention_of(text, m)
    if span is None:
        return None
    groups = m.groupdict()
    appos = m.span("appos") if groups.get("appos") else None
    cue = m.span("cue") if groups.get("cue") else None
    return Cue(how, cue, span, appos)


def cue_after(text: str, lo: int, hi: int) -> Cue | None:
    """“…,” said Austin / “…,” Austin said / “…,” according to Austin."""
    for pattern in (P.INVERTED_AFTER, P.NORMAL_AFTER):
        m = pattern.match(text, lo, hi)
        if m and not m.group("cue").endswith("ing"):
            span = trim_mention(text, *m.span("mention"))
            if span[1] > span[0] and text[span[0]:span[1]] not in lx.NEVER_SPEAKERS:
                return Cue(AFTER, m.span("cue"), span, m.span("appos") if m.group("appos") else None)
    m = P.ACCORDING_TO.match(text, _skip_punct(text, lo, hi), hi)
    if m:
        return _cue_from_match(text, ACCORDING, m)
    if _left_open(text, lo):
        m = P.ANY_VERB_AFTER.match(text, lo, hi)
        if m and (text[m.start("mention")].isupper() or m.group("mention").split()[0] in _LEADS):
            return _cue_from_match(text, AFTER, m)
    m = P.DASH_AFTER.match(text, lo, hi)
    if m and text[m.start("mention")].isupper():
        return _cue_from_match(text, DASH, m)
    return None


_LEADS = ("the", "a", "an", "he", "she", "they")


def _left_open(text: str, after_close: int) -> bool:
    """The quote ending right before ``after_close`` ends on , ? or ! (“…,” / “…?”)
    or is followed by a comma: its sentence goes on with the attribution."""
    return text[after_close - 2:after_close - 1] in (",", "?", "!") or text[after_close:after_close + 1] == ","


def _skip_punct(text: str, lo: int, hi: int) -> int:
    while lo < hi and (text[lo].isspace() or text[lo] in ",—–―-("):
        lo += 1
    return lo


def cue_has_content(text: str, cue: Cue, hi: int) -> bool:
    """Whether the cue goes on with content of its own (“…” Austin said that …),
    so that it does not attribute the quote before it."""
    end = max(cue.mention[1], cue.cue[1] if cue.cue else 0, cue.appos[1] if cue.appos else 0)
    return bool(P.CUE_HAS_CONTENT.match(text, end, hi))


def cue_before(text: str, lo: int, hi: int) -> Cue | None:
    """The nearest speech verb before the quote in its sentence, with its subject.

    Austin said: “…”   Austin told reporters that “…”   Austin called it “a disaster”
    """
    m = P.COLON_SPEAKER.search(text, lo, hi)
    if m and not text[lo:m.start()].strip():
        cue = _cue_from_match(text, HEADLINE, m)
        if cue:
            return cue
    last_acc = None
    for a in P.ACCORDING_TO.finditer(text, lo, hi):
        last_acc = a
    v = P.SPEECH_VERB_REVERSE.search(text, lo, hi)
    if last_acc and (not v or last_acc.start() > v.start()):
        cue = _cue_from_match(text, ACCORDING, last_acc)
        if cue:
            return cue
    while v:
        cue = _cue_with_subject(text, lo, v, hi)
        if cue:
            return cue
        v = P.SPEECH_VERB_REVERSE.search(text, lo, v.start())
    return None


def _cue_with_subject(text: str, lo: int, v, hi: int) -> Cue | None:
    """The verb ``v`` and its subject.  The phrase right before the verb when
    there is one ("Austin said"); for a participle ("…, saying") or a verb
    after a comma or "to" ("…, called her", "was quick to add") the speaker of
    an earlier speech verb in the sentence ("Nefzi said, adding"), else the
    subject of the sentence's main clause."""
    how = BEFORE if hi - v.end() <= _ADJACENT_GAP else SENTENCE_BEFORE
    direct = _direct_subject(text, lo, v.start())
    participle = v.group().endswith("ing")
    if direct and (not participle or direct[2]):
        return Cue(how, v.span(), direct[0], direct[1])
    lead = text[lo:v.start()].rstrip()
    if lead.endswith(",") and not participle:               # …, explained Rosenberg, “…”
        inv = P.INVERTED_AFTER.match(text, v.start(), hi)
        span = _mention_of(text, inv) if inv else None
        if span:
            return Cue(how, inv.span("cue"), span)
    if lead.endswith(" and"):                                # he looked up … and said, “…”
        c = clause_subject(text, lo, v.start())
        if c:
            return Cue(how, v.span(), c[0], c[1])
    if participle or lead.endswith((",", " to")):
        earlier = _earlier_speech_cue(text, lo, v.start())
        c = earlier or first_clause_subject(text, lo, v.start())
        if c:
            return Cue(how, v.span(), c[0], c[1])
    if direct:
        return Cue(how, v.span(), direct[0], direct[1])
    return None


def _direct_subject(text: str, lo: int, verb_start: int):
    """(mention, appos, is_name_or_pronoun) of the phrase right before a verb."""
    s = P.SUBJECT_BEFORE.search(text, lo, verb_start)
    if not s:
        return None
    span = trim_mention(text, *s.span("mention"))
    if span[1] <= span[0] or text[span[0]:span[1]] in lx.NEVER_SPEAKERS:
        return None
    first = text[span[0]]
    named = first.isupper() or text[span[0]:span[1]].lower() in lx.PRONOUN_SUBJECTS
    return span, (s.span("appos") if s.group("appos") else None), named and not s.group("appos")


def _earlier_speech_cue(text: str, lo: int, hi: int):
    v = P.SPEECH_VERB_REVERSE.search(text, lo, hi)
    while v:
        if not v.group().endswith("ing"):
            d = _direct_subject(text, lo, v.start())
            if d:
                return d[0], d[1]
        v = P.SPEECH_VERB_REVERSE.search(text, lo, v.start())
    return None


def clause_subject(text: str, lo: int, hi: int):
    """The nearest subject + finite verb before ``hi``: (mention span, appos span)."""
    c = P.CLAUSE_SUBJECT.search(text, lo, hi)
    while c:
        span = _mention_of(text, c)
        if span:
            return span, (c.span("appos") if c.group("appos") else None)
        c = P.CLAUSE_SUBJECT.search(text, lo, c.start("mention"))
    return None


def first_clause_subject(text: str, lo: int, hi: int):
    """The first subject + finite verb of the sentence: its main clause (after a
    leading subordinate clause: "As Blumenthal spoke, ⟦the NRA was⟧ …")."""
    sub = P.SUBORDINATE_LEAD.match(text, lo, hi)
    if sub:
        lo = sub.end()
    c = P.CLAUSE_SUBJECT_FORWARD.search(text, lo, hi)
    while c:
        span = _mention_of(text, c)
        if span:
            return span, (c.span("appos") if c.group("appos") else None)
        c = P.CLAUSE_SUBJECT_FORWARD.search(text, c.end("mention"), hi)
    return None


def cue_later(text: str, lo: int, hi: int) -> Cue | None:
    """A speech verb later in the quote's sentence: “…” is how Austin put it /
    “…” if she loses, said David Wasserman."""
    v = P.SPEECH_VERB.search(text, lo, hi)
    while v:
        inv = P.INVERTED_AFTER.match(text, v.start(), hi) if text[lo:v.start()].rstrip().endswith(",") else None
        if inv:
            cue = _cue_from_match(text, SENTENCE_AFTER, inv)
            if cue:
                return cue
        s = P.SUBJECT_BEFORE.search(text, lo, v.start())
        span = _mention_of(text, s) if s else None
        if span:
            return Cue(SENTENCE_AFTER, v.span(), span)
        v = P.SPEECH_VERB.search(text, v.end(), hi)
    return None


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
    return text[j] in "?!" and q.close >= 0 and text[q.close + 1:q.close + 3].strip()[:1].isupper()


def closes_soon(text: str, cue: Cue, hi: int) -> bool:
    """After a quote that ends a sentence, a cue counts only when its own
    sentence ends soon: "“… win.” Austin said Tuesday." but not "“… win.” Austin
    said the plan …"."""
    end = max(cue.mention[1], cue.cue[1] if cue.cue else 0, cue.appos[1] if cue.appos else 0)
    tail = text[end:min(hi, end + 80)]
    stop = min((i for i in (tail.find("."), tail.find("\n"), tail.find("“"), tail.find('"')) if i >= 0),
               default=len(tail))
    return stop <= 50 and " that " not in tail[:stop] and not P.CUE_HAS_CONTENT.match(text, end, hi)


def opens_sentence(layout: Layout, q: QuoteSpan, floor: int) -> bool:
    """Nothing but a cue-free lead-in stands between the sentence start and the quote."""
    s = layout.sentence_start(q.open, floor)
    return not layout.text[s:q.open].strip(" \t([—–―-")


def find_cue(layout: Layout, q: QuoteSpan, prev_close: int, next_open: int) -> Cue | None:
    """The best cue for one quote; ``prev_close``/``next_open`` bound the search to
    the text between this quote and its neighbours."""
    text = layout.text
    p_lo, p_hi = layout.paragraphs[q.para]
    tweet = layout.tweet_at(q.start)
    if tweet and tweet.author_span:
        return Cue(TWEET_AUTHOR, None, tweet.author_span)
    ends = ends_sentence(text, q)
    after = None
    if q.close >= 0:
        a_lo = q.close + 1
        a_hi = min(p_hi, next_open, a_lo + _WINDOW)
        after = cue_after(text, a_lo, a_hi)
        if after and ends and not closes_soon(text, after, p_hi):
            after = None
    floor = max(p_lo, prev_close + 1, q.open - _WINDOW)
    before = cue_before(text, layout.sentence_start(q.open, floor), q.open)
    if after and before and before.how == BEFORE and (ends or cue_has_content(text, after, len(text))):
        return before
    if after or before:
        return after or before
    turn = layout.turn_at(q.start)
    if turn:
        return Cue(TURN, None, turn.label_span)
    shares_sentence = prev_close >= 0 and layout.sentence_start(q.open, p_lo) <= prev_close
    if shares_sentence:
        return None
    if q.close >= 0 and not ends:
        l_lo = q.close + 1
        later = cue_later(text, l_lo, layout.sentence_stop(l_lo, min(p_hi, next_open, l_lo + _WINDOW)))
        if later:
            return later
    if not opens_sentence(layout, q, floor):
        c = fragment_subject(text, layout.sentence_start(q.open, floor), q.open)
        if c:
            return Cue(CLAUSE, None, c[0], c[1])
    return None


def fragment_subject(text: str, lo: int, hi: int):
    """Who a fragment quoted in a sentence without a speech verb belongs to: the
    sentence's main subject ("Then he turned to “little” Marco Rubio")."""
    return first_clause_subject(text, lo, hi)


def dash_attribution(layout: Layout, para: int) -> Cue | None:
    """A paragraph "- Hillary Clinton." that names the speaker of the quote above."""
    if para >= len(layout.paragraphs):
        return None
    lo, hi = layout.paragraphs[para]
    m = P.DASH_ATTRIBUTION.match(layout.text, lo, hi) if hi - lo < 120 else None
    span = _mention_of(layout.text, m) if m else None
    return Cue(DASH, None, span) if span else None


def last_cue_in(layout: Layout, para: int, hi: int | None = None, lo: int | None = None) -> Cue | None:
    """The last speech verb with a subject in a stretch of a paragraph (its last
    600 characters by default): "Trump was quick to add that …" ⏎ “Building it?”"""
    p_lo, p_hi = layout.paragraphs[para]
    hi = p_hi if hi is None else hi
    lo = max(p_lo, hi - 600) if lo is None else lo
    text = layout.text
    v = P.SPEECH_VERB_REVERSE.search(text, lo, hi)
    while v:
        s_lo = layout.sentence_start(v.start(), max(lo, v.start() - _WINDOW))
        cue = _cue_with_subject(text, s_lo, v, v.end())
        if cue:
            return Cue(PREVIOUS_NARRATIVE, cue.cue, cue.mention, cue.appos)
        v = P.SPEECH_VERB_REVERSE.search(text, lo, v.start())
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
    cue = cue_before(text, layout.sentence_start(end - 1, max(lo, end - _WINDOW)), end)
    if cue is None:
        c = clause_subject(text, layout.sentence_start(end - 1, max(lo, end - _WINDOW)), end)
        cue = Cue(CLAUSE, None, c[0], c[1]) if c else None
    return Cue(COLON_PARAGRAPH, cue.cue, cue.mention, cue.appos) if cue else None
