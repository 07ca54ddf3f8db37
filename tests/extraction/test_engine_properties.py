"""Property-based tests: the engine's contract holds on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from api.extraction import KINDS, extract

# Text built from the pieces quotes are made of, so that random strings often
# hold quotation marks, names, speech verbs and paragraph breaks.
PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "«",
        "»",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "(",
        ")",
        "said",
        "told",
        "according to",
        "he",
        "she",
        "they",
        "Austin",
        "Lloyd",
        "Mr.",
        "Sen.",
        "the senator",
        "a spokesman for the Pentagon",
        "We will win",
        "PENCE: ",
        "Q: ",
        '<tweet id="1">',
        "</tweet>",
        "(@x) June 1, 2016",
        "― ",
        "O’Malley",
        "Jr.",
        "é",
        "中文",
    ]
)
ARTICLES = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join))


def check_invariants(text, quotes):
    assert isinstance(quotes, tuple)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.text == q.text.strip() and not q.text.endswith(",")  # display span
        assert q.kind in KINDS
        assert 0.0 <= q.confidence <= 1.0
        for span in (q.mention, q.cue):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
    assert [(q.start, q.end) for q in quotes] == sorted((q.start, q.end) for q in quotes)


@settings(max_examples=300, deadline=None)
@given(ARTICLES)
def test_offsets_slices_sorted_and_confidence_in_range(text):
    check_invariants(text, extract(text))


@settings(max_examples=150, deadline=None)
@given(ARTICLES)
def test_deterministic(text):
    assert extract(text) == extract(text)


@settings(max_examples=150, deadline=None)
@given(ARTICLES)
def test_one_speaker_object_per_person(text):
    quotes = extract(text)
    by_name = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.kind == "person":
            by_name.setdefault((q.speaker.name, q.speaker.title), set()).add(q.speaker)
    for speakers in by_name.values():
        assert len(speakers) == 1


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_a_prefix_never_shifts_offsets_out_of_range(prefix, body):
    text = prefix + "\n\n“We will win,” Austin said.\n\n" + body
    quotes = extract(text)
    check_invariants(text, quotes)
    assert any(q.text == "We will win" for q in quotes)
