"""grammar.alt writes an alternation of words as a trie, of prefixes for
patterns matched left to right and of suffixes for reverse ones (``(?r)``):
it must match what the flat longest-first alternation matches, at every
position, in both directions, also where the pattern after it backtracks."""

from __future__ import annotations

import random

import pytest
import regex

from api.extraction import grammar as G
from api.extraction import layout_patterns as LP
from api.extraction import name_patterns as NP
from api.extraction import patterns as P

V = regex.VERBOSE | regex.VERSION1


def flat(words) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in items) + ")"


def _span(m):
    return m and m.span()


def _spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


WORDS = ["a", "ab", "abc", "b", "bc", "cab", "xab", "ax", "bax", "aabax", "a b", "a.", "b-c", "’s"]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("around", ["{}", "{}b", "(?:{})+c", "x?{}(?![a-c])", "(?<![a-c]){}\\.?"])
def test_trie_matches_what_the_flat_alternation_matches(seed, around):
    rnd = random.Random(seed)
    words = rnd.sample(WORDS, rnd.randint(2, len(WORDS)))
    text = "".join(rnd.choice("abcx .-’s") for _ in range(300))
    forward = regex.compile(around.format(G.alt(words)), V)
    backward = regex.compile(G.reverse("(?r)" + around.format(G.alt(words))), V)
    flat_forward = regex.compile(around.format(flat(words)), V)
    flat_backward = regex.compile("(?r)" + around.format(flat(words)), V)
    assert _spans(forward, text) == _spans(flat_forward, text)
    assert _spans(backward, text) == _spans(flat_backward, text)
    for pos in range(len(text)):
        assert _span(forward.match(text, pos)) == _span(flat_forward.match(text, pos))
        assert _span(backward.match(text, 0, pos)) == _span(flat_backward.match(text, 0, pos))


def test_speech_verbs_as_tries_match_the_flat_list():
    text = (
        "“We will win,” she said. Austin pointed out that the plan was “a mess”; he continued: "
        "“Yes.” Officials told reporters, adding that they “won’t,” warned Sen. Doe, who added, says "
        "and re-said nothing; she had said-so, then asked, and insisted"
    )
    verb = "(?:" + flat(G.SPEECH_VERB_FORMS) + "|" + flat(G.CLOSING_VERB_FORMS) + r"(?= \s* [,:;.“\"”—–] ))"
    plain = regex.compile(rf"(?<![\p{{L}}\-]) {verb} (?![\p{{L}}\-])", V)
    plain_reverse = regex.compile(rf"(?r)(?<![\p{{L}}\-]) {verb} (?![\p{{L}}\-])", V)
    assert _spans(P.SPEECH_VERB, text) == _spans(plain, text)
    assert _spans(P.SPEECH_VERB_REVERSE, text) == _spans(plain_reverse, text)
    assert len(_spans(plain, text)) > 5


def test_every_reverse_pattern_uses_tries_of_suffixes():
    """A reverse pattern compiled without ``reverse()`` would try a trie of prefixes right to
    left, in another order than the longest word first."""
    checked = 0
    for module in (P, NP, LP):
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                backward = value.pattern.lstrip().startswith("(?r)")
                assert ("(?#alt" not in value.pattern) if backward else ("(?#ralt" not in value.pattern), name
                checked += backward and "(?#ralt" in value.pattern
    assert checked >= 5
