"""The matching rule (core.shingles) and the indexed lookup for one quote (news.matching)."""

import pytest

from api.core.shingles import index_hashes, probe, repeats
from api.news.matching import repeated_statements
from api.news.models import Speaker

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


def test_a_runs_head_and_gram_are_neighbours_in_the_index():
    """A quote's lookup of its runs' heads lands where its new statement's grams are written."""
    stored = index_hashes(1, "we will not back down")  # runs: 'we will not back', 'will not back down'
    found = probe(1, "we will not back down")
    assert len(stored) == 3  # the first run's head, and each run's gram: no hash of the whole words
    assert {h + 1 for h in found.heads} <= stored  # each head's gram is the next integer
    assert found.needs <= stored and found.whole is None
    assert index_hashes(None, "we will not back down") == probe(None, "we will not back down").hashes()
