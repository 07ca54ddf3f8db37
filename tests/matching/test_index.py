"""The matching engine: add, replace, remove, search; scores in [0, 1], best first."""

from __future__ import annotations

import doctest
import threading

import pytest

import api.matching
import api.matching.text
from api.matching import Index
from api.matching.text import clean, terms

CLAIMS = {
    1: ("Coverage in this state is at 90 percent.", "Health insurance in Texas"),
    2: ("The moon landing was staged in a studio.", "Was the Moon Landing Faked?"),
    3: ("Bill Gates wants to microchip people through vaccines.", "Gates and the vaccine chip"),
    4: ("Drinking bleach cures the coronavirus.", ""),
}


@pytest.fixture
def index():
    built = Index()
    for key, (text, title) in CLAIMS.items():
        built.add(key, text, title)
    return built


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("We have 90 percent health insurance coverage", 1),
        ("NASA faked the moon landings in a studio", 2),
        ("Gates will put a microchip in the vaccines #plandemic https://t.co/x", 3),
        ("bleach will cure coronavirus, drink it", 4),
    ],
)
def test_a_paraphrase_finds_its_claim_first(index, query, expected):
    assert index.search(query)[0][0] == expected


def test_scores_are_in_unit_range_and_best_first(index):
    found = index.search("the moon landing was staged in a studio, not faked", k=4)
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert found[0][0] == 2 and found[0][1] > 0.3


def test_k_limits_the_results(index):
    assert len(index.search("vaccines moon bleach coverage", k=2)) == 2
    assert index.search("vaccines", k=0) == []


def test_an_unrelated_query_scores_low_and_an_empty_one_finds_nothing(index):
    assert all(score < 0.05 for _, score in index.search("completely unrelated words about gardening"))
    assert index.search("") == [] and index.search("zzqx vvkw") == []


def test_add_with_the_same_key_replaces(index):
    index.add(2, "Elvis is alive and living in Argentina.")
    assert len(index) == 4
    assert all(score < 0.05 for key, score in index.search("moon landing staged") if key == 2)
    assert index.search("Elvis alive in Argentina")[0][0] == 2


def test_remove_forgets_and_ignores_unknown_keys(index):
    index.remove(3)
    index.remove(3)
    index.remove(999)
    assert len(index) == 3 and 3 not in index
    assert all(key != 3 for key, _ in index.search("Gates microchip vaccines"))


def test_an_empty_index_finds_nothing():
    assert Index().search("anything at all") == [] and len(Index()) == 0


def test_many_entries_with_a_common_term_keep_the_rare_one_first():
    index = Index()
    for key in range(5000):  # past the postings cap for 'tax'
        index.add(key, f"The tax rate rose in year {key}.")
    index.add(10_000, "The tax on tampons was abolished.")
    assert index.search("tampon tax abolished")[0][0] == 10_000
    for key in range(0, 5000, 2):
        index.remove(key)
    assert len(index) == 2501
    assert index.search("tax rate year 4001")[0][0] == 4001


def test_tweet_noise_is_cleaned():
    tweet = "Wow #AustralianFires pic.twitter.com/0eJt https://t.co/x — Ann (@BioDiv) January 14, 2020"
    assert "twitter" not in clean(tweet) and "t.co" not in clean(tweet)
    assert terms(tweet) == ["wow", "australian", "fir", "ann", "bio", "div", "januar", "14", "2020"]
    assert terms("The protesters' 1,200 vaccines") == ["protest", "1200", "vaccin"]


@pytest.mark.parametrize("module", [api.matching, api.matching.text])
def test_the_worked_examples_hold(module):
    assert doctest.testmod(module).failed == 0


def test_threads_may_add_and_search_at_once():
    index = Index()
    errors = []

    def writer(start):
        try:
            for key in range(start, start + 300):
                index.add(key, f"Claim number {key} about taxes and vaccines in city {key % 7}.")
                if key % 3 == 0:
                    index.remove(key)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def reader():
        try:
            for _ in range(200):
                index.search("taxes vaccines city 3", k=5)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n * 1000,)) for n in range(3)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(index) == 3 * 200
    assert index.search("Claim number 1001 taxes vaccines")[0][0] == 1001
