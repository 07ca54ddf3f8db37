"""The speech-verb searches skip stretches that hold no speech verb (patterns.py), the
appositive title stretches without a title word (name_patterns.py): each shortcut must
find exactly what the full pattern finds, on every stretch."""

from __future__ import annotations

import pytest

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
