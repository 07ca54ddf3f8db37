"""The attribution patterns, compiled once: speech verbs, the subject before
a verb, and the cues after, before and around a quote.  (Layout and
quotation marks are in ``layout_patterns.py``, names in ``name_patterns.py``.)

Each pattern is written with ``regex.VERBOSE`` and carries worked examples:
the text it is applied to, and what it captures (⟦…⟧).  All of them are
linear on any input: character classes and bounded repeats only, no nested
unbounded quantifiers, possessive/atomic where a repeat could backtrack.
Patterns marked "reverse" use ``(?r)`` and are searched right-to-left from an
end position, so they find the phrase that ends where a speech verb starts.
The pieces they share (a name, a mention, the speech verbs) are in grammar.py.
"""

from __future__ import annotations

import regex

from .grammar import (
    ADVERBS,
    APPOSITIVE,
    AUX,
    CLOSING_VERB_FORMS,
    FINITE,
    FUNCTION_WORD,
    INVERTABLE,
    LOOSE,
    MENTION,
    MENTION_AFTER_QUOTE,
    NAME,
    NOT_AFTER_PREPOSITION,
    PLURAL_NOUN_AFTER,
    PREMOD,
    QUANTIFIER,
    SPEECH_NOUN,
    SPEECH_VERB_FORMS,
    VERB,
    WHEN,
    reverse,
)

V = regex.VERBOSE | regex.VERSION1


# ------------------------------------------------------------------ speech verbs and their subjects

# A speech verb on its own (lowercase, as in running text):  ⟦said⟧  ⟦told⟧  ⟦pointed out⟧
SPEECH_VERB = regex.compile(rf"(?<![\p{{L}}\-]) {VERB} (?![\p{{L}}\-])", V)
SPEECH_VERB_REVERSE = regex.compile(reverse(rf"(?r)(?<![\p{{L}}\-]) {VERB} (?![\p{{L}}\-])"), V)

# A run of letters and hyphens:  ⟦pointed⟧ ⟦out⟧   ⟦follow-up⟧   ⟦didn⟧’⟦t⟧
WORD_RUN = regex.compile(r"[\p{L}\-]+")
# A speech verb starts with one of these runs ("pointed out" with ⟦pointed⟧), and the run of
# the text where it starts is that run (the verb stands after no letter and before none), so
# a stretch without one of them holds no speech verb.  Checking this first (a set lookup per
# word) spares the searches below most of their cost: a call of SPEECH_VERB pays for its
# large pattern (some 25 µs) even on a short stretch, and most stretches searched hold none.
_VERB_FIRST_RUNS = frozenset(WORD_RUN.match(v).group() for v in SPEECH_VERB_FORMS + CLOSING_VERB_FORMS)


def may_hold_speech_verb(text: str, lo: int, hi: int) -> bool:
    """False when ``text[lo:hi]`` certainly holds no SPEECH_VERB match."""
    return not _VERB_FIRST_RUNS.isdisjoint(WORD_RUN.findall(text, lo, hi))


def last_speech_verb(text: str, lo: int, hi: int) -> regex.Match | None:
    """``SPEECH_VERB_REVERSE.search(text, lo, hi)``: the speech verb ending last before ``hi``."""
    return SPEECH_VERB_REVERSE.search(text, lo, hi) if may_hold_speech_verb(text, lo, hi) else None


def next_speech_verb(text: str, lo: int, hi: int) -> regex.Match | None:
    """``SPEECH_VERB.search(text, lo, hi)``: the first speech verb after ``lo``."""
    return SPEECH_VERB.search(text, lo, hi) if may_hold_speech_verb(text, lo, hi) else None


# (reverse) The subject that ends right before a speech verb, searched up to the
# verb's start:
#   ⟦Defense Secretary Lloyd Austin⟧ also |said       ⟦he⟧ |told
#   ⟦Austin⟧, 68, |said     ⟦a spokesman for the Pentagon⟧ |said
SUBJECT_BEFORE = regex.compile(
    reverse(rf"""(?r)
    {NOT_AFTER_PREPOSITION}
    (?<! [\p{{L}}\d’'\-] )
    {MENTION}
    (?: (?<= \b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|[Yy]ou|[Ww]ho) ) [’'] (?:s|d|ll|re|ve) | )
        # He’s claiming
    (?: {APPOSITIVE} | )
    (?: \s+ (?:at|in|on|during|after|before|over|earlier|later|last|this) \s+
        (?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+|)
        (?: (?! {FUNCTION_WORD} \s ) [\p{{L}}\d’'\-]{{1,15}} \s+ ){{0,2}}
        (?! (?: {FUNCTION_WORD} | his | her | their | its | my | our | your ) \s ) [\p{{L}}\d’'\-]{{1,15}} | )
        # Trump at the time said / in his speech called; not "voters in her |state
    (?: (?<=\)) , | ) \s+ (?: (?: {ADVERBS} | {AUX} ) \s+ ){{0,3}}
    \Z
    """),
    V,
)

# (reverse) Failing that, a short description right before a verb that cannot
# be a noun (not "his recent |remarks", "a snappy |retort"):
#   ⟦Henry Clay's biographers⟧ |wrote     ⟦The impostor⟧ |gushed
LOOSE_SUBJECT_BEFORE = regex.compile(
    reverse(rf"""(?r)
    {NOT_AFTER_PREPOSITION}
    (?<! [\p{{L}}\d’'\-] )
    (?P<mention> {LOOSE} )
    \s+ (?: (?: {ADVERBS} | {AUX} ) \s+ ){{0,3}}
    \Z
    """),
    V,
)

# A quantifier that determines the plural noun after it, so is no subject:
#   a ⟦few questions⟧     ⟦both forms⟧ of     (but: "many say", "many voters said")
QUANTIFIER_DETERMINER = regex.compile(rf"{QUANTIFIER} {PLURAL_NOUN_AFTER}", V)

# (reverse) The subject of a participle in a "with" phrase, right before it:
#   …, with ⟦Trump⟧ reportedly |yelling: “Get out!”
WITH_SUBJECT = regex.compile(
    reverse(rf"""(?r)
    (?<! [\p{{L}}\d’'\-] ) [Ww]ith \s+
    {MENTION}
    \s+ (?: {ADVERBS} \s+ ){{0,2}}
    \Z
    """),
    V,
)

# (reverse) A possessive and a speech noun earlier in the quote's sentence,
# whose possessor is the speaker; the mention is the name without its 's:
#   ⟦Trump⟧'s controversial |pledge| to be |“neutral”      ⟦her⟧ |remark| that |“…”
POSSESSIVE_CUE = regex.compile(
    reverse(rf"""(?r)
    (?: (?<! [\p{{L}}\d’'\-] ) (?P<mention> {NAME} ) ['’] s?
      | (?<! [\p{{L}}] ) (?P<mention> [Hh]is | [Hh]er | [Tt]heir | [Ii]ts ) )
    \s+ (?: [\p{{L}}\-]{{2,20}} \s+ ){{0,3}}
    (?P<cue> {SPEECH_NOUN} ) (?! [\p{{L}}\-] )
    [^.“”"\n]{{0,80}} \Z
    """),
    V,
)

# A passive speech verb's agent, right after the verb: its speaker.
#   Austin was asked| ⟦by host Jane Doe⟧ whether …      (after "was", "were", "been", "being")
PASSIVE_AGENT = regex.compile(rf"\s+ by \s+ {MENTION}", V)
PASSIVE_AUX = regex.compile(
    reverse(r"(?r) (?<! [\p{L}] ) (?: was | were | been | being | is | are ) \s+ (?: \p{Ll}+ly \s+ | ) \Z"), V
)

# (reverse) The nearest subject + finite verb of a clause, for cues without a
# subject of their own ("…, saying", "…, calling it") and for partial quotes:
#   In December, ⟦the prince called⟧ for Trump to drop out, |calling him “a disgrace”
#   ⟦The campaign on Monday doubled⟧ down, |saying …
#   Then ⟦he cut⟧ into Bush, |calling him a “stiff”      (not: for ⟦Trump to⟧ …)
_CLAUSE_SUBJECT = rf"""
    {NOT_AFTER_PREPOSITION}
    (?<! [\p{{L}}\d’'\-] )
    {MENTION}
    (?: {APPOSITIVE} | ) (?: {WHEN} | )
    \s+ (?: {ADVERBS} \s+ ){{0,2}}
    (?P<verb> {FINITE} ) (?! [\p{{L}}\-’'] )
    """
CLAUSE_SUBJECT = regex.compile(reverse("(?r)" + _CLAUSE_SUBJECT), V)

# The same, searched left to right: the main clause of a sentence.
CLAUSE_SUBJECT_FORWARD = regex.compile(_CLAUSE_SUBJECT, V)

# A subordinate clause opening a sentence, up to its comma:
#   ⟦As Blumenthal spoke, ⟧the NRA was …     ⟦When he returned, ⟧he began by saying
SUBORDINATE_LEAD = regex.compile(
    r"""
    \s* (?: As | When | While | Whilst | If | Although | Though | Because | Since | After | Before
           | Once | Until | Unless | Whether | Even\s+though | Even\s+if | Just\s+as )
    \s [^,“”"\n]{1,150} , \s*
    """,
    V,
)

# What follows a cue that has content of its own, so that it does not attribute
# the quote before it:  ”  Austin said| that the plan …    ” he added|: “…”
CUE_HAS_CONTENT = regex.compile(
    r"""
    (?: \s* [:] )
    | \s+ (?: that | the | a | an | he | she | they | it | his | her | their | its | this | these
             | those | there | we | I | you | if | whether | how | why | what | when ) (?! [\p{L}\-’'] )
    """,
    V,
)

# Right after a closing mark, a speech verb then its subject (inverted order):
#   “We will win,”⟦ said Austin⟧, the defense secretary.
#   “It is vastly different,”⟦ says Steve Duprey⟧, a Republican …
INVERTED_AFTER = regex.compile(
    rf"""
    [\s,]* (?: [—–―-]{{1,2}} \s* | )
    (?P<cue> {INVERTABLE} ) \s+
    (?: (?P<mention> (?: (?! (?:the|a|an|and|that|this|it|he|she|they)\s ) [\p{{Ll}}\-]{{2,20}} \s+ ){{1,3}}
                     (?: {PREMOD}{{0,4}} ) {NAME} )       # said election lawyer Joe Birkenstock
      | {MENTION_AFTER_QUOTE} )
    (?: (?P<appos> \s*,\s* [^,.;“”"\n]{{1,120}} ) | )
    """,
    V,
)

# Right after a closing mark, a subject then its speech verb:
#   “We will win,”⟦ Austin said⟧.     ”⟦ he told reporters⟧     ”⟦ Austin, 68, said⟧
NORMAL_AFTER = regex.compile(
    rf"""
    [\s,]* (?: [—–―-]{{1,2}} \s* | )
    (?! (?:and|but|or|while|as|because|if|when|so|yet)\s )
    {MENTION_AFTER_QUOTE}
    (?: {APPOSITIVE} | )
    \s+ (?: (?: {ADVERBS} | {AUX} ) \s+ ){{0,3}}
    (?P<cue> {VERB} ) (?! [\p{{L}}\-] )
    """,
    V,
)


def normal_after(text: str, pos: int, endpos: int) -> regex.Match | None:
    """``NORMAL_AFTER.match(text, pos, endpos)``, skipped where no speech verb can be (its
    verb follows a blank, so may_hold_speech_verb sees it)."""
    return NORMAL_AFTER.match(text, pos, endpos) if may_hold_speech_verb(text, pos, endpos) else None


# Right after a quote that ends on a comma, question or exclamation mark, a
# subject and any past or present-tense verb closing the clause is a cue too:
#   “France will always be France,”⟦ an angry Hollande retaliated⟧.
#   “You know, it happens, right?”⟦ Trump went on⟧, as if …
ANY_VERB_AFTER = regex.compile(
    rf"""
    [\s,]* (?: [—–―-]{{1,2}} \s* | )
    (?! (?:and|but|or|while|as|because|if|when|so|yet|it|this|that|there)\s )
    {MENTION_AFTER_QUOTE}
    \s+ (?: {ADVERBS} \s+ ){{0,2}}
    (?P<cue> \p{{Ll}}{{3,}}ed | \p{{Ll}}{{3,}}[^s\W]s | went \s+ on | shot \s+ back | chimed \s+ in )
    (?= \s* [.,;:!?—–―] | \s+ (?: on | in | at | to | during | after | before | with | from | about | as
                                 | while | when | outside | again | back ) (?! [\p{{L}}] ) )
    """,
    V,
)

# "according to" (and kin) with the mention after it:
#   ⟦according to⟧ ⟦the newspaper⟧     ⟦As⟧ ⟦Austin⟧ ⟦put it⟧
ACCORDING_TO = regex.compile(
    rf"""
    (?P<cue> [Aa]ccording \s+ to | [Ii]n \s+ the \s+ words \s+ of | [Pp]er | [Vv]ia
           | [Qq]uoting | [Cc]iting ) \s+
    {MENTION}
    """,
    V,
)

# Right after a closing mark, a dash and a name ending the line:
#   “The most unqualified child to ever run.”⟦ ― Francisco Herrero⟧ ⏎
DASH_AFTER = regex.compile(
    rf"""
    [\s,]* [—–―-]{{1,2}} \s* {MENTION} (?: (?P<appos> \s*,\s* [^,.;“”"\n]{{1,80}} ) | )
    [.,]? [ \t\u00a0]* (?= \n | \Z | [“"”] )
    """,
    V,
)

# A paragraph that only names the speaker of the quote above it:
#   “I will look into it.” ⏎ ⟦- Hillary Clinton.⟧
DASH_ATTRIBUTION = regex.compile(
    rf"""
    \s* [—–―-]{{1,2}} \s* {MENTION} (?: , [^\n]{{1,80}} | ) [.,]? \s*
    (?: \( [^()\n]{{1,60}} \) [.]? | ) \s* \Z
    """,
    V,
)

# A headline or caption cue: a name, a colon, the quote.   ⟦Trump⟧: “We will win”
COLON_SPEAKER = regex.compile(
    reverse(rf"""(?r)
    {MENTION}
    (?: \s+ (?:on|about|to|at) \s+ [^:“”"\n]{{1,60}} | )
    \s* : \s* \Z
    """),
    V,
)

# (reverse) A subject and any verb ending on a colon right before the quote:
#   Asked which county was his favorite, ⟦he demurred⟧: “Whichever one I’m in.”
COLON_VERB = regex.compile(
    reverse(rf"""(?r)
    {NOT_AFTER_PREPOSITION}
    (?<! [\p{{L}}\d’'\-] )
    {MENTION}
    \s+ (?: {ADVERBS} \s+ ){{0,2}}
    (?P<cue> \p{{Ll}}{{3,}}ed | \p{{Ll}}{{3,}}[^s\W]s )
    \s* : \s* \Z
    """),
    V,
)
