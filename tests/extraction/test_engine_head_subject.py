"""The head of a subject the subject patterns do not read (attribute.cue_head_subject):
a long description, a quantity, a relative clause or a dash aside before a finite
speech verb, where the engine took the clause's nearest subject before."""

import pytest

from api.extraction import extract
from api.extraction.subjects import head_subject

HEADS = {
    "a quantity of people": (
        "About four in 10 Republican primary voters say that a candidate should be one who "
        "“shares my values.”",
        "About four in 10 Republican primary voters",
    ),
    "a relative clause with its own 'and'": (
        "Another worshiper who prayed here and who did not want to be named said he heard Mateen "
        "talk of “immorality” often.",
        "Another worshiper",
    ),
    "a participle after a quantifier": (
        "While those surveyed said Jeb Bush has the “best experience,” Trump is the one they trust.",
        "those surveyed",
    ),
    "a modal before the verb": (
        "Supporters of Sanders would argue that his plan is “the only way forward for the country.”",
        "Supporters of Sanders",
    ),
    "a subject after a subordinate clause": (
        "Manafort was in the office with other aides when a member of the family suggested they "
        "tweet a picture of “Mexican” food.",
        "a member of the family",
    ),
}


@pytest.mark.parametrize("text, mention", HEADS.values(), ids=HEADS.keys())
def test_head_of_a_long_subject(text, mention):
    (q,) = extract(text, "en")
    assert q.mention is not None and q.mention.text == mention


@pytest.mark.parametrize(
    "text",
    [
        "They passed out water bottles that said",  # the relative pronoun is the annotated source
        "Former secretary of state",  # "state" after "of" is a noun
        "They slammed the tax loophole and said",  # "and" ends the clause: no head left
        "He anticipated that one of the biggest problems said",  # a clause, not a subject
        "Why not say",
    ],
)
def test_no_head(text):
    verb = text.rsplit(" ", 1)[1]
    assert head_subject(text, 0, len(text) - len(verb)) is None
