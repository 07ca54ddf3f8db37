"""The speech-verb searches skip stretches that hold no speech verb (patterns.py), the
appositive title stretches without a title word (name_patterns.py), and a lookahead
spares NAME_MENTION the words that cannot lead a name: each shortcut must find exactly
what the full pattern finds, on every stretch."""

from __future__ import annotations

import random

import pytest
import regex

from api.extraction import grammar as G
from api.extraction import name_patterns as NP
from api.extraction import patterns as P

TEXT = (
    "“We will win,” she said. Austin pointed out that the plan, pointedly, was “a mess”; "
    "the senator's follow-up said-so and re-said nothing. He didn’t say “no” — he continued: "
    "“Yes.” Officials told reporters, adding, that they “won’t,” warned Sen. Doe (R-Fla.)."
)


@pytest.mark.parametrize("step", [1, 3])
def test_shortcut_finds_what_the_full_search_finds(step):
    found = 0
    for lo in range(0, len(TEXT), step):
        for hi in range(lo, len(TEXT) + 1, 7):
            last = P.SPEECH_VERB_REVERSE.search(TEXT, lo, hi)
            assert _span(P.last_speech_verb(TEXT, lo, hi)) == _span(last)
            assert _span(P.next_speech_verb(TEXT, lo, hi)) == _span(P.SPEECH_VERB.search(TEXT, lo, hi))
            assert _span(P.normal_after(TEXT, lo, hi)) == _span(P.NORMAL_AFTER.match(TEXT, lo, hi))
            found += last is not None
    assert found  # the text holds speech verbs, so the comparison is not vacuous


APPOSITIVES = (
    "Lloyd Austin, the defense secretary, said; Jane Roe, a Senate-appointed vice-chair; "
    "Bob Klaus, 44, a conservative activist; Ann Lee, who is Secretary of State; Tom Poe, "
    "Senator-elect of Ohio, and Sam Wu, the senators' aide, then Al Ray, a former Governor."
)


def test_appositive_shortcut_matches_what_the_pattern_matches():
    found = 0
    for pos in range(len(APPOSITIVES)):
        for endpos in range(pos, len(APPOSITIVES) + 1, 5):
            full = NP.APPOSITIVE_TITLE.match(APPOSITIVES, pos, endpos)
            assert _span(NP.appositive_title(APPOSITIVES, pos, endpos)) == _span(full)
            found += full is not None
    assert found


def test_a_stretch_without_a_verb_is_skipped():
    assert not P.may_hold_speech_verb("The plan, a mess, was late.", 0, 27)
    assert P.may_hold_speech_verb("Austin pointed out", 0, 18)


def _span(m):
    return m and m.span()


# NAME_MENTION as it reads without the lookahead that guards its leading words.
_NAME_MENTION_PLAIN = regex.compile(
    rf"""
    (?<! [\p{{L}}\d’'\-] ) (?= \p{{Lu}} )
    (?: (?: {G.POSSESSIVE} | {G.NAME_TOKEN} ) \s+ (?: of \s+ (?: the \s+ )? {G.OF_TITLE} \s+ )? ){{0,3}}
    {G.NAME}
    (?! [\p{{L}}\d\-] )
    """,
    regex.VERBOSE | regex.VERSION1,
)
_PIECES = (
    "Austin", "Lloyd", "O’Malley", "D'Souza", "Ocasio-Cortez", "McDonald’s", "Trump's", "W.", "J.D.",
    "Mr.", "Sen.", "Dr", "Jr.", "Sr", "III", "de", "van", "al", "of", "the", "State", "Defense", "House",
    "Secretary", "said", "told", "Monday", "(R-Fla.)", "(", ")", ",", ".", "-", "’", "'", "s", "2",
    "\u0301", "É", "ß", "中", "ǅ", "AbcdefghijklmnopqrstuvwxyzAbc", " ", " ", "  ", "\n", "\t", "\u00a0",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(20))
def test_guarded_name_mention_matches_the_plain_pattern(seed):
    rnd = random.Random(seed)
    text = "".join(
        rnd.choice(_PIECES) + ("" if rnd.random() < 0.3 else rnd.choice(" \n,")) for _ in range(400)
    )
    assert [m.span() for m in NP.NAME_MENTION.finditer(text)] == [
        m.span() for m in _NAME_MENTION_PLAIN.finditer(text)
    ]
    assert NP.NAME_MENTION.search(text)
