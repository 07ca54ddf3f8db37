"""Small hand-written gold cases, one per pattern the engine must handle.

Each case lists the quotes expected in a short text: the quote's words, its
kind, the local mention, and the resolved speaker's name (and title).  A case
also names stretches that must not come out as quotes.  Quotation marks,
display spans, what is not a quote, speakers and confidence are here; the
attribution patterns are in ``test_engine_attribution.py``.
"""

from __future__ import annotations

import pytest

from api.extraction import CONTINUATION, FULL, ORGANIZATION, PARTIAL, PERSON, confidence, extract, pipeline

from .gold import check

# ------------------------------------------------------------------ quotation marks

MARKS = {
    "curly": (
        "“We will win,” Austin said.",
        [dict(text="We will win", kind=FULL, mention="Austin", name="Austin")],
    ),
    "straight paired by context": (
        'He said "no" twice. "We will win," Austin said, "and soon."',
        [dict(text="We will win", mention="Austin"), dict(text="and soon", mention="Austin")],
    ),
    "guillemets": (
        "«Nous gagnerons», a déclaré Macron. Austin said: «We will win.»",
        [dict(text="We will win", mention="Austin")],
    ),
    "single quotes and apostrophes": (
        "‘We won’t back down on the ’90s tax law or Jones’ plan,’ Austin said.",
        [dict(text="We won’t back down on the ’90s tax law or Jones’ plan", mention="Austin")],
    ),
    "nested quotes": (
        "“He told me ‘never’ and I said “fine,” and that was it,” Austin said.",
        [dict(text="He told me ‘never’ and I said “fine,” and that was it", mention="Austin")],
    ),
    "multi-paragraph quote": (
        "Austin said:\n\n“We will win the first round.\n\n“And we will win the second.”",
        [
            dict(text="We will win the first round.", mention="Austin", name="Austin"),
            dict(text="And we will win the second.", kind=CONTINUATION, mention="Austin"),
        ],
    ),
    "ellipsis and bracketed insertion": (
        "“They [the Russians] will lose … eventually,” Austin said.",
        [dict(text="They [the Russians] will lose … eventually", mention="Austin")],
    ),
    "unbalanced mark recovers locally": (
        "Austin said “we will win.\n\nLater, “It was hard,” Clinton said.",
        [dict(text="It was hard", mention="Clinton")],
    ),
}


@pytest.mark.parametrize("text, expected", MARKS.values(), ids=MARKS.keys())
def test_quotation_marks(text, expected):
    check(text, expected)


DISPLAY = {
    "comma before the attribution": ("“We will win,” Austin said.", ["We will win"]),
    "comma in a split quote": ("“We will win,” Austin said, “and soon.”", ["We will win", "and soon."]),
    "question and exclamation marks stay": (
        "“Will we win?” Austin asked. “Yes!” Clinton said.",
        ["Will we win?", "Yes!"],
    ),
    "ellipsis stays": ("“We will win …” Austin said.", ["We will win …"]),
    "blank and comma inside the marks": ("“ We will win , ” Austin said.", ["We will win"]),
}


@pytest.mark.parametrize("text, shown", DISPLAY.values(), ids=DISPLAY.keys())
def test_display_span_ends_before_a_trailing_comma(text, shown):
    """``text[start:end]`` is what a client highlights: the speaker's words with
    their final . ? ! …, without the comma that belongs to the attribution."""
    quotes = extract(text)
    assert [q.text for q in quotes] == shown
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_unclosed_quote_ends_with_its_paragraph():
    quotes = extract("Austin said: “We will win.\n\nThe vote is Tuesday.")
    assert [q.text for q in quotes] == ["We will win."]


# ------------------------------------------------------------------ what is not a quote

NOT_QUOTES = {
    "scare quote with no speaker": (
        "Once a small fringe, this “alternative” information ecosystem grew.",
        [],
        ["alternative"],
    ),
    "title of a show": (
        "Austin appeared on “Fox News Sunday,” where he said the plan was “a disaster.”",
        [dict(text="a disaster", kind=PARTIAL, mention="he")],
        ["Fox News Sunday"],
    ),
    "nickname": ("Juan “Chico” Manriquez carried a photo.", [], ["Chico"]),
    "nickname after an initial": ("Rep. Robert C. “Bobby” Jones spoke first.", [], ["Bobby"]),
    "a short quote opening a paragraph is no nickname": (
        "Austin met Lloyd Carter.\n\n“We won,” Carter said.",
        [dict(text="We won", mention="Carter")],
        [],
    ),
    "partial quote in reported speech": (
        "Austin called the plan “a disaster” on Tuesday.",
        [dict(text="a disaster", kind=PARTIAL, mention="Austin", cue="called")],
        [],
    ),
    "show named by its last word": (
        "On this weekend’s broadcast of “Fox News Sunday,” Pence spoke.",
        [],
        ["Fox News Sunday"],
    ),
    "stage direction": ("“We will win.”\n\n“(CROSSTALK.)”\n\nAustin left.", [], ["(CROSSTALK.)"]),
    "word quoted as a word": ("Reporters used “he” for the candidate.", [], ["he"]),
    "coined term a speaker uses": (
        "Clinton described half of Trump's supporters as “deplorables.”",
        [dict(text="deplorables", kind=PARTIAL, mention="Clinton")],
        [],
    ),
}


@pytest.mark.parametrize("text, expected, not_quotes", NOT_QUOTES.values(), ids=NOT_QUOTES.keys())
def test_what_is_not_a_quote(text, expected, not_quotes):
    check(text, expected, not_quotes)


# ------------------------------------------------------------------ speakers


def test_pronoun_takes_the_earlier_person_of_its_gender():
    text = "Mr. Austin met Sen. Elizabeth Warren on Tuesday. Warren left early. “We will win,” he said."
    check(text, [dict(text="We will win", mention="he", name="Austin")])


def test_pronoun_gender_from_first_name():
    text = "Hillary Clinton met Bernie Sanders. “It went well,” she said."
    check(text, [dict(text="It went well", mention="she", name="Hillary Clinton")])


def test_title_description_resolves_to_the_title_holder():
    text = (
        "Sen. Elizabeth Warren spoke after Defense Secretary Lloyd Austin. "
        "“No,” the senator said. “Yes,” the secretary replied."
    )
    quotes = check(
        text,
        [
            dict(text="No", mention="the senator", name="Elizabeth Warren"),
            dict(text="Yes", mention="the secretary", name="Lloyd Austin"),
        ],
    )
    assert quotes[1].speaker.title == "Defense Secretary"


def test_surname_later_is_the_same_person_with_aliases():
    text = (
        "Defense Secretary Lloyd Austin spoke Tuesday. “We will win,” Austin said. "
        "“It is hard,” Austin added."
    )
    quotes = check(
        text,
        [
            dict(text="We will win", name="Lloyd Austin", title="Defense Secretary"),
            dict(text="It is hard", name="Lloyd Austin"),
        ],
    )
    assert quotes[0].speaker == quotes[1].speaker
    assert quotes[0].speaker.aliases[:2] == ("Defense Secretary Lloyd Austin", "Austin")
    assert quotes[0].speaker.kind == PERSON


NAMES = {
    "honorific": ("Gov. Mike Pence spoke. “We will win,” Pence said.", "Mike Pence", "Gov."),
    "suffix": ("Martin Luther King Jr. spoke. “We will win,” King said.", "Martin Luther King Jr.", None),
    "particle": (
        "Ludwig van Beethoven spoke. “We will win,” said Ludwig van Beethoven.",
        "Ludwig van Beethoven",
        None,
    ),
    "hyphen": (
        "Rep. Alexandria Ocasio-Cortez spoke. “We will win,” Ocasio-Cortez said.",
        "Alexandria Ocasio-Cortez",
        "Rep.",
    ),
    "apostrophe": ("Martin O’Malley spoke. “We will win,” O’Malley said.", "Martin O’Malley", None),
    "title of state": (
        "Secretary of State John Kerry spoke. “We will win,” Kerry said.",
        "John Kerry",
        "Secretary of State",
    ),
}


@pytest.mark.parametrize("text, name, title", NAMES.values(), ids=NAMES.keys())
def test_names(text, name, title):
    quotes = check(text, [dict(text="We will win", name=name)])
    assert quotes[0].speaker.title == title


def test_a_place_named_after_a_person_is_not_that_person():
    text = (
        "Donald Tusk spoke at Tusk Tower on Monday. Reporters waited outside Tusk Tower.\n\n"
        "“We will win,” Tusk said."
    )
    check(text, [dict(text="We will win", mention="Tusk", name="Donald Tusk")])


def test_an_opening_participle_is_no_part_of_a_name():
    text = "Dismissing Austin as weak, the senator spoke. “We will win,” Austin said."
    check(text, [dict(text="We will win", mention="Austin", name="Austin")])


def test_organisation_speaker():
    text = "“We will not comment,” CNN said. The Clinton campaign said the report was “false.”"
    check(
        text,
        [
            dict(text="We will not comment", name="CNN", speaker_kind=ORGANIZATION),
            dict(text="false", speaker_kind=ORGANIZATION),
        ],
    )


# ------------------------------------------------------------------ confidence


def test_confidence_is_higher_for_a_cued_quote_than_for_a_guess():
    text = (
        "“We will win the war in the end,” Austin said.\n\n"
        "Nobody knew.\n\n“The only thing we have to fear is fear itself, and more.”"
    )
    layout, spans, cues, people, unsure = pipeline.english_items(text)
    scores = [
        confidence.score(layout, q, c, pipeline.quote_kind(layout, q, c), p, u)
        for q, c, p, u in zip(spans, cues, people, unsure, strict=True)
    ]
    assert len(scores) == 2 and 0.0 <= scores[1] < scores[0] <= 1.0
    # the guess is under the level at which the engine abstains: only the cued quote is given
    assert [q.text for q in extract(text)] == ["We will win the war in the end"]


def test_docstring_examples():
    import doctest

    import api.extraction
    import api.extraction.lexical
    import api.extraction.lexicons
    import api.extraction.mentions
    import api.extraction.names
    import api.extraction.ranking
    import api.extraction.verbs

    modules = (
        api.extraction,
        api.extraction.names,
        api.extraction.verbs,
        api.extraction.lexical,
        api.extraction.lexicons,
        api.extraction.mentions,
        api.extraction.ranking,
    )
    for module in modules:
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
