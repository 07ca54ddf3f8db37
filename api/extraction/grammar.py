"""Reusable pieces of the engine's regular expressions, as pattern source.

``layout_patterns.py``, ``name_patterns.py`` and ``patterns.py`` compile
every pattern from these pieces; nothing here is compiled.  Each piece is
bounded (``{0,4}``, ``{1,25}``) so that the patterns built from it stay linear.
Examples mark what a piece matches with ⟦…⟧.

An optional group is written ``(?: … | )`` rather than ``(?: … )?``: the same
match in the same order, but a branch, where ``?`` makes a repeat that the
matcher keeps guards and backtracking state for (measurably slower).
"""

from __future__ import annotations

import regex

from . import lexicon as lx
from . import verbs as vb


def alt(words, escape=True) -> str:
    """A non-capturing alternation of words that tries the longest first:
    ``(?:spokeswoman|spokesman|…)``, written as a trie (``(?:spokes(?:woman|man)|…)``).

    Matching the same words in the same order (the words that match at one
    position are prefixes of one another, and the trie tries the longer first),
    the trie costs a few steps per position where the flat list costs one per
    word.  A reverse pattern (``(?r)``, matched right to left) needs the trie of
    suffixes instead: compile it from ``reverse(source)``."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if not escape:
        return "(?:" + "|".join(items) + ")"
    key = tuple(items)
    if key not in _ALT_NUMBER:
        _ALT_NUMBER[key] = len(_ALTS)
        _ALTS.append((_trie(items, backward=False), _trie(items, backward=True)))
    n = _ALT_NUMBER[key]
    return f"(?:(?#alt{n}){_ALTS[n][0]})"


_ALTS: list[tuple[str, str]] = []  # per alternation: its trie of prefixes, its trie of suffixes
_ALT_NUMBER: dict[tuple[str, ...], int] = {}
_ALT_MARK = regex.compile(r"\(\?#alt(\d+)\)")


def _trie(words, backward: bool) -> str:
    """The pattern of a trie of ``words`` (of their suffixes when ``backward``),
    longer continuations before the end of a word."""
    root: dict = {}
    for w in words:
        node = root
        for ch in reversed(w) if backward else w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = sorted(k for k in node if k)
        arms = [
            emit(node[k]) + regex.escape(k) if backward else regex.escape(k) + emit(node[k]) for k in kids
        ]
        if not arms:
            return ""
        if len(arms) == 1 and "" not in node:
            return arms[0]
        # A word ending here is an empty last arm, not "(?:…)?": the same order, but a
        # branch where "?" is a repeat, whose guards the matcher resets at every position.
        return "(?:" + "|".join(arms + [""] * ("" in node)) + ")"

    return emit(root)


def reverse(source: str) -> str:
    """``source`` for a reverse pattern (``(?r)``): every alternation of words as
    its trie of suffixes, so that it still tries the longest word first."""
    for n in {int(k) for k in _ALT_MARK.findall(source)}:
        source = source.replace(f"(?#alt{n}){_ALTS[n][0]}", f"(?#ralt{n}){_ALTS[n][1]}")
    return source


def cap_alt(words) -> str:
    """Lowercase words, also matched with an initial capital: ``(?:[Ss]enator|…)``."""
    return alt([w for base in words for w in (base, base[:1].upper() + base[1:])])


# ------------------------------------------------------------------ names and mentions

WEEKDAY = r"(?: Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday )"

# One word of a proper name: Austin, O’Malley, McConnell, Ocasio-Cortez, W.
# (never a weekday: "Trump ⟦Wednesday⟧ said" is Trump).
NAME_TOKEN = (
    r"""
    (?! """
    + WEEKDAY
    + r""" (?! [\p{L}’'\-] ) )
    (?: \p{Lu}\.(?:\p{Lu}\.(?:\p{Lu}\.(?:\p{Lu}\.|)|)|)                # initials: W.  J.D.
      | \p{Lu}[\p{Ll}\p{Lu}\p{M}]{0,25}
        (?: ['’]\p{Lu}[\p{Ll}\p{Lu}\p{M}]{1,20} | )             # O’Malley, D'Souza
        (?: -\p{L}[\p{Ll}\p{Lu}\p{M}]{0,20} ){0,2}               # Ocasio-Cortez
    )
"""
)
# (A trie, longest first: where one honorific is a prefix of another, "Mr" of "Mrs", only
# the one followed by "." or a blank can lead a name, so the order they are tried in is moot.)
HONORIFIC = alt(lx.HONORIFICS) + r"\.?"
PARTICLE = alt(lx.PARTICLES)
SUFFIX = r"(?: ,?\s+ (?:Jr\.?|Sr\.?|III|II|IV)(?!\w) )"
TITLE = cap_alt(lx.TITLE_WORDS)
TITLE_MOD = cap_alt(lx.TITLE_MODIFIERS)
POSSESSIVE = r"(?: " + NAME_TOKEN + r" ['’]s? )"

# The words that continue a title after "of": Secretary ⟦of State⟧, Speaker ⟦of the House⟧.
OF_TITLE = alt(w for w in lx.TITLE_OF_WORDS if w not in ("the", "and"))
OF_TITLE_ANY_CASE = alt(
    [w for w in lx.TITLE_OF_WORDS if w not in ("the", "and")]
    + [w.lower() for w in lx.TITLE_OF_WORDS if w not in ("the", "and")]
)

# A proper name, with honorific, particles and suffix:
#   ⟦Lloyd Austin⟧  ⟦Sen. Marco Rubio⟧  ⟦Charles de Gaulle⟧  ⟦Martin Luther King Jr.⟧
NAME = rf"""
    (?: {HONORIFIC} \s+ | )
    (?! (?:Jr|Sr)\b ) {NAME_TOKEN}
    (?: \s+ (?: {PARTICLE} \s+ | ) (?! (?:Jr|Sr)\b ) {NAME_TOKEN} ){{0,4}}
    (?: {SUFFIX} | )
    (?: \s* \( [^()\n]{{1,30}} \) | )        # (R-Fla.)
"""

# Words that may stand before a name inside one mention:
#   ⟦Defense Secretary⟧ Lloyd Austin, ⟦Huckabee spokeswoman⟧ Alice Stewart,
#   ⟦former Florida governor⟧ Jeb Bush, ⟦Clinton’s chief pollster⟧ Joel Benenson
PREMOD = rf"(?: (?: {TITLE_MOD} | {TITLE} | {POSSESSIVE} | {NAME_TOKEN} | and ) \s+ )"

DET = (
    r"""(?: [Tt]he | [Aa]n? | [Oo]ne | [Aa]nother | [Tt]wo | [Tt]hree | [Ss]everal | [Ss]ome
             | [Mm]any | [Oo]ther | [Hh]is | [Hh]er | [Tt]heir | [Ii]ts | [Tt]his
             | [Tt]hese | [Tt]hose | [Bb]oth | [Ee]ach | [Mm]ost | """
    + POSSESSIVE
    + ")"
)
HEAD = "(?:" + TITLE + "|" + cap_alt(lx.PERSON_NOUNS) + "|" + alt(lx.ORG_NOUNS | lx.DOCUMENT_NOUNS) + ")"

# A description heading on a role, organisation or document:
#   ⟦a spokesman for the Pentagon⟧  ⟦the New Jersey governor⟧  ⟦one senior official⟧
#   ⟦the statement⟧  ⟦Trump’s campaign⟧
DESCRIPTION = rf"""
    {DET} \s+
    (?: [\p{{L}}\d’'\-]{{1,25}} \s+ ){{0,4}}
    {HEAD} s?
    (?: \s+ (?:for|of|at|with|from|to|in|on) \s+ (?:the\s+|) (?: {NAME_TOKEN} \s* ){{1,5}}
      | \s+ of \s+ (?:the\s+|) {OF_TITLE_ANY_CASE} | )          # the former secretary of state
"""

# A pronoun standing for a speaker.  A plural quantifier before a word ending
# in -s is a determiner, not a subject: "⟦many⟧ say" but not "a few |questions".
QUANTIFIER = cap_alt(lx.QUANTIFIERS)
PLURAL_NOUN_AFTER = r"\s+ [\p{Ll}\-]{2,}s (?! [\p{L}’'] )"
PRONOUN_WORD = rf"""(?: [Hh]e | [Ss]he | [Tt]hey | [Ii]t | [Ww]e | I | [Ww]ho | [Yy]ou
                 | [Aa]nother | [Oo]ne | {QUANTIFIER} (?! {PLURAL_NOUN_AFTER} ) )"""

# A short description with any head noun, for right before a verb:
#   “Out!” ⟦the crowd⟧ yelled.     “…” ⟦his colleague⟧ wrote on Facebook.
FUNCTION_WORD = alt(
    lx.PREPOSITIONS
    + vb.FINITE_AUX
    + ["and", "or", "but", "as", "that", "than", "the", "a", "an", "who", "which", "be", "been"]
)
LOOSE = rf"""
    {DET} \s+ (?: (?! {FUNCTION_WORD} \s ) [\p{{L}}\-’'\d]{{1,20}} \s+ ){{0,2}}
    (?! {FUNCTION_WORD} (?![\p{{L}}]) )
    (?= [\d\-]{{0,6}} \p{{Ll}} ) [\p{{Ll}}\d\-]{{2,20}}       # the crowd, the 46-year-old
"""

# A speaker mention: pronoun, description or (titled) name.
MENTION_BODY = rf"""
        (?<! [\p{{L}}\d] ) {PRONOUN_WORD} (?! [\p{{L}}\d’'] )
      | {DESCRIPTION}
      | (?: {DET} \s+ | ) {PREMOD}{{0,5}} {NAME}
"""
MENTION = rf"(?P<mention> {MENTION_BODY} )"
# Right after a quote any short description will do ("the crowd", "his colleague").
MENTION_AFTER_QUOTE = rf"""(?P<mention> {MENTION_BODY} | {LOOSE}
                             | {DET} \s+ (?: [\p{{Ll}}\-]{{2,20}} \s+ ){{1,2}} {NAME} )"""
# (the last: an angry Hollande)

# An appositive between a subject and its verb, which may start with an age
# and end on a "town, state":
#   Austin⟦, 68,⟧ said    Doe⟦, 31, a nurse,⟧ said    Jones⟦, a salesman from Sumter, South Carolina,⟧ says
_PLACE = r"\p{Lu}[\p{L}.]{1,20} (?: \s+ \p{Lu}[\p{L}.]{1,20} ){0,2}"
APPOSITIVE = rf"""(?P<appos> \s*,\s* (?: \d{{1,3}} ,\s* | )
    (?: [^,“”"\n]{{1,150}} \s (?: in | from | of | at | near | outside ) \s {_PLACE} ,\s* {_PLACE}
      | [^,“”"\n]{{1,200}} ) , )"""

# A time phrase between a subject and its verb:  the campaign⟦ on Monday⟧ said
WHEN = rf"(?: \s+ (?: on \s+ | last \s+ | this \s+ | ) {WEEKDAY} )"

ADVERBS = "(?:" + alt(vb.ADVERBS) + r"|\p{Ll}{3,}ly)"
AUX = alt(vb.AUXILIARIES)
# A speech verb in any form:  ⟦said⟧  ⟦has told⟧ → told  ⟦pointed out⟧  ⟦continued⟧: “…”
SPEECH_VERB_FORMS = vb.all_speech_verb_forms() + vb.PHRASAL_CUES
CLOSING_VERB_FORMS = [f for b in vb.CLOSING_VERBS for f in vb.verb_forms(b)]  # only before , : ; . “ —
VERB = r"(?:" + alt(SPEECH_VERB_FORMS) + "|" + alt(CLOSING_VERB_FORMS) + r"(?= \s* [,:;.“\"”—–] ))"

# A speech noun, singular or plural:  his ⟦remarks⟧  Trump's ⟦pledge⟧
SPEECH_NOUN = alt(
    lx.SPEECH_NOUNS + [n + ("es" if n.endswith(("ch", "sh", "s")) else "s") for n in lx.SPEECH_NOUNS]
)

# Not right after a preposition: "for ⟦Trump⟧ to drop out" has no subject.
NOT_AFTER_PREPOSITION = (
    r"(?<! (?<![\p{L}])" + alt(lx.PREPOSITIONS + [p.capitalize() for p in lx.PREPOSITIONS]) + r"\s )"
)

FINITE = rf"""(?: {VERB} | {alt(vb.FINITE_AUX + [a.replace("'", "’") for a in vb.FINITE_AUX])}
               | {alt(vb.IRREGULAR_PAST)} | \p{{Ll}}{{2,}}(?:ed|s) )"""

# Speech verbs that may come before their subject ("said Austin"); not "told",
# "called" or other verbs whose object follows them.
INVERTABLE = alt(
    [
        f
        for b in (
            "say",
            "add",
            "ask",
            "write",
            "continue",
            "explain",
            "note",
            "recall",
            "reply",
            "respond",
            "declare",
            "insist",
            "argue",
            "warn",
            "concede",
            "acknowledge",
            "observe",
            "remark",
            "quip",
            "joke",
            "tweet",
            "post",
            "conclude",
            "counter",
            "shout",
            "exclaim",
            "predict",
            "suggest",
            "claim",
            "retort",
            "muse",
            "admit",
            "announce",
            "state",
            "boast",
            "complain",
            "comment",
            "cry",
            "agree",
            "report",
            "urge",
            "whisper",
            "yell",
            "read",
            "react",
            "reflect",
            "recount",
            "scream",
            "shout",
            "bark",
            "fume",
            "snap",
            "gush",
            "marvel",
            "laugh",
            "sigh",
            "chime",
            "remember",
        )
        for f in vb.verb_forms(b)
        if not f.endswith("ing")
    ]
)

WORK = cap_alt(lx.WORK_NOUNS)
WORK_AFTER = cap_alt(lx.WORK_FOLLOWERS)
