"""Stage 2a: the speaker phrase of a cue: trimming mentions, the subject right
before a verb, and the subject of a clause or sentence.

All functions take the text and a bounded window ``lo:hi`` and return spans
(``(start, end)`` offsets into the text) or ``None``.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from . import lexicon as lx
from . import patterns as P
from . import verbs as vb

Offsets = tuple[int, int]


class Subject(NamedTuple):
    """A clause's subject: the mention and the appositive after it, if any."""

    mention: Offsets
    appos: Offsets | None


class DirectSubject(NamedTuple):
    """The phrase right before a verb; ``named`` when it is a name or a pronoun
    without an appositive (strong enough for a participle: "Nefzi said, adding")."""

    mention: Offsets
    appos: Offsets | None
    named: bool


def trim_mention(text: str, start: int, end: int) -> Offsets:
    """Drop sentence openers ("But", "On Tuesday") and edge punctuation from a mention."""
    while True:
        while start < end and not text[start].isalnum():
            start += 1
        j = start
        while j < end and (text[j].isalnum() or text[j] in "’'-"):
            j += 1
        if (
            j < end
            and (text[start:j] in lx.SENTENCE_OPENERS or text[start:j] in ("and", "or", "but"))
            and _more_after(text, j, end)
        ):
            start = j
            continue
        break
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _more_after(text: str, j: int, end: int) -> bool:
    rest = text[j:end].lstrip(" ,")
    return bool(rest) and (
        rest[0].isupper() or rest.split(" ", 1)[0] in ("he", "she", "they", "the", "a", "an")
    )


def is_opener_only(text: str, span: Offsets) -> bool:
    """A "mention" that is only a sentence opener: "Then", "Later", "December"."""
    word = text[span[0] : span[1]]
    return word in lx.SENTENCE_OPENERS and word.lower() not in lx.PRONOUN_SUBJECTS


def mention_of(text: str, m: regex.Match) -> Offsets | None:
    """The trimmed span of a match's ``mention`` group, unless it is only an opener."""
    span = trim_mention(text, *m.span("mention"))
    if span[1] <= span[0] or is_opener_only(text, span):
        return None
    return span


def direct_subject(text: str, lo: int, verb_start: int) -> DirectSubject | None:
    """The phrase right before a verb: "⟦Austin⟧ said", "⟦the senator⟧, 68, said"."""
    s = P.SUBJECT_BEFORE.search(text, lo, verb_start) or _loose_subject(text, lo, verb_start)
    if not s:
        return None
    span = trim_mention(text, *s.span("mention"))
    if (
        span[1] <= span[0]
        or text[span[0] : span[1]] in lx.NEVER_SPEAKERS
        or (
            text[span[0] : span[1]].lower() in lx.QUANTIFIERS and P.QUANTIFIER_DETERMINER.match(text, span[0])
        )
    ):
        return None
    first = text[span[0]]
    named = first.isupper() or text[span[0] : span[1]].lower() in lx.PRONOUN_SUBJECTS
    appos = s.span("appos") if s.groupdict().get("appos") else None
    return DirectSubject(span, appos, named and not appos)


_CLAUSE_OPENERS = {
    "that",
    "which",
    "while",
    "when",
    "as",
    "because",
    "since",
    "if",
    "but",
    "and",
    "so",
    "though",
    "although",
    "where",
    "after",
    "before",
    "until",
}


def _loose_subject(text: str, lo: int, verb_start: int) -> regex.Match | None:
    """A description with any head noun right before a verb that cannot be a
    noun, where a clause begins ("The impostor gushed", "…, which an FBI
    investigation said"), not an object ("criticized his record |said")."""
    verb = P.SPEECH_VERB.match(text, verb_start)
    s = (
        P.LOOSE_SUBJECT_BEFORE.search(text, lo, verb_start)
        if verb and vb.plainly_verb(verb.group())
        else None
    )
    if not s:
        return None
    lead = text[lo : s.start("mention")].rstrip()
    if lead and lead[-1] not in ",;:(—–" and lead.rsplit(None, 1)[-1].lower() not in _CLAUSE_OPENERS:
        return None
    between = text[s.end("mention") : verb_start].split()
    if s.group("mention").endswith("ed") or any(w in _BE for w in between):
        return None  # "the performance prompted", "a curfew was announced"
    return s


_BE = {"is", "was", "are", "were", "be", "been", "being"}


def clause_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The nearest subject + finite verb before ``hi``."""
    c = P.CLAUSE_SUBJECT.search(text, lo, hi)
    while c:
        span = mention_of(text, c)
        if span:
            return Subject(span, c.span("appos") if c.group("appos") else None)
        c = P.CLAUSE_SUBJECT.search(text, lo, c.start("mention"))
    return None


def first_clause_subject(text: str, lo: int, hi: int) -> Subject | None:
    """The first subject + finite verb of the sentence: its main clause (after a
    leading subordinate clause: "As Blumenthal spoke, ⟦the NRA was⟧ …")."""
    sub = P.SUBORDINATE_LEAD.match(text, lo, hi)
    if sub:
        lo = sub.end()
    c = P.CLAUSE_SUBJECT_FORWARD.search(text, lo, hi)
    while c:
        span = mention_of(text, c)
        if span:
            return Subject(span, c.span("appos") if c.group("appos") else None)
        c = P.CLAUSE_SUBJECT_FORWARD.search(text, c.end("mention"), hi)
    return None


def sentence_subject(text: str, lo: int, hi: int) -> Subject | None:
    """Who a fragment quoted in a sentence without a speech verb, or a
    participle without a subject, belongs to: the sentence's main subject
    ("Then he turned to “little” Marco Rubio"), or a later "he"/"she" that takes
    it up ("Austin opposed it, but he backed the “Gold Star” fund"): the mention
    nearest the quote, the same person."""
    first = first_clause_subject(text, lo, hi)
    near = clause_subject(text, lo, hi) if first else None
    if near and near.mention[0] > first.mention[0] and text[slice(*near.mention)].lower() in ("he", "she"):
        return near
    return first


# Words that end a clause before a subject: "…three days after ⟦Trump⟧ told", "… when ⟦a member⟧ suggested".
_SUBJECT_BOUNDARY = frozenset(
    "when while after as because since if although though before until once whereas and but or".split()
)
_COORDINATORS = frozenset(("and", "but", "or"))
# Words that end a subject's head: a relative clause follows.
_HEAD_END = frozenset("who whom whose which that where".split())
_SKIP_BEFORE_VERB = frozenset(
    "however also would will could should might may must can has have had did does do then later "
    "now still just already again further previously recently".split()
)
_NOUN_BEFORE = frozenset("of the a an his her their its our my to for in on by with from at".split())
_NP_START = frozenset("the a an about some many most those these one another several two three four".split())
_PARTICIPLE_HEADS = frozenset("those some many most others".split())  # "those surveyed said"
_NOT_SUBJECT = frozenset("why what how where when not no yes well oh okay please thank thanks dear".split())
_HEAD_WORDS = 10  # at most this many words in the head


def head_subject(text: str, lo: int, verb_start: int) -> Offsets | None:
    """The head of a subject the subject patterns do not read, before a finite speech
    verb: "⟦About four in 10 South Carolina Republican primary voters⟧ say", "⟦Jason
    Sims⟧ — a teacher from Mount Pleasant — says", "⟦Supporters of Sanders⟧ would argue",
    "While ⟦those surveyed⟧ said", "⟦Another Muslim⟧ who worshiped here … said": the words
    after the last clause boundary, up to a relative pronoun, a dash or a bracket.  None
    when the words before the verb are a clause rather than a subject ("Cruz is the only
    one to have pledged", "They slammed …"), or a relative pronoun or a preposition
    stands right before the verb ("water bottles ⟦that⟧ said": the annotators mark
    "that"; "secretary of state": no verb)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, verb_start)]
    while words and words[-1][2].lower() in _SKIP_BEFORE_VERB:
        words.pop()
    if not words or words[-1][2].lower() in _HEAD_END | _NOUN_BEFORE or words[-1][2].endswith(","):
        return None  # "water bottles that said", "secretary of state": no head, or no verb
    start, relative = 0, False
    for k, (_, _, w) in enumerate(words):
        low = w.lower().strip(",;:")
        if low in _HEAD_END:
            relative = True  # "who worshiped here and who …": its "and" opens no new clause
        elif (low in _SUBJECT_BOUNDARY and not (relative and low in _COORDINATORS)) or w.endswith(
            (",", ";", ":")
        ):
            start, relative = k + 1, False
    head = []
    for a, b, w in words[start:]:
        if w.lower() in _HEAD_END or w in ("—", "–", "-", "(") or w.lower() in vb.FINITE_AUX:
            break
        head.append((a, b, w))
    if (
        not head
        or len(head) > _HEAD_WORDS
        or (len(head) < len(words) - start and not _ends_head(words, start, head))
    ):
        return None
    first = head[0][2]
    past = next((k for k, (_, _, w) in enumerate(head) if k and w.endswith("ed") and w.islower()), None)
    if past is not None and not (past == 1 and first.lower() in _PARTICIPLE_HEADS):
        if head[past - 1][2][:1].isupper() or head[past - 1][2].lower() in lx.PRONOUN_SUBJECTS:
            return None  # "They slammed", "The performance prompted": a clause, not a subject
        head = head[:past]  # "a fundraising email ⟦sent⟧ out by …", "an ad released Thursday"
        while len(head) > 1 and head[-1][2].lower() in _NOUN_BEFORE | _SKIP_BEFORE_VERB:
            head.pop()  # "An average of 10 percent of| registered voters"
    while len(head) > 1 and head[-1][2].strip(",") in lx.SENTENCE_OPENERS:
        head.pop()  # "Austin Wednesday told": a weekday is no part of the subject
    if first.lower() in _NOT_SUBJECT:
        return None
    if not (first[:1].isupper() or first.lower() in _NP_START) or first in lx.NEVER_SPEAKERS:
        return None
    span = trim_mention(text, head[0][0], head[-1][1])
    return span if span[1] > span[0] and not is_opener_only(text, span) else None


def _ends_head(words, start: int, head) -> bool:
    """The head stops at a relative pronoun, a dash or a bracket, not mid-clause."""
    nxt = words[start + len(head)][2] if start + len(head) < len(words) else ""
    return nxt.lower() in _HEAD_END or nxt in ("—", "–", "-", "(")


_WORD = regex.compile(r"[^\s]+")
