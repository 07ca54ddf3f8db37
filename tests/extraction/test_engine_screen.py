"""The English quote screen: a logistic model over a quoted stretch's form and context,
fitted on train (scripts/train_screen.py), drops stretches unlikely to be speech."""

from __future__ import annotations

import math

from api.extraction import extract, pipeline, screen
from api.extraction.cues import AFTER, TWEET_AUTHOR, Cue
from api.extraction.ranking import Model, logistic

HEADLINE = 'NOW OPEN—"Pop-up art show strives to confront gentrification," http://nyti.ms/1U0Xvbm.\n\n'
CUED = "“We will win the war in the end,” Austin said on Tuesday."


def _features(text: str, cue: Cue | None = None) -> list[str]:
    open_ = min(i for i in (text.find("“"), text.find('"')) if i >= 0)
    close = max(text.rfind("”"), text.rfind('"'))
    end = pipeline.display_end(text, open_ + 1, close)
    return screen.features_of(text, open_, open_ + 1, end, close, cue, None)


def test_features_describe_form_and_context():
    f = _features("He called the plan a “disaster” on Monday.")
    assert {"words:1", "caps:none", "ends:word", "prev:determiner", "how:none"} <= set(f)
    g = _features(CUED, Cue(AFTER, (41, 45), (34, 40)))
    assert {"words:8-15", "ends:word", "starts:upper", "how:after", "mention:name"} <= set(g)


def test_a_stretch_below_the_threshold_is_dropped():
    model = Model(0.0, {"how:none": -3.0, "how:after": 3.0}, threshold=0.5)
    assert not screen.keep(model, ["how:none"], None)
    assert screen.keep(model, ["how:after"], Cue(AFTER, None, (0, 1)))
    assert screen.keep(None, ["how:none"], None)  # no model shipped: the rules alone decide


def test_a_tweet_or_transcript_turn_is_never_screened():
    model = Model(-10.0, {}, threshold=0.5)
    assert screen.keep(model, ["how:tweet"], Cue(TWEET_AUTHOR, None, (0, 1)))


def test_the_shipped_model_ranks_a_cued_quote_above_a_headline():
    model = screen.load()
    assert model is not None and 0.0 < model.threshold < 1.0
    assert all(math.isfinite(v) for v in model.weights.values())
    cued = logistic(model.logit(_features(CUED, Cue(AFTER, (41, 45), (34, 40)))))
    headline = logistic(model.logit(_features(HEADLINE)))
    assert cued > model.threshold > headline
    assert [q.text for q in extract(CUED)] == ["We will win the war in the end"]
    assert extract(HEADLINE) == ()


def test_confidence_is_platt_scaled_monotonically():
    model = screen.load()
    assert model is not None and model.calibration is not None
    raw = [0.05, 0.3, 0.6, 0.9, 0.97]
    scaled = [screen.calibrated(model, p) for p in raw]
    assert scaled == sorted(scaled) and all(0.0 <= p <= 1.0 for p in scaled)
    assert screen.calibrated(None, 0.42) == 0.42
    assert screen.calibrated(Model(0.0, {}, 0.5, (1.0, 0.0)), 0.42) == 0.42  # the identity scaling
