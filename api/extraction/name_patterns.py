"""The name patterns, compiled once: names in running text for the article's
cast, title words around them, and what follows a name in subject position.

Written like ``patterns.py``: ``regex.VERBOSE``, bounded repeats, worked
examples (⟦…⟧ marks what a pattern matches).
"""

from __future__ import annotations

import regex

from . import lexicon as lx
from .grammar import (
    ADVERBS,
    AUX,
    FINITE,
    FUNCTION_WORD,
    NAME,
    NAME_TOKEN,
    OF_TITLE,
    OF_TITLE_ANY_CASE,
    POSSESSIVE,
    TITLE,
    TITLE_MOD,
    VERB,
    reverse,
)

V = regex.VERBOSE | regex.VERSION1


# A name anywhere in running text, for the article's cast of people; it starts
# at a capital, so the search skips everything else quickly:
#   ⟦Defense Secretary Lloyd Austin⟧ met ⟦Sen. Marco Rubio (R-Fla.)⟧ and ⟦Mr. Garin⟧.
# A word before the name proper is followed by blanks and a capital or "of" (what comes
# next starts with one): the lookahead checks that first, so that a lone "Austin said" is
# not read as a first word, then given back letter by letter; and a word is read as a
# possessive only when it ends on ’ or ’s.  Neither changes a match.
NAME_MENTION = regex.compile(
    rf"""
    (?<! [\p{{L}}\d’'\-] ) (?= \p{{Lu}} )
    (?: (?= \S++ \s++ (?: \p{{Lu}} | of \s ) )
        (?: (?= \S*+ (?<= ['’] | ['’]s ) ) {POSSESSIVE} | {NAME_TOKEN} )
        \s+ (?: of \s+ (?: the \s+ | ) {OF_TITLE} \s+ | ) ){{0,3}}
    {NAME}
    (?! [\p{{L}}\d\-] )
    """,
    V,
)

# (reverse) Lowercase title words right before a name found by NAME_MENTION:
#   ⟦former Florida governor⟧ Jeb Bush     ⟦conservative activist⟧ Bob Klaus
TITLE_BEFORE_NAME = regex.compile(
    reverse(rf"""(?r)
    (?<! [\p{{L}}\d’'\-] )
    (?: (?: {TITLE_MOD} | {TITLE} | {POSSESSIVE} | {NAME_TOKEN} ) \s+ ){{1,4}} \Z
    """),
    V,
)

# An appositive title after a name:  Lloyd Austin⟦, the defense secretary,⟧
APPOSITIVE_TITLE = regex.compile(
    rf"""
    \s*,\s* (?! (?:who|which|that|whose|whom)\s ) (?:the\s+|a\s+|an\s+|)
    (?P<title> (?: (?! {FUNCTION_WORD} \s )
                   (?: {TITLE_MOD} | {NAME_TOKEN}[’']?s? | [\p{{Ll}}\-]{{2,20}} ) \s+ ){{0,4}}
               {TITLE} (?: \s+ of \s+ (?:the\s+|) {OF_TITLE_ANY_CASE} | ) )
    (?! [\p{{L}}\-] )
    """,
    V,
)

# APPOSITIVE_TITLE ends on a title word that stands after a blank or comma and before no letter
# or hyphen, so a stretch whose runs of letters and hyphens hold no title word cannot match:
# ``appositive_title`` checks that first (a set lookup per word), sparing most calls the
# large pattern's cost (some 30 µs a call) after a name and a comma.
WORD_RUN = regex.compile(r"[\p{L}\-]+")  # ⟦the⟧ ⟦defense⟧ ⟦secretary⟧
_TITLE_RUNS = frozenset(
    WORD_RUN.match(w).group() for base in lx.TITLE_WORDS for w in (base, base[:1].upper() + base[1:])
)


def appositive_title(text: str, pos: int, endpos: int) -> regex.Match | None:
    """``APPOSITIVE_TITLE.match(text, pos, endpos)``, skipped where no title word is.  The
    pattern holds one comma, its first character but blanks, so only the words before the
    next comma are looked up."""
    first = text.find(",", pos, endpos)
    if first < 0:
        return None
    second = text.find(",", first + 1, endpos)
    if _TITLE_RUNS.isdisjoint(WORD_RUN.findall(text, pos, second if second >= 0 else endpos)):
        return None
    return APPOSITIVE_TITLE.match(text, pos, endpos)


# What follows a name in subject position: (an appositive and) a finite verb.
#   Reid⟦ said⟧ that Sanders …     Lazar⟦, 44, has said⟧ …
SUBJECT_FOLLOWS = regex.compile(
    rf"""
    (?: \s* \( [^()\n]{{1,30}} \) | ) (?: \s*,\s* [^,“”"\n]{{1,80}} , | )
    \s+ (?: {ADVERBS} \s+ ){{0,2}} {FINITE} (?! [\p{{L}}\-’'] )
    """,
    V,
)

# The same with a speech verb: a name that speaks is a person ("Lazar said").
SPEAKER_FOLLOWS = regex.compile(
    rf"""
    (?: \s* \( [^()\n]{{1,30}} \) | ) (?: \s*,\s* [^,“”"\n]{{1,80}} , | )
    \s+ (?: (?: {ADVERBS} | {AUX} ) \s+ ){{0,2}} {VERB} (?! [\p{{L}}\-’'] )
    """,
    V,
)

# Pieces of a mention that names.py takes apart:  Sen. Marco Rubio⟦ (R-Fla.)⟧
TRAILING_PARENTHESIS = regex.compile(r"\s*\([^()]*\)\s*$")
ACRONYM = regex.compile(r"^\p{Lu}[\p{Lu}&.]{1,7}$")  # ⟦CNN⟧ ⟦FBI⟧ ⟦AT&T⟧
NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}\p{M}’'\-.]*|\p{Lu}\.)$")  # ⟦O’Malley⟧ ⟦W.⟧
