"""Stage 2b: speech cues around one quote and the mentions they attach to.

A cue right after the closing mark (“…,” Austin said / “…,” said Austin), one
right before the opening mark (Austin said: “…” / Austin said that “…”), the
nearest speech verb earlier in the sentence (Austin called the plan “a
disaster”), one later in it (“…” is how Austin put it), and a speech noun
with a possessor (Austin's pledge to stay “neutral”).  ``attribute.py``
chooses among them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import lexicon as lx
from . import patterns as P
from . import verbs as vb
from .subjects import Subject, clause_subject, direct_subject, mention_of, sentence_subject, trim_mention

# How a cue was found; confidence.py scores these.
AFTER, BEFORE, ACCORDING, SENTENCE_BEFORE, SENTENCE_AFTER, HEADLINE, CLAUSE, POSSESSIVE = (
    "after",
    "before",
    "according",
    "sentence-before",
    "sentence-after",
    "headline",
    "clause",
    "possessive",
)
TURN, TWEET_AUTHOR, COLON_PARAGRAPH, PREVIOUS_NARRATIVE, DASH = (
    "turn",
    "tweet",
    "colon-paragraph",
    "previous-narrative",
    "dash-line",
)

WINDOW = 260  # characters searched on either side of a quote
ADJACENT_GAP = 40  # at most this much between a cue and the quote it introduces


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue and the mention it attaches to."""

    how: str
    cue: tuple[int, int] | None  # "said", "according to"
    mention: tuple[int, int]  # "Austin", "he", "a spokesman for the Pentagon"
    appos: tuple[int, int] | None = None  # ", the defense secretary" after the mention


def _cue_from_match(text: str, how: str, m: regex.Match) -> Cue | None:
    span = mention_of(text, m)
    if span is None:
        return None
    groups = m.groupdict()
    appos = m.span("appos") if groups.get("appos") else None
    cue = m.span("cue") if groups.get("cue") else None
    return Cue(how, cue, span, appos)


def cue_after(text: str, lo: int, hi: int) -> Cue | None:
    """“…,” said Austin / “…,” Austin said / “…,” according to Austin."""
    for match in (P.INVERTED_AFTER.match, P.normal_after):
        m = match(text, lo, hi)
        if m and not m.group("cue").endswith("ing"):
            span = trim_mention(text, *m.span("mention"))
            if span[1] > span[0] and text[span[0] : span[1]] not in lx.NEVER_SPEAKERS:
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
    return (
        text[after_close - 2 : after_close - 1] in (",", "?", "!")
        or text[after_close : after_close + 1] == ","
    )


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
    colon = text.find(":", lo, hi) >= 0  # COLON_SPEAKER and COLON_VERB end on one; a cheap test first
    m = P.COLON_SPEAKER.search(text, lo, hi) if colon else None
    lead = text[lo : m.start()].rstrip() if m else ""
    last = lead.replace("—", "-").replace("–", "-").replace("―", "-").rsplit("-", 1)[-1].strip().lower()
    if m and (not last or last in ("from", "more from")):
        cue = _cue_from_match(text, HEADLINE, m)  # Trump: “…”  / HEADLINE - Pew: “…”  / More from Pew: “…”
        if cue:
            return cue
    m = P.COLON_VERB.search(text, lo, hi) if colon else None
    if m:
        cue = _cue_from_match(text, BEFORE, m)
        if cue:
            return cue
    last_acc = None
    for a in P.ACCORDING_TO.finditer(text, lo, hi):
        last_acc = a
    v = P.last_speech_verb(text, lo, hi)
    if last_acc and (not v or last_acc.start() > v.start()):
        cue = _cue_from_match(text, ACCORDING, last_acc)
        if cue:
            return cue
    while v:
        cue = cue_with_subject(text, lo, v, hi)
        if cue and (v.group() in vb.BASE_FORMS or _who_after_common_noun(text, cue.mention)):
            outer = _earlier_speech_cue(text, lo, cue.mention[0])  # Obama said voters will |say “no”
            if outer:
                return Cue(cue.how, cue.cue, outer.mention, outer.appos)
        if cue:
            return cue
        v = P.last_speech_verb(text, lo, v.start())
    return None


def _who_after_common_noun(text: str, mention: tuple[int, int]) -> bool:
    """A relative "who" after a common noun ("a candidate who promised", "his
    listeners, who wondered"): that clause is part of someone else's sentence."""
    if text[mention[0] : mention[1]] != "who":
        return False
    before = text[max(0, mention[0] - 30) : mention[0]].rstrip(" ,").rsplit(None, 1)[-1:]
    return bool(before) and before[0][:1].islower()


def cue_with_subject(text: str, lo: int, v: regex.Match, hi: int) -> Cue | None:
    """The verb ``v`` and its subject.  The phrase right before the verb when
    there is one ("Austin said"); for a participle ("…, saying") or a verb
    after a comma or "to" ("…, called her", "was quick to add") the speaker of
    an earlier speech verb in the sentence ("Nefzi said, adding"), else the
    subject of the sentence's main clause."""
    how = BEFORE if hi - v.end() <= ADJACENT_GAP else SENTENCE_BEFORE
    if P.PASSIVE_AUX.search(text, max(lo, v.start() - 30), v.start()):  # was asked by Doe
        agent = P.PASSIVE_AGENT.match(text, v.end(), hi)
        span = mention_of(text, agent) if agent else None
        if span:
            return Cue(how, v.span(), span)
    direct = direct_subject(text, lo, v.start())
    participle = v.group().endswith("ing")
    if direct and (not participle or direct.named):
        return Cue(how, v.span(), direct.mention, direct.appos)
    lead = text[lo : v.start()].rstrip()
    if lead.endswith(",") and not participle:  # …, explained Rosenberg, “…”
        inv = P.INVERTED_AFTER.match(text, v.start(), hi)
        span = mention_of(text, inv) if inv and _ends_clause(text, inv.end(), hi) else None
        if span:
            return Cue(how, inv.span("cue"), span)
        head = _head_before_appositive(text, lo, v.start())
        if head:
            return Cue(how, v.span(), head[0], head[1])
    if lead.endswith(" and"):  # he looked up … and said, “…” / Austin said … and added: “…”
        c = _earlier_speech_cue(text, lo, v.start()) or clause_subject(text, lo, v.start())
        if c:
            return Cue(how, v.span(), c.mention, c.appos)
    if participle:  # …, with Trump yelling: “…”
        w = P.WITH_SUBJECT.search(text, lo, v.start())
        span = mention_of(text, w) if w else None
        if span:
            return Cue(how, v.span(), span)
    if participle or lead.endswith((",", " to")):
        earlier = _earlier_speech_cue(text, lo, v.start())
        c = earlier or sentence_subject(text, lo, v.start())
        if c:
            return Cue(how, v.span(), c.mention, c.appos)
    if direct:
        return Cue(how, v.span(), direct.mention, direct.appos)
    return None


_APPOSITIVE_CHARS = 90  # at most this between the head and its verb


def _head_before_appositive(text: str, lo: int, verb_start: int):
    """The phrase opening the sentence when a comma-closed aside stands between it and
    the verb: "⟦Cory James⟧, 22, of Flint, Mich., said" / "⟦al-Amr⟧, in remarks to
    al-Ikhbariya television, said"."""
    comma = text.find(",", lo, verb_start)
    if comma < 0 or verb_start - comma > _APPOSITIVE_CHARS:
        return None
    span = trim_mention(text, lo, comma)
    words = text[span[0] : span[1]].split()
    if not words or len(words) > 6 or not (words[0][:1].isupper() or words[0] in ("the", "a", "an")):
        return None
    if words[0] in lx.SENTENCE_OPENERS or P.last_speech_verb(text, span[0], span[1]):
        return None
    return span, (comma, verb_start)


def _ends_clause(text: str, pos: int, hi: int) -> bool:
    """Whether the clause ends at ``pos``: "…, explained Rosenberg|, “…”" but not
    "…, says Cruz| will “…”"."""
    while pos < hi and text[pos] in " \t\u00a0":
        pos += 1
    return pos >= hi or text[pos] in ',.;:!?“”"—–-(\n'


def _earlier_speech_cue(text: str, lo: int, hi: int) -> Subject | None:
    """The subject of the nearest finite speech verb before ``hi``."""
    v = P.last_speech_verb(text, lo, hi)
    while v:
        if not v.group().endswith("ing"):
            d = direct_subject(text, lo, v.start())
            if d:
                return Subject(d.mention, d.appos)
        v = P.last_speech_verb(text, lo, v.start())
    return None


def cue_later(text: str, lo: int, hi: int) -> Cue | None:
    """A speech verb later in the quote's sentence: “…” is how Austin put it /
    “…” if she loses, said David Wasserman."""
    v = P.next_speech_verb(text, lo, hi)
    while v:
        inv = (
            P.INVERTED_AFTER.match(text, v.start(), hi)
            if text[lo : v.start()].rstrip().endswith(",")
            else None
        )
        if inv:
            cue = _cue_from_match(text, SENTENCE_AFTER, inv)
            if cue:
                return cue
        s = P.SUBJECT_BEFORE.search(text, lo, v.start())
        span = mention_of(text, s) if s else None
        if span:
            return Cue(SENTENCE_AFTER, v.span(), span)
        v = P.next_speech_verb(text, v.end(), hi)
    return None


def cue_possessive(text: str, lo: int, hi: int) -> Cue | None:
    """A speech noun with a possessor before the quote in its sentence:
    "Trump's pledge to be “neutral”", "her remark that “…”"."""
    m = P.POSSESSIVE_CUE.search(text, lo, hi)
    if not m:
        return None
    pronoun = m.group("mention").lower() in ("his", "her", "their", "its")
    span = m.span("mention") if pronoun else mention_of(text, m)
    return Cue(POSSESSIVE, m.span("cue"), span) if span else None


def closes_soon(text: str, cue: Cue, hi: int) -> bool:
    """After a quote that ends a sentence, a cue counts only when its own
    sentence ends soon: "“… win.” Austin said Tuesday." but not "“… win.” Austin
    said the plan …"."""
    end = max(cue.mention[1], cue.cue[1] if cue.cue else 0, cue.appos[1] if cue.appos else 0)
    tail = text[end : min(hi, end + 80)]
    stop = min(
        (i for i in (tail.find("."), tail.find("\n"), tail.find("“"), tail.find('"')) if i >= 0),
        default=len(tail),
    )
    return stop <= 50 and " that " not in tail[:stop] and not P.CUE_HAS_CONTENT.match(text, end, hi)
