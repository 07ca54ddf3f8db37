"""Adversarial input: the engine finishes (linear patterns, no catastrophic
backtracking) and keeps its contract.  A generous timeout guards against a
hang; nothing here measures speed."""

from __future__ import annotations

import random
import threading

import pytest

from api.extraction import extract

TIMEOUT = 120  # seconds; a hang, not a speed bar

random.seed(7)
CASES = {
    "100,000 straight quotation marks": '"' * 100_000,
    "100,000 curly marks": "“" * 50_000 + "”" * 50_000,
    "one 1 MB paragraph": " ".join(
        random.choice(
            ["said", "Austin", "“We", "win,”", "he", "the", "Mr.", "Sen.", '"', "told", "according", "to"]
        )
        for _ in range(200_000)
    ),
    "no spaces": "x" * 1_000_000,
    "mixed scripts": "".join(random.choice("абвгд 中文字 العربية “”\"'’ \n") for _ in range(300_000)),
    "unclosed tags": '<tweet a="' * 30_000,
    "many transcript turns": "A: “x” said he\n" * 30_000,
    "endless appositive": "Austin, " * 100_000 + "said “x”",
    "titles without names": "Secretary of " * 60_000,
    "names and verbs": "Defense Secretary Lloyd Austin said “We will win.” " * 20_000,
    "nested opening marks": "“a “b “c " * 30_000,
}


# The language-neutral stages (German): a quote every few words in one endless sentence.
GERMAN_CASES = {
    "quotes in one sentence": "„Wir kommen“ sagte der Minister " * 4_000,
    "one paragraph of cue words": " ".join(
        random.choice(
            ["sagte", "Merkel", "„Wir", "gehen,“", "er", "der", "Minister", "laut", "zufolge", "so"]
        )
        for _ in range(40_000)
    ),
    "mentions without end": "Der Vorsitzende Peter Müller " * 20_000 + "sagte: „Nein.“",
}


def run_with_timeout(text, language=None):
    result = {}

    def work():
        result["quotes"] = extract(text, language)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    assert not worker.is_alive(), "extract() did not finish"
    return result["quotes"]


@pytest.mark.parametrize("language", [None, "de"])
@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_adversarial_input_completes_with_valid_offsets(text, language):
    quotes = run_with_timeout(text, language)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", GERMAN_CASES.values(), ids=GERMAN_CASES.keys())
def test_adversarial_german_input_completes_with_valid_offsets(text):
    for q in run_with_timeout(text, "de"):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("value", ["", " ", "\n", "“", "”", '"', "“”", '""', "said", "\x00", "\ud800"])
def test_degenerate_input(value):
    quotes = extract(value)
    assert isinstance(quotes, tuple)
    for q in quotes:
        assert value[q.start : q.end] == q.text
