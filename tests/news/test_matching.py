"""The matching rule (core.shingles) and the indexed lookup for one quote (news.matching)."""

import doctest

import pytest

from api.core import shingles
from api.core.shingles import index_hashes, probe, repeats
from api.news.matching import _candidate_ids, repeated_statements
from api.news.models import Speaker, Statement

LONG = "we will not back down from this fight"


@pytest.mark.parametrize(
    ("speaker", "norm", "statement_speaker", "statement_norm", "expected"),
    [
        (1, LONG, 1, LONG, True),  # the same words
        (1, "not back down from", 1, LONG, True),  # four words inside
        (1, "back down from", 1, LONG, False),  # three words: a stock phrase joins nothing
        (1, f"{LONG} ever again", 1, LONG, True),  # a longer quote containing it
        (1, "will not back dow", 1, LONG, False),  # words, not characters
        (2, LONG, 1, LONG, False),  # another speaker
        (None, LONG, None, LONG, True),  # nameless speakers: the same words only
        (None, "not back down from", None, LONG, False),
        (1, "no comment", 1, "no comment", True),
    ],
)
def test_repeats(speaker, norm, statement_speaker, statement_norm, expected):
    assert repeats(speaker, norm, statement_speaker, statement_norm) is expected
    if expected:  # whatever repeats is a candidate of the index lookup
        assert probe(speaker, norm).candidate(
            probe(speaker, norm).hashes() & index_hashes(statement_speaker, statement_norm)
        )


def test_repeated_statements_for_one_quote(client, post_article):
    post_article(text=f"“{LONG.capitalize()},” said Lloyd Austin.", url="https://m.example/1")
    post_article(text="“Thank you all,” said Lloyd Austin.", url="https://m.example/2")
    austin = Speaker.get(Speaker.name == "Lloyd Austin").id
    assert [s.text for s in repeated_statements(austin, "not back down from this")] == [
        f"{LONG.capitalize()}"
    ]
    assert [s.normalized for s in repeated_statements(austin, f"{LONG} ever again")] == [LONG]
    assert [s.normalized for s in repeated_statements(austin, "thank you all")] == ["thank you all"]
    assert repeated_statements(austin, "thank you") == []
    assert repeated_statements(austin + 1, LONG) == []


def test_a_runs_head_gram_and_tail_are_neighbours_in_the_index():
    """A quote's lookup of its runs' heads lands where its new statement's grams are written."""
    stored = index_hashes(1, "we will not back down")  # runs: 'we will not back', 'will not back down'
    found = probe(1, "we will not back down")
    assert len(stored) == 4  # the first run's head, the last run's tail, each run's gram: no whole
    assert {h + 1 for h in found.heads} <= stored  # each head's gram is the next integer
    assert {h - 1 for h in found.tails} <= {h + 1 for h in found.heads}  # and its tail the one after
    assert found.needs <= stored and found.whole is None
    assert index_hashes(None, "we will not back down") == probe(None, "we will not back down").hashes()
    assert doctest.testmod(shingles).failed == 0


PLACES = "ohio texas maine iowa utah idaho nevada oregon kansas vermont alaska georgia".split()


def test_a_run_the_speaker_always_says_brings_back_only_statements_holding_both_ends(client, post_article):
    """Every stored statement starts 'we are going to': the lookup must not hand them all over."""
    said = "“We are going to fix the roads of {},” said Lloyd Austin."
    text = "\n\n".join(said.format(f"{place} first") for place in PLACES)
    post_article(text=text, url="https://m.example/roads")
    austin = Speaker.get(Speaker.name == "Lloyd Austin").id
    assert Statement.select().where(Statement.speaker == austin).count() == len(PLACES)
    quote = "we are going to fix the roads of texas first and then more"
    assert len(_candidate_ids([probe(austin, quote)])) == 1  # was all twelve: each holds the first run
    assert [s.normalized for s in repeated_statements(austin, quote)] == [
        "we are going to fix the roads of texas first"
    ]
    inside = "going to fix the roads of maine"
    assert len(_candidate_ids([probe(austin, inside)])) == 1
    assert len(_candidate_ids([probe(austin, "we are going to win")])) == 0


def test_words_inside_two_different_sayings_join_the_older_and_merge_neither(client, post_article):
    """'We are going to' is in both: they are two sayings that share four words, not one."""
    said = "“{},” said Lloyd Austin."
    first = post_article(text=said.format("We are going to fix the roads"), url="https://m.example/a")
    second = post_article(text=said.format("We are going to build the schools"), url="https://m.example/b")
    third = post_article(text=said.format("We are going to"), url="https://m.example/c")
    older, newer = (a["quotes"][0]["statement_id"] for a in (first, second))
    assert older != newer
    assert third["quotes"][0]["statement_id"] == older
    assert Statement.select().count() == 2
    assert client.get(f"/statements/{newer}").status_code == 200
    # a saying holding both is a longer version of each: the two fold into the older
    both = post_article(
        text=said.format("We are going to fix the roads and we are going to build the schools"),
        url="https://m.example/d",
    )
    assert both["quotes"][0]["statement_id"] == older and Statement.select().count() == 1


def test_a_lookup_of_hundreds_of_quotes_stays_within_sqlites_compound_select_limit(client, post_article):
    """A 2 MB article's quotes are looked up together: more pairs than one UNION may hold on SQLite
    (500 SELECTs), which answered 500 'too many terms in compound SELECT'."""
    said = "“We will fund the roads of {} {} {} soon,” said Lloyd Austin."
    places = [(a, b, c) for a in PLACES[:9] for b in PLACES for c in PLACES[:6]][:600]
    post_article(text="\n\n".join(said.format(*p) for p in places), url="https://m.example/many")
    austin = Speaker.get(Speaker.name == "Lloyd Austin").id
    stored = {s.id for s in Statement.select().where(Statement.speaker == austin)}
    assert len(stored) == len(places)
    quotes = [probe(austin, f"we will fund the roads of {a} {b} {c} soon") for a, b, c in places]
    assert _candidate_ids(quotes) == stored
