"""Scorer behaviour: claims vs. opinions, explanations, bounds, determinism."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api import checkworthy as cw
from api.checkworthy.model import WEIGHTS_PATH, Checkworthiness, Model

CLAIMS = [
    "We have 90 percent health insurance coverage.",
    "Unemployment rose to 7.8 percent in 2009.",
    "The federal deficit was $1.4 trillion last year.",
    "Our Air Force is older and smaller than at any time since it was founded in 1947.",
    "He voted against the bill 94 times in the Senate.",
]

NOT_CLAIMS = [
    "I love this country.",  # feeling
    "I think we need a president who listens.",  # opinion
    "What are you going to do about it?",  # question
    "Thank you very much, it's good to be here.",  # greeting, small talk
    "We will make America strong again.",  # promise
    "Well, let me tell you.",  # filler
]


@pytest.mark.parametrize("sentence", CLAIMS)
def test_factual_claims_with_numbers_pass_the_threshold(sentence):
    assert cw.score(sentence).score > cw.THRESHOLD


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_opinions_feelings_questions_greetings_stay_below(sentence):
    assert cw.score(sentence).score < cw.THRESHOLD


def test_claims_rank_above_non_claims():
    assert min(cw.score(s).score for s in CLAIMS) > max(cw.score(s).score for s in NOT_CLAIMS)


def test_features_explain_the_score():
    result = cw.score("We have 90 percent health insurance coverage.")
    assert isinstance(result, Checkworthiness)
    assert 1 <= len(result.features) <= 5
    names = [n for n, _ in result.features]
    weights = [w for _, w in result.features]
    assert all(isinstance(n, str) and n for n in names)
    assert len(set(names)) == len(names)
    # largest in magnitude first
    assert [abs(w) for w in weights] == sorted((abs(w) for w in weights), reverse=True)
    # the number is part of why: some number feature pushes it up
    assert any(w > 0 and ("NUM" in n or "[has number]" in n or "percent" in n) for n, w in result.features)
    # ... and an opinion is explained by something pulling it down
    opinion = cw.score("I think we need a president who listens.")
    assert any(w < 0 for _, w in opinion.features)


def test_contributions_add_up_to_the_log_odds():
    model = cw.get_model()
    sentence = "Unemployment rose to 7.8 percent in 2009."
    full = model.score(sentence, top=10_000)
    z = model.bias + sum(w for _, w in full.features)
    assert abs(1 / (1 + math.exp(-z)) - full.score) < 1e-3


def test_result_is_frozen_and_deterministic():
    a = cw.score("The deficit doubled in 2008.")
    b = cw.score("The deficit doubled in 2008.")
    assert a == b
    with pytest.raises(AttributeError):
        a.score = 1.0  # type: ignore[misc]


def test_empty_and_blank_score_near_zero():
    for s in ("", "   ", "\n"):
        r = cw.score(s)
        assert 0.0 <= r.score < 0.2
        assert r.score < cw.THRESHOLD


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores_in_bounds(text):
    r = cw.score(text)
    assert 0.0 <= r.score <= 1.0 and not math.isnan(r.score)
    assert all(isinstance(n, str) and isinstance(w, float) for n, w in r.features)


@pytest.mark.parametrize(
    "text",
    [
        "." * 50000 + "x",
        "1" * 50000,
        "$1" * 20000,
        "1," * 20000,
        "a-" * 20000,
        "Mr. " * 10000,
        "\u2019" * 20000,
    ],
)
def test_pathological_inputs_score_in_bounds(text):
    # not a timing test: a quadratic pattern would make this take minutes
    assert 0.0 <= cw.score(text).score <= 1.0


def test_non_str_input_does_not_raise():
    assert 0.0 <= cw.score(None).score <= 1.0  # type: ignore[arg-type]


def test_threshold_matches_weights_file():
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert pytest.approx(data["threshold"]) == cw.THRESHOLD
    assert 0.0 < cw.THRESHOLD < 1.0


def test_weights_file_is_small_and_shipped():
    assert WEIGHTS_PATH.is_file()
    assert WEIGHTS_PATH.stat().st_size < 2_000_000


def test_checkworthy_sentences_splits_and_filters():
    text = "I love this country. We have 90 percent health insurance coverage. Thank you."
    found = cw.checkworthy_sentences(text)
    assert [c.text for c in found] == ["We have 90 percent health insurance coverage."]
    c = found[0]
    assert text[c.start : c.end] == c.text and c.features
    assert cw.checkworthy_sentences(text, threshold=1.0) == []
    assert len(cw.checkworthy_sentences(text, threshold=0.0)) == 3


def test_model_from_dict():
    m = Model({"bias": -2.0, "threshold": 0.5, "weights": {"NUM": 8.0, "i think": -3.0}})
    assert m.score("It was 5.").score > 0.5
    assert m.score("I think so.").score < 0.2
    assert m.score("It was 5.").features[0][0] == "NUM"


def test_package_is_pure():
    """No Flask, no database driver, no numpy: the scorer is stdlib only."""
    import subprocess
    import sys

    code = (
        "import sys, api.checkworthy as cw; cw.score('We cut taxes 3 times.'); "
        "bad = {'flask', 'peewee', 'psycopg2', 'numpy', 'regex'} & set(sys.modules); "
        "assert not bad, bad"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)
