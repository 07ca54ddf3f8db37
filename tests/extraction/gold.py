"""Helpers for the hand-written gold cases: find a quote by its words and
check its kind, mention, speaker and cue."""

from __future__ import annotations

from api.extraction import extract

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
        assert text[q.start : q.end] == q.text
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
