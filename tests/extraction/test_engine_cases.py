"""Small hand-written gold cases, one per pattern the engine must handle.

Each case lists the quotes expected in a short text: the quote's words, its
kind, the local mention, and the resolved speaker's name (and title).  A case
also names stretches that must not come out as quotes.
"""
from __future__ import annotations

import pytest

from api.extraction import (CONTINUATION, FULL, ORGANIZATION, PARTIAL, PERSON, TRANSCRIPT,
                            TWEET, UNKNOWN, extract)

EDGE = " ,.;:!?…"


def find(quotes, words):
    """The quote whose text (edge punctuation aside) is ``words``."""
    for q in quotes:
        if q.text.strip(EDGE) == words.strip(EDGE):
            return q
    raise AssertionError(f"no quote {words!r} in {[q.text for q in quotes]}")


def check(text, expected, not_quotes=()):
    quotes = extract(text)
    for exp in expected:
        q = find(quotes, exp["text"])
        assert text[q.start:q.end] == q.text
        if "kind" in exp:
            assert q.kind == exp["kind"], (q.text, q.kind)
        if "mention" in exp:
            assert q.mention is not None and q.mention.text == exp["mention"], (q.text, q.mention)
        if "name" in exp:
            assert q.speaker is not None and q.speaker.name == exp["name"], (q.text, q.speaker)
        if "title" in exp:
            assert q.speaker.title == exp["title"], q.speaker
        if "speaker_kind" in exp:
            assert q.speaker.kind == exp["speaker_kind"], q.speaker
        if "cue" in exp:
            assert q.cue is not None and q.cue.text == exp["cue"], (q.text, q.cue)
    for words in not_quotes:
        assert all(q.text.strip(EDGE) != words for q in quotes), (words, [q.text for q in quotes])
    return quotes


# ------------------------------------------------------------------ quotation marks

MARKS = {
    "curly": ("“We will win,” Austin said.",
              [dict(text="We will win", kind=FULL, mention="Austin", name="Austin")]),
    "straight paired by context": (
        'He said "no" twice. "We will win," Austin said, "and soon."',
        [dict(text="We will win", mention="Austin"), dict(text="and soon", mention="Austin")]),
    "guillemets": ("«Nous gagnerons», a déclaré Macron. Austin said: «We will win.»",
                   [dict(text="We will win", mention="Austin")]),
    "single quotes and apostrophes": (
        "‘We won’t back down on the ’90s tax law or Jones’ plan,’ Austin said.",
        [dict(text="We won’t back down on the ’90s tax law or Jones’ plan", mention="Austin")]),
    "nested quotes": (
        "“He told me ‘never’ and I said “fine,” and that was it,” Austin said.",
        [dict(text="He told me ‘never’ and I said “fine,” and that was it", mention="Austin")]),
    "multi-paragraph quote": (
        "Austin said:\n\n“We will win the first round.\n\n“And we will win the second.”",
        [dict(text="We will win the first round.", mention="Austin", name="Austin"),
         dict(text="And we will win the second.", kind=CONTINUATION, mention="Austin")]),
    "ellipsis and bracketed insertion": (
        "“They [the Russians] will lose … eventually,” Austin said.",
        [dict(text="They [the Russians] will lose … eventually", mention="Austin")]),
    "unbalanced mark recovers locally": (
        "Austin said “we will win.\n\nLater, “It was hard,” Clinton said.",
        [dict(text="It was hard", mention="Clinton")]),
}


@pytest.mark.parametrize("text, expected", MARKS.values(), ids=MARKS.keys())
def test_quotation_marks(text, expected):
    check(text, expected)


DISPLAY = {
    "comma before the attribution": ("“We will win,” Austin said.", ["We will win"]),
    "comma in a split quote": ("“We will win,” Austin said, “and soon.”", ["We will win", "and soon."]),
    "question and exclamation marks stay": ("“Will we win?” Austin asked. “Yes!” Clinton said.",
                                            ["Will we win?", "Yes!"]),
    "ellipsis stays": ("“We will win …” Austin said.", ["We will win …"]),
    "blank and comma inside the marks": ("“ We will win , ” Austin said.", ["We will win"]),
}


@pytest.mark.parametrize("text, shown", DISPLAY.values(), ids=DISPLAY.keys())
def test_display_span_ends_before_a_trailing_comma(text, shown):
    """``text[start:end]`` is what a client highlights: the speaker's words with
    their final . ? ! …, without the comma that belongs to the attribution."""
    quotes = extract(text)
    assert [q.text for q in quotes] == shown
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_unclosed_quote_ends_with_its_paragraph():
    quotes = extract("Austin said: “We will win.\n\nThe vote is Tuesday.")
    assert [q.text for q in quotes] == ["We will win."]


# ------------------------------------------------------------------ what is not a quote

NOT_QUOTES = {
    "scare quote with no speaker": (
        "Once a small fringe, this “alternative” information ecosystem grew.", [], ["alternative"]),
    "title of a show": (
        "Austin appeared on “Fox News Sunday,” where he said the plan was “a disaster.”",
        [dict(text="a disaster", kind=PARTIAL, mention="he")], ["Fox News Sunday"]),
    "nickname": ("Juan “Chico” Manriquez carried a photo.", [], ["Chico"]),
    "nickname after an initial": ("Rep. Robert C. “Bobby” Jones spoke first.", [], ["Bobby"]),
    "a short quote opening a paragraph is no nickname": (
        "Austin met Lloyd Carter.\n\n“We won,” Carter said.",
        [dict(text="We won", mention="Carter")], []),
    "partial quote in reported speech": (
        "Austin called the plan “a disaster” on Tuesday.",
        [dict(text="a disaster", kind=PARTIAL, mention="Austin", cue="called")], []),
    "show named by its last word": (
        "On this weekend’s broadcast of “Fox News Sunday,” Pence spoke.", [], ["Fox News Sunday"]),
    "stage direction": ("“We will win.”\n\n“(CROSSTALK.)”\n\nAustin left.", [], ["(CROSSTALK.)"]),
    "word quoted as a word": ("Reporters used “he” for the candidate.", [], ["he"]),
    "coined term a speaker uses": (
        "Clinton described half of Trump's supporters as “deplorables.”",
        [dict(text="deplorables", kind=PARTIAL, mention="Clinton")], []),
}


@pytest.mark.parametrize("text, expected, not_quotes", NOT_QUOTES.values(), ids=NOT_QUOTES.keys())
def test_what_is_not_a_quote(text, expected, not_quotes):
    check(text, expected, not_quotes)


# ------------------------------------------------------------------ attribution patterns

ATTRIBUTION = {
    "quote, name said": ("“We will win,” Austin said.", dict(mention="Austin", cue="said")),
    "quote, said name, appositive": (
        "“We will win,” said Lloyd Austin, the defense secretary.",
        dict(mention="Lloyd Austin", name="Lloyd Austin", title="defense secretary", cue="said")),
    "name said colon": ("Austin said: “We will win.”", dict(mention="Austin", cue="said")),
    "name said that": ("Austin said that “we will win.”", dict(mention="Austin", cue="said")),
    "pronoun": ("Lloyd Austin spoke first. “We will win,” he said.",
                dict(mention="he", name="Lloyd Austin")),
    "according to": ("According to Austin, “the war is over.”",
                     dict(mention="Austin", cue="According to")),
    "told reporters": ("Austin told reporters, “We will win.”", dict(mention="Austin", cue="told")),
    "age appositive": ("Austin, 68, said: “We will win.”", dict(mention="Austin", cue="said")),
    "spokesman for an organisation": (
        "“We will win,” a spokesman for the Pentagon said.",
        dict(mention="a spokesman for the Pentagon", speaker_kind=UNKNOWN)),
    "said in a statement": ("“We will win,” the White House said in a statement.",
                            dict(mention="the White House", name="White House",
                                 speaker_kind=ORGANIZATION)),
    "wrote on Twitter": ("“We will win,” Clinton wrote on Twitter.",
                         dict(mention="Clinton", cue="wrote")),
    "inverted with title words": ("“We will win,” said retired general Lloyd Austin.",
                                  dict(name="Lloyd Austin")),
    "dash line": ("“The most unqualified candidate ever.” ― Francisco Herrero\n",
                  dict(mention="Francisco Herrero")),
    "headline colon": ("Austin: “We will win”", dict(mention="Austin")),
    "any verb closing the clause": ("“France will always be France,” an angry Hollande retaliated.",
                                    dict(mention="an angry Hollande", name="Hollande")),
    "inverted with a loose description": ("“We will win,” said the 46-year-old.",
                                          dict(mention="the 46-year-old")),
    "how X put it": ("“We will win” is how Austin put it.", dict(mention="Austin")),
    "participle takes the main subject": (
        "Austin attacked the plan on Tuesday, calling it “a disaster.”",
        dict(mention="Austin", cue="calling")),
    "subject before a place phrase": ("Clinton said the voters in her state would find it “very hard to accept.”",
                                      dict(mention="Clinton", cue="said")),
    "continue to is no cue": (
        "Clinton said she is certain Austin will continue to be “a champion for the troops.”",
        dict(mention="Clinton", cue="said")),
    "subject of a with-participle": (
        "Supporters shoved a protester, with Austin reportedly yelling: “Get him out of here!”",
        dict(mention="Austin", cue="yelling")),
    "a quantifier before a plural noun is no subject": (
        "Clinton asked Austin a few questions, including “Will the troops come home soon?”",
        dict(mention="Clinton")),
    "appositive ending on a town and state": (
        "Jane Doe, a nurse from Dayton, Ohio, says Austin will “bring the troops home.”",
        dict(mention="Jane Doe", cue="says")),
    "appositive with an age and a role": (
        "Jane Doe, 31, a nurse, said the convention was “a perfect opportunity.”",
        dict(mention="Jane Doe", cue="said")),
    "a weekday is no part of a name": ("In Ohio, Austin Wednesday told reporters: “We will win.”",
                                       dict(mention="Austin", name="Austin")),
    "a weekday between subject and verb": (
        "The campaign on Monday doubled down, saying Austin is “weak on defense.”",
        dict(mention="The campaign", cue="saying")),
    "any description before a plain verb": ("Austin’s biographers wrote that he “had a tin ear.”",
                                            dict(mention="Austin’s biographers", cue="wrote")),
    "a description opening a clause": ("The old impostor gushed about a “deep and sincere” bond.",
                                       dict(mention="The old impostor", cue="gushed")),
    "an object before a participle is no subject": (
        "Clinton slammed the tax rule called a “loophole for the rich.”", dict(mention="Clinton")),
    "and + speech verb takes the earlier speech verb's subject": (
        "Austin noted that the senator voted no, and added: “We will win.”",
        dict(mention="Austin", cue="added")),
    "adverb 'only' between subject and verb": (
        "At the debate, Austin only hinted at the plan by pointing to the map and adding, “We will win.”",
        dict(mention="Austin", cue="adding")),
    "a long appositive": (
        "“We will win,” Austin, the defense secretary who has led the department since the start of "
        "the year after a long career in the army and then a second career in business and in charity, said.",
        dict(mention="Austin", cue="said")),
    "a possessive speech noun heading the sentence": (
        "Austin’s pledge to stay “neutral” drew praise.", dict(mention="Austin", cue="pledge")),
    "a subject before the possessive wins": (
        "Clinton dismissed Austin’s remarks as “utter nonsense.”", dict(mention="Clinton")),
    "a base-form verb inside reported speech takes the outer speaker": (
        "Austin said he expects that the senators will say “no” to the plan.",
        dict(mention="Austin")),
    "a who-clause after a common noun is inside another speaker's sentence": (
        "Clinton mocked the idea, saying anybody who complains about the noise “is not listening.”",
        dict(mention="Clinton")),
    "a who-clause after a name is that person's": (
        "The plan drew praise from Lloyd Austin, who called it “a fine start.”",
        dict(mention="who", name="Lloyd Austin")),
    "headline, dash, name, colon": ("NEW POLL SHOWS A TIGHT RACE - Jane Doe: “The race is closer than ever.”",
                                    dict(mention="Jane Doe")),
    "more from a name, colon": ("Turnout matters - More from Doe: “Turnout will decide it this year.”",
                                dict(mention="Doe")),
    "the agent of a passive speech verb": ("Austin was asked by host Jane Doe, “Will you run again?”",
                                           dict(mention="host Jane Doe", name="Jane Doe", cue="asked")),
    "continued before a colon": ("Austin continued: “We will win the vote.”",
                                 dict(mention="Austin", cue="continued")),
}


@pytest.mark.parametrize("text, exp", ATTRIBUTION.values(), ids=ATTRIBUTION.keys())
def test_attribution_patterns(text, exp):
    quotes = extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    check(text, [dict(text=quotes[0].text, **exp)])


def test_split_quote_both_parts_share_the_speaker():
    text = "“We will win,” Austin said, “and we will win soon.”"
    quotes = check(text, [dict(text="We will win", mention="Austin"),
                          dict(text="and we will win soon", mention="Austin")])
    assert quotes[0].speaker == quotes[1].speaker


def test_a_quote_ending_a_sentence_ends_it():
    text = ("Austin praised the plan as “a strong first step.” She pushed the party to "
            "“open its doors to new voters.”")
    check(text, [dict(text="a strong first step", mention="Austin"),
                  dict(text="open its doors to new voters", mention="She", kind=PARTIAL)])


def test_fragment_takes_the_pronoun_nearest_it():
    text = "Lloyd Austin opposed the plan, but in 2019 he backed a law that created the “Gold Star” fund."
    check(text, [dict(text="Gold Star", mention="he", name="Lloyd Austin")])


def test_participle_takes_the_pronoun_nearest_it():
    text = "Lloyd Austin paused while the band played, and then he began by saying, “We will win.”"
    check(text, [dict(text="We will win", mention="he", name="Lloyd Austin")])


def test_possessive_pronoun_before_a_speech_noun():
    text = "Lloyd Austin spoke first.\n\nHis remark that the plan was “a disaster” drew fire."
    check(text, [dict(text="a disaster", mention="His", name="Lloyd Austin")])


def test_continuation_paragraph_takes_the_previous_speaker():
    text = ("“We will win,” Austin said.\n\n“The enemy is weak. Our troops are strong.”\n\n"
            "Clinton disagreed.")
    check(text, [dict(text="The enemy is weak. Our troops are strong.", kind=CONTINUATION,
                      mention="Austin", name="Austin")])


def test_transcript_turns():
    text = ("PENCE: Well, I think the “Shark Tank” line was a joke.\n\n"
            "WALLACE: Was it?\n\nPENCE: It was.")
    check(text, [dict(text="Shark Tank", kind=TRANSCRIPT, mention="PENCE")])


def test_quoted_transcript_turn():
    text = "Pence spoke to Fox.\n\n“PENCE: Well, look, we will win this election.”"
    check(text, [dict(text="PENCE: Well, look, we will win this election.", kind=TRANSCRIPT,
                      mention="PENCE")])


def test_question_and_answer_interview():
    text = "Q: Will you run?\n\nA: I said “never” and I meant it.\n\nQ: Never?"
    check(text, [dict(text="never", mention="I")])


def test_embedded_tweet_signature():
    text = ('<tweet id="1" author="@bencjacobs">Why isn\'t Pence wearing a "Make Mexico Great" hat? '
            '— Ben Jacobs (@bencjacobs) September 1, 2016</tweet>.')
    check(text, [dict(text="Make Mexico Great", kind=TWEET, mention="Ben Jacobs")],
          not_quotes=["1", "@bencjacobs"])


VERBS = ["said", "says", "added", "asked", "argued", "insisted", "warned", "wrote", "tweeted",
         "recalled", "conceded", "acknowledged", "noted", "explained", "declared", "stated",
         "replied", "responded", "continued", "urged", "predicted", "joked", "has said",
         "had told reporters", "will say", "later said", "once wrote"]


@pytest.mark.parametrize("verb", VERBS)
def test_speech_verbs_in_any_tense(verb):
    text = f"“We will win this year,” Austin {verb}."
    check(text, [dict(text="We will win this year", mention="Austin")])


# ------------------------------------------------------------------ speakers

def test_pronoun_takes_the_earlier_person_of_its_gender():
    text = ("Mr. Austin met Sen. Elizabeth Warren on Tuesday. Warren left early. "
            "“We will win,” he said.")
    check(text, [dict(text="We will win", mention="he", name="Austin")])


def test_pronoun_gender_from_first_name():
    text = "Hillary Clinton met Bernie Sanders. “It went well,” she said."
    check(text, [dict(text="It went well", mention="she", name="Hillary Clinton")])


def test_title_description_resolves_to_the_title_holder():
    text = ("Sen. Elizabeth Warren spoke after Defense Secretary Lloyd Austin. "
            "“No,” the senator said. “Yes,” the secretary replied.")
    quotes = check(text, [dict(text="No", mention="the senator", name="Elizabeth Warren"),
                          dict(text="Yes", mention="the secretary", name="Lloyd Austin")])
    assert quotes[1].speaker.title == "Defense Secretary"


def test_surname_later_is_the_same_person_with_aliases():
    text = ("Defense Secretary Lloyd Austin spoke Tuesday. “We will win,” Austin said. "
            "“It is hard,” Austin added.")
    quotes = check(text, [dict(text="We will win", name="Lloyd Austin", title="Defense Secretary"),
                          dict(text="It is hard", name="Lloyd Austin")])
    assert quotes[0].speaker == quotes[1].speaker
    assert quotes[0].speaker.aliases[:2] == ("Defense Secretary Lloyd Austin", "Austin")
    assert quotes[0].speaker.kind == PERSON


NAMES = {
    "honorific": ("Gov. Mike Pence spoke. “We will win,” Pence said.", "Mike Pence", "Gov."),
    "suffix": ("Martin Luther King Jr. spoke. “We will win,” King said.",
               "Martin Luther King Jr.", None),
    "particle": ("Ludwig van Beethoven spoke. “We will win,” said Ludwig van Beethoven.",
                 "Ludwig van Beethoven", None),
    "hyphen": ("Rep. Alexandria Ocasio-Cortez spoke. “We will win,” Ocasio-Cortez said.",
               "Alexandria Ocasio-Cortez", "Rep."),
    "apostrophe": ("Martin O’Malley spoke. “We will win,” O’Malley said.", "Martin O’Malley", None),
    "title of state": ("Secretary of State John Kerry spoke. “We will win,” Kerry said.",
                       "John Kerry", "Secretary of State"),
}


@pytest.mark.parametrize("text, name, title", NAMES.values(), ids=NAMES.keys())
def test_names(text, name, title):
    quotes = check(text, [dict(text="We will win", name=name)])
    assert quotes[0].speaker.title == title


def test_a_place_named_after_a_person_is_not_that_person():
    text = ("Donald Tusk spoke at Tusk Tower on Monday. Reporters waited outside Tusk Tower.\n\n"
            "“We will win,” Tusk said.")
    check(text, [dict(text="We will win", mention="Tusk", name="Donald Tusk")])


def test_an_opening_participle_is_no_part_of_a_name():
    text = "Dismissing Austin as weak, the senator spoke. “We will win,” Austin said."
    check(text, [dict(text="We will win", mention="Austin", name="Austin")])


def test_organisation_speaker():
    text = "“We will not comment,” CNN said. The Clinton campaign said the report was “false.”"
    check(text, [dict(text="We will not comment", name="CNN", speaker_kind=ORGANIZATION),
                 dict(text="false", speaker_kind=ORGANIZATION)])


# ------------------------------------------------------------------ confidence

def test_confidence_is_higher_for_a_cued_quote_than_for_a_guess():
    text = ("“We will win the war in the end,” Austin said.\n\n"
            "Nobody knew.\n\n“The only thing we have to fear is fear itself, and more.”")
    quotes = extract(text)
    cued = find(quotes, "We will win the war in the end")
    other = find(quotes, "The only thing we have to fear is fear itself, and more.")
    assert 0.0 <= other.confidence < cued.confidence <= 1.0


def test_docstring_examples():
    import doctest

    import api.extraction
    import api.extraction.names
    import api.extraction.verbs
    for module in (api.extraction, api.extraction.names, api.extraction.verbs):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
