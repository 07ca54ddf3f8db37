"""Reranker signals: word alignment, term coverage, numbers and years (api/matching/signals.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from api.matching import Index
from api.matching.bm25 import BM25Index
from api.matching.rerank import FEATURES
from api.matching.signals import NAMES, profile, signals
from api.matching.text import terms, words
from api.matching.vectors import default_model


@pytest.fixture(scope="module")
def model():
    return default_model().words


def signals_of(model, query: str, docs: list[str]) -> dict[str, np.ndarray]:
    bm25 = BM25Index()
    for doc in docs:
        bm25.add(doc, "")
    slots = np.arange(len(docs))
    coverage = bm25.coverage(terms(query), slots)
    rows = signals(
        profile(words(query), model.index),
        [profile(words(d), model.index) for d in docs],
        coverage,
        model.unit,
        model.weight,
    )
    return {name: rows[:, i] for i, name in enumerate(NAMES)}


def test_a_profile_keeps_known_content_words_numbers_and_years(model):
    found = profile(words("In 2019 the 40 vets of Texas"), model.index)
    assert found.years == {"2019"} and found.numbers == {"40"}
    kept = {w for w, i in model.index.items() if i in set(found.rows.tolist())}
    assert {"vets", "texas"} <= kept and not kept & {"the", "of", "in"}


def test_alignment_prefers_the_paraphrase_and_penalises_extra_content(model):
    query = "Senator wants to ban cars in the city"
    docs = [
        "A senator proposed banning automobiles in cities.",
        "Recipe for a chocolate cake with strawberries.",
        "A senator proposed banning automobiles in cities, and also taxing bakeries, "
        "closing zoos and repainting the lighthouse purple.",
    ]
    s = signals_of(model, query, docs)
    assert s["align_q"][0] > s["align_q"][1] and s["align_d"][0] > s["align_d"][1]
    assert s["align_d"][0] > s["align_d"][2]  # the specific sibling says much the query does not
    assert all(0 <= v <= 1.0001 for v in s["align_q"]) and all(-1 <= v <= 1.0001 for v in s["align_d"])


def test_coverage_is_the_shared_idf_mass_both_ways(model):
    docs = ["tanks parade inaugural", "tanks parade inaugural missiles trump", "weather today"]
    s = signals_of(model, "inaugural parade tanks", docs)
    assert s["cover_q"][0] == pytest.approx(1.0) and s["cover_d"][0] == pytest.approx(1.0)
    assert s["cover_q"][1] == pytest.approx(1.0) and 0 < s["cover_d"][1] < 1
    assert s["cover_q"][2] == 0 and s["cover_d"][2] == 0


def test_coverage_follows_removals():
    bm25 = BM25Index()
    texts = ["wombat fires burrow", "wombat hole", "fires in australia", "wombat"]
    for t in texts:
        bm25.add(t, "")
    bm25.remove(3)
    live = [set(terms(t)) for t in texts[:3]]

    def idf(term):
        df = sum(term in doc for doc in live)
        return math.log(1 + (3 - df + 0.5) / (df + 0.5))

    query = terms("wombat fires")
    cover_q, cover_d = bm25.coverage(query, np.array([0, 1, 2]))
    for i, doc in enumerate(live):
        shared = sum(idf(t) for t in doc & set(query))
        assert cover_q[i] == pytest.approx(shared / sum(idf(t) for t in set(query)))
        assert cover_d[i] == pytest.approx(shared / sum(idf(t) for t in doc))


def test_numbers_and_years(model):
    query = "Photo of 40 protesters in London — Someone (@someone) June 4, 2019"
    docs = ["40 protesters in London in 2019", "12 protesters in London in 2017", "Protesters in London"]
    s = signals_of(model, query, docs)
    assert s["num_shared"][0] > 0 and s["num_unmatched"][0] == 0
    assert s["num_shared"][1] == 0 and s["num_unmatched"][1] == 1
    assert (s["year_match"][0], s["year_clash"][0]) == (1, 0)
    assert (s["year_match"][1], s["year_clash"][1]) == (0, 1)
    assert s["num_unmatched"][2] == s["year_match"][2] == s["year_clash"][2] == 0


def test_the_index_gives_every_feature_for_each_candidate():
    index = Index()
    index.add(1, "Drinking bleach cures the coronavirus in 2020.", "Bleach cure")
    index.add(2, "The moon landing was staged.", "")
    index.remove(2)
    slots, matrix = index.candidates("bleach cures coronavirus, 2020")
    assert matrix.shape == (len(slots), len(FEATURES)) and len(slots) == 1
    assert np.isfinite(matrix).all()
    assert matrix[0, FEATURES.index("year_match")] == 1
