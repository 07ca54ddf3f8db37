"""The English engine abstains: a quote whose calibrated confidence (the chance that it is a
quote and its speaker right) is under the level chosen on train (scripts/train_screen.py, by
cross-validated end-to-end F1) is left out; a tweet's author or a transcript turn always stays."""

from __future__ import annotations

import json

from api.extraction import extract, pipeline, screen
from api.extraction.cues import AFTER, TURN, TWEET_AUTHOR, Cue
from api.extraction.inherit import NEAREST, SAME_PARAGRAPH, carried

CUED = "“We will win the war in the end,” Austin said on Tuesday."
GUESS = "Nobody knew.\n\n“The only thing we have to fear is fear itself, and more.”"


def test_a_quote_under_the_level_is_left_out():
    assert not screen.answers(0.2, None, 0.3)
    assert not screen.answers(0.29, Cue(AFTER, (0, 1), (2, 3)), 0.3)
    assert screen.answers(0.3, Cue(AFTER, (0, 1), (2, 3)), 0.3)
    assert screen.answers(0.05, None, 0.0)  # no level: every quote the screen keeps is given


def test_a_tweet_or_a_transcript_turn_is_never_left_out():
    assert screen.answers(0.01, Cue(TWEET_AUTHOR, None, (0, 1)), 0.3)
    assert screen.answers(0.01, Cue(TURN, None, (0, 1)), 0.3)


def test_the_level_is_read_from_the_screen_file(tmp_path):
    path = tmp_path / "screen.json"
    assert screen.abstain_below(path) == 0.0  # no file: nothing is left out
    path.write_text(json.dumps({"bias": 0.0, "weights": {}, "threshold": 0.2, "abstain": 0.35}))
    assert screen.abstain_below(path) == 0.35


def test_the_shipped_engine_gives_a_cued_quote_and_leaves_out_a_guess():
    assert 0.0 < pipeline.ABSTAIN < 1.0
    cued = extract(CUED)
    assert [q.text for q in cued] == ["We will win the war in the end"]
    assert all(q.confidence >= pipeline.ABSTAIN for q in cued)
    assert extract(GUESS) == ()
    # the guess is found by the rules and dropped only for its confidence
    assert len(pipeline.english_items(GUESS)[1]) == 1


RUN_OF_GUESSES = (
    "“We will win the war in the end,” Austin said on Tuesday.\n\nThe weather was cold all week.\n\n"
    "“The only thing we have to fear is fear itself.” It was a long night. "
    "“And we will not stop until it is done.”"
)


def test_a_guess_lent_to_the_next_quote_stays_a_guess():
    # the second quote of the last paragraph takes the first one's speaker; that speaker is a
    # guess (the nearest one back), so it is judged as a guess, not as a cue in its paragraph
    _, spans, cues, _, _ = pipeline.english_items(RUN_OF_GUESSES)
    assert [c.how for c in cues] == [AFTER, NEAREST, NEAREST]
    assert [q.text for q in extract(RUN_OF_GUESSES)] == ["We will win the war in the end"]
    assert carried(cues[0], SAME_PARAGRAPH).how == SAME_PARAGRAPH
