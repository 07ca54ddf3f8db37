"""Sentence splitter: spans, abbreviations, decimals, ellipses, quotes, fragments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.checkworthy import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # plain
        ("It fell. Then it rose.", ["It fell.", "Then it rose."]),
        ("Is it? Yes! We know.", ["Is it?", "Yes!", "We know."]),
        # titles never end a sentence
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Sen. Warren and Gov. Abbott disagreed.", ["Sen. Warren and Gov. Abbott disagreed."]),
        ("It was No. 1 in St. Louis.", ["It was No. 1 in St. Louis."]),
        # dotted acronyms: inside a sentence, or at its end before an opener
        ("The U.S. economy grew.", ["The U.S. economy grew."]),
        ("He sat in the U.S. Senate for years.", ["He sat in the U.S. Senate for years."]),
        ("Jobs left the U.S. They went abroad.", ["Jobs left the U.S.", "They went abroad."]),
        ("We met at 3 p.m. Tuesday.", ["We met at 3 p.m. Tuesday."]),
        ("We left at 5 p.m. The vote came later.", ["We left at 5 p.m.", "The vote came later."]),
        ("U.S.-led forces moved in.", ["U.S.-led forces moved in."]),
        # months and company suffixes
        ("It began on Jan. 20, 2009. We worked.", ["It began on Jan. 20, 2009.", "We worked."]),
        ("It rose in Jan. The next month it fell.", ["It rose in Jan.", "The next month it fell."]),
        ("Acme Inc. makes things.", ["Acme Inc. makes things."]),
        # initials
        ("John F. Kennedy won in 1960.", ["John F. Kennedy won in 1960."]),
        ("J. Edgar Hoover ran it.", ["J. Edgar Hoover ran it."]),
        # decimals and numbers
        ("Growth was 3.5 percent. It was $1.2 billion.", ["Growth was 3.5 percent.", "It was $1.2 billion."]),
        ("We spent 2.5. Then 3.", ["We spent 2.5.", "Then 3."]),
        # ellipses
        ("Wait... what did he say?", ["Wait... what did he say?"]),
        ("I tried... We failed.", ["I tried...", "We failed."]),
        ("I tried\u2026 We failed.", ["I tried\u2026", "We failed."]),
        ("... to sign immigration reform.", ["... to sign immigration reform."]),
        # quotation marks and brackets after the period
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("\u201cWe will win.\u201d And we did.", ["\u201cWe will win.\u201d", "And we did."]),
        ('"Why?" he asked.', ['"Why?" he asked.']),
        ("(He did.) Then we left.", ["(He did.)", "Then we left."]),
        ("It is true.' She nodded.", ["It is true.'", "She nodded."]),
        ('He quit. "We will go on," she said.', ["He quit.", '"We will go on," she said.']),
        # fragments without a final period, whitespace, paragraphs
        ("we will build the wall", ["we will build the wall"]),
        ("a total disaster", ["a total disaster"]),
        ("  We won.   We lost  ", ["We won.", "We lost"]),
        ("We will win\n\nThe next fight is ours", ["We will win", "The next fight is ours"]),
        ("Line one.\nLine two.", ["Line one.", "Line two."]),
        ("e.g. this one", ["e.g. this one"]),
        ("", []),
        ("   \n ", []),
        (".", ["."]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_spans_are_offsets_into_the_text():
    text = "  Mr. Smith paid $3.5 million.  \u201cIt was a lot.\u201d He left"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith paid $3.5 million.",
        "\u201cIt was a lot.\u201d",
        "He left",
    ]
    assert all(0 <= s < e <= len(text) for s, e in spans)


@pytest.mark.parametrize(
    "text, count",
    [
        ("A. " * 20000 + "We won.", None),
        ("Mr. " * 20000, 1),
        ("." * 50000 + "x", 1),  # once took minutes: backtracking over the dot run
        ("?" * 50000 + "a", 1),
        ("1" * 50000, 1),
        ("\n \n" * 20000 + "x", 1),
    ],
)
def test_pathological_inputs_finish(text, count):
    # not a timing test: a quadratic pattern would make this take minutes
    spans = split_sentences(text)
    assert spans and (count is None or len(spans) == count)


@given(st.text(alphabet=st.sampled_from(list("ab AZ.?!\"'()\u201d\u2026\n19$")), max_size=80))
def test_spans_are_ordered_stripped_and_cover_all_words(text):
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip()
        assert text[last:s].strip() == ""
        last = e
    assert text[last:].strip() == ""
