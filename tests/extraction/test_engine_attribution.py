"""Hand-written gold cases for the attribution patterns: one small text per
way a quote finds its speaker (cues after and before the quote, fragments,
inheritance, transcripts, tweets, speech verbs in any tense)."""

from __future__ import annotations

import pytest

from api.extraction import CONTINUATION, ORGANIZATION, PARTIAL, TRANSCRIPT, TWEET, UNKNOWN, extract

from .gold import check

# ------------------------------------------------------------------ attribution patterns

ATTRIBUTION = {
    "quote, name said": ("“We will win,” Austin said.", dict(mention="Austin", cue="said")),
    "quote, said name, appositive": (
        "“We will win,” said Lloyd Austin, the defense secretary.",
        dict(mention="Lloyd Austin", name="Lloyd Austin", title="defense secretary", cue="said"),
    ),
    "name said colon": ("Austin said: “We will win.”", dict(mention="Austin", cue="said")),
    "name said that": ("Austin said that “we will win.”", dict(mention="Austin", cue="said")),
    "pronoun": ("Lloyd Austin spoke first. “We will win,” he said.", dict(mention="he", name="Lloyd Austin")),
    "according to": ("According to Austin, “the war is over.”", dict(mention="Austin", cue="According to")),
    "told reporters": ("Austin told reporters, “We will win.”", dict(mention="Austin", cue="told")),
    "age appositive": ("Austin, 68, said: “We will win.”", dict(mention="Austin", cue="said")),
    "spokesman for an organisation": (
        "“We will win,” a spokesman for the Pentagon said.",
        dict(mention="a spokesman for the Pentagon", speaker_kind=UNKNOWN),
    ),
    "said in a statement": (
        "“We will win,” the White House said in a statement.",
        dict(mention="the White House", name="White House", speaker_kind=ORGANIZATION),
    ),
    "wrote on Twitter": ("“We will win,” Clinton wrote on Twitter.", dict(mention="Clinton", cue="wrote")),
    "inverted with title words": (
        "“We will win,” said retired general Lloyd Austin.",
        dict(name="Lloyd Austin"),
    ),
    "dash line": (
        "“The most unqualified candidate ever.” ― Francisco Herrero\n",
        dict(mention="Francisco Herrero"),
    ),
    "headline colon": ("Austin: “We will win”", dict(mention="Austin")),
    "any verb closing the clause": (
        "“France will always be France,” an angry Hollande retaliated.",
        dict(mention="an angry Hollande", name="Hollande"),
    ),
    "inverted with a loose description": (
        "“We will win,” said the 46-year-old.",
        dict(mention="the 46-year-old"),
    ),
    "how X put it": ("“We will win” is how Austin put it.", dict(mention="Austin")),
    "participle takes the main subject": (
        "Austin attacked the plan on Tuesday, calling it “a disaster.”",
        dict(mention="Austin", cue="calling"),
    ),
    "subject before a place phrase": (
        "Clinton said the voters in her state would find it “very hard to accept.”",
        dict(mention="Clinton", cue="said"),
    ),
    "continue to is no cue": (
        "Clinton said she is certain Austin will continue to be “a champion for the troops.”",
        dict(mention="Clinton", cue="said"),
    ),
    "subject of a with-participle": (
        "Supporters shoved a protester, with Austin reportedly yelling: “Get him out of here!”",
        dict(mention="Austin", cue="yelling"),
    ),
    "a quantifier before a plural noun is no subject": (
        "Clinton asked Austin a few questions, including “Will the troops come home soon?”",
        dict(mention="Clinton"),
    ),
    "appositive ending on a town and state": (
        "Jane Doe, a nurse from Dayton, Ohio, says Austin will “bring the troops home.”",
        dict(mention="Jane Doe", cue="says"),
    ),
    "appositive with an age and a role": (
        "Jane Doe, 31, a nurse, said the convention was “a perfect opportunity.”",
        dict(mention="Jane Doe", cue="said"),
    ),
    "a weekday is no part of a name": (
        "In Ohio, Austin Wednesday told reporters: “We will win.”",
        dict(mention="Austin", name="Austin"),
    ),
    "a weekday between subject and verb": (
        "The campaign on Monday doubled down, saying Austin is “weak on defense.”",
        dict(mention="The campaign", cue="saying"),
    ),
    "any description before a plain verb": (
        "Austin’s biographers wrote that he “had a tin ear.”",
        dict(mention="Austin’s biographers", cue="wrote"),
    ),
    "a description opening a clause": (
        "The old impostor gushed about a “deep and sincere” bond.",
        dict(mention="The old impostor", cue="gushed"),
    ),
    "an object before a participle is no subject": (
        "Clinton slammed the tax rule called a “loophole for the rich.”",
        dict(mention="Clinton"),
    ),
    "and + speech verb takes the earlier speech verb's subject": (
        "Austin noted that the senator voted no, and added: “We will win.”",
        dict(mention="Austin", cue="added"),
    ),
    "adverb 'only' between subject and verb": (
        "At the debate, Austin only hinted at the plan by pointing to the map and adding, “We will win.”",
        dict(mention="Austin", cue="adding"),
    ),
    "a long appositive": (
        "“We will win,” Austin, the defense secretary who has led the department since the start of "
        "the year after a long career in the army and then a second career in business and in charity, said.",
        dict(mention="Austin", cue="said"),
    ),
    "a possessive speech noun heading the sentence": (
        "Austin’s pledge to stay “neutral” drew praise.",
        dict(mention="Austin", cue="pledge"),
    ),
    "a subject before the possessive wins": (
        "Clinton dismissed Austin’s remarks as “utter nonsense.”",
        dict(mention="Clinton"),
    ),
    "a base-form verb inside reported speech takes the outer speaker": (
        "Austin said he expects that the senators will say “no” to the plan.",
        dict(mention="Austin"),
    ),
    "a who-clause after a common noun is inside another speaker's sentence": (
        "Clinton mocked the idea, saying anybody who complains about the noise “is not listening.”",
        dict(mention="Clinton"),
    ),
    "a who-clause after a name is that person's": (
        "The plan drew praise from Lloyd Austin, who called it “a fine start.”",
        dict(mention="who", name="Lloyd Austin"),
    ),
    "headline, dash, name, colon": (
        "NEW POLL SHOWS A TIGHT RACE - Jane Doe: “The race is closer than ever.”",
        dict(mention="Jane Doe"),
    ),
    "more from a name, colon": (
        "Turnout matters - More from Doe: “Turnout will decide it this year.”",
        dict(mention="Doe"),
    ),
    "the agent of a passive speech verb": (
        "Austin was asked by host Jane Doe, “Will you run again?”",
        dict(mention="host Jane Doe", name="Jane Doe", cue="asked"),
    ),
    "continued before a colon": (
        "Austin continued: “We will win the vote.”",
        dict(mention="Austin", cue="continued"),
    ),
}


@pytest.mark.parametrize("text, exp", ATTRIBUTION.values(), ids=ATTRIBUTION.keys())
def test_attribution_patterns(text, exp):
    quotes = extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    check(text, [dict(text=quotes[0].text, **exp)])


def test_split_quote_both_parts_share_the_speaker():
    text = "“We will win,” Austin said, “and we will win soon.”"
    quotes = check(
        text,
        [dict(text="We will win", mention="Austin"), dict(text="and we will win soon", mention="Austin")],
    )
    assert quotes[0].speaker == quotes[1].speaker


def test_a_quote_ending_a_sentence_ends_it():
    text = (
        "Austin praised the plan as “a strong first step.” She pushed the party to "
        "“open its doors to new voters.”"
    )
    check(
        text,
        [
            dict(text="a strong first step", mention="Austin"),
            dict(text="open its doors to new voters", mention="She", kind=PARTIAL),
        ],
    )


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
    text = "“We will win,” Austin said.\n\n“The enemy is weak. Our troops are strong.”\n\nClinton disagreed."
    check(
        text,
        [
            dict(
                text="The enemy is weak. Our troops are strong.",
                kind=CONTINUATION,
                mention="Austin",
                name="Austin",
            )
        ],
    )


def test_transcript_turns():
    text = "PENCE: Well, I think the “Shark Tank” line was a joke.\n\nWALLACE: Was it?\n\nPENCE: It was."
    check(text, [dict(text="Shark Tank", kind=TRANSCRIPT, mention="PENCE")])


def test_quoted_transcript_turn():
    text = "Pence spoke to Fox.\n\n“PENCE: Well, look, we will win this election.”"
    check(
        text, [dict(text="PENCE: Well, look, we will win this election.", kind=TRANSCRIPT, mention="PENCE")]
    )


def test_question_and_answer_interview():
    text = "Q: Will you run?\n\nA: I said “never” and I meant it.\n\nQ: Never?"
    check(text, [dict(text="never", mention="I")])


def test_embedded_tweet_signature():
    text = (
        '<tweet id="1" author="@bencjacobs">Why isn\'t Pence wearing a "Make Mexico Great" hat? '
        "— Ben Jacobs (@bencjacobs) September 1, 2016</tweet>."
    )
    check(
        text,
        [dict(text="Make Mexico Great", kind=TWEET, mention="Ben Jacobs")],
        not_quotes=["1", "@bencjacobs"],
    )


VERBS = [
    "said",
    "says",
    "added",
    "asked",
    "argued",
    "insisted",
    "warned",
    "wrote",
    "tweeted",
    "recalled",
    "conceded",
    "acknowledged",
    "noted",
    "explained",
    "declared",
    "stated",
    "replied",
    "responded",
    "continued",
    "urged",
    "predicted",
    "joked",
    "has said",
    "had told reporters",
    "will say",
    "later said",
    "once wrote",
]


@pytest.mark.parametrize("verb", VERBS)
def test_speech_verbs_in_any_tense(verb):
    text = f"“We will win this year,” Austin {verb}."
    check(text, [dict(text="We will win this year", mention="Austin")])
