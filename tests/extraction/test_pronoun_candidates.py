"""scripts/pronoun_candidates.py and scripts/train_pronoun.py: the measured pronoun resolver."""

from __future__ import annotations

from api.extraction import speakers
from api.extraction.layout import analyse
from api.extraction.ranking import Model

from .scripts import script_module

TEXT = (
    "Senator Susan Collins met Governor Janet Mills in Augusta on Monday. "
    "Senator John Smith was not there. “We agreed on the plan,” she said."
)


def _candidates():
    pc = script_module("pronoun_candidates")
    layout = analyse(TEXT)
    cast = speakers.build_cast(layout, [])
    return pc, pc.candidates(layout, cast, TEXT.index("she said"), "f")


def test_the_candidates_are_the_women_before_the_pronoun_most_recent_first():
    _, cands = _candidates()
    assert [e.name for e, _ in cands] == ["Janet Mills", "Susan Collins"]


def test_the_sentence_subject_is_marked_as_such():
    _, cands = _candidates()
    mills, collins = (set(f) for _, f in cands)
    assert {"subject", "opens-sentence", "rank:1", "gender:match"} <= collins
    assert {"not-subject", "rank:0"} <= mills


def test_choose_follows_the_weights_and_reports_the_rival():
    pc, cands = _candidates()
    best, p, rival = pc.choose(Model(0.0, {"subject": 3.0}), cands)
    assert best.name == "Susan Collins" and p > 0.9 and 0.0 < rival < 0.1
    best, p, rival = pc.choose(Model(0.0, {}), cands)
    assert best.name == "Janet Mills" and p == rival == 0.5


def test_the_fit_moves_the_rules_toward_what_the_examples_show():
    tp = script_module("train_pronoun")
    # the right person is always the subject one step back, over a nearer non-subject
    data = [([["rank:0", "not-subject"], ["rank:1", "subject"]], {1})] * 40
    rules = Model(0.0, tp.PRIOR)
    assert tp.top1(rules, data) == 0  # the rules' tie goes to the nearer one
    assert tp.top1(Model(0.0, tp.fit(data, l2=0.1)), data) == 40
