"""A source that a clause names for the whole sentence wins over the speaker of the
verb nearest the quote: "according to X" anywhere in it, or a short reporting
clause ending it (attribute.sentence_source; counted on PolNeAR train, MODEL.md)."""

from __future__ import annotations

import pytest

from api.extraction import extract


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "“There is love in Orlando,” Obama said, according to a White House pool report.",
            "a White House pool report",
        ),
        (
            "According to the court filing, Doe said the deal was “a fraud from the start.”",
            "the court filing",
        ),
        ("Mills said: “We agreed on the plan,” according to Reuters.", "Reuters"),
        # another sentence's "according to" does not reach the quote
        ("According to the filing, the deal closed in May. Doe said it was “a fraud from the start.”", "Doe"),
    ],
)
def test_according_to_in_the_sentence_names_the_source(text, mention):
    (q,) = extract(text)
    assert q.mention is not None and q.mention.text == mention


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Trump said Kasich was “doing the right thing,” suggesting a deal, CNN reported.", "CNN"),
        ("Fundraising was “stagnant for about a month” as donors waited, he said.", "he"),
        # the tail is the quote's own cue, or it goes on, or it is inside a later quote: the rules' cue stays
        ("“He had a lot of supporters,” Blunt said of Cruz.", "Blunt"),
        ("Rubio called him a “talented guy” when told to “give a speech, read a teleprompter.”", "Rubio"),
    ],
)
def test_a_reporting_clause_ending_the_sentence_names_the_source(text, mention):
    q = extract(text)[0]
    assert q.mention is not None and q.mention.text == mention


@pytest.mark.parametrize(
    "text, mention",
    [
        (
            "Cory James, 22, of Flint, Mich., said Sanders could still pull a “surprise” at the convention.",
            "Cory James",
        ),
        ("Al-Amr, in remarks to al-Ikhbariya television, said the plan was “not acceptable.”", "Al-Amr"),
        ("But, as always, he said the plan was “a disaster.”", "he"),
    ],
)
def test_the_head_before_a_long_aside_is_the_subject(text, mention):
    (q,) = extract(text)
    assert q.mention is not None and q.mention.text == mention
