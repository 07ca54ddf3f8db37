"""Searches with many matches (more than SEARCH_COUNT_LIMIT) find their pages by walking the list's
order (db/paging.py, WALK rows at most, else sorting the matches): the same pages as sorting every
match, and a total that says it stopped counting."""

from __future__ import annotations

import logging

import pytest

from api.db import paging
from api.db.prepared import Statements
from api.news.models import Speaker

from ..apps import keyed_client, make_app, reset_database
from ..payloads import article_payload

SPEAKERS = ["Ann Jonson", "Bo Carson", "Cy Mason", "Di Wilson", "Ed Benson", "Flo Hart"]


def _text(i: int) -> str:
    return " ".join(
        f"“The budget of {n.split()[1]} rose {i + 3} percent in {2000 + i} and taxes fell {i} percent,”"
        f" said {n}."
        for n in SPEAKERS[i % 3 :]
    )


def _pages(client, url: str) -> list[int]:
    seen = []
    while url:
        page = client.get(url).get_json()
        seen += [item.get("name") or item["text"] for item in page["items"]]  # ids differ between runs
        url = page["next"]
    return seen


def _archive(database_url, host: str, cap: int):
    """A client of a fresh app (SEARCH_COUNT_LIMIT ``cap``, no response cache) over the six articles
    (quoted: Ann Jonson 2 times, Bo Carson 4, the four others 6)."""
    app = make_app(database_url, SEARCH_COUNT_LIMIT=cap, RESPONSE_CACHE=False)
    reset_database(app)
    client = keyed_client(app, "admin")
    for i in range(6):
        body = article_payload(url=f"https://{host}/{i}", text=_text(i), published_at=f"2024-01-0{1 + i}")
        assert client.post("/articles", json=body).status_code == 201
    return app, client


@pytest.mark.parametrize(
    "path", ["/speakers?q=son", "/speakers?q=o", "/claims?q=budget", "/claims?q=tax&status=unreviewed"]
)
@pytest.mark.parametrize("reach", [2, 4, 2000])
def test_walked_pages_equal_sorted_pages(database_url, monkeypatch, path, reach):
    monkeypatch.setattr(paging, "WALK", reach)
    monkeypatch.setattr(paging, "STATEMENTS", Statements())  # this test's SQL only, walks counted
    walks, compile_search = [], paging.compile_search
    monkeypatch.setattr(paging, "compile_search", lambda *a, **k: walks.append(k) or compile_search(*a, **k))
    found = {}
    for cap in (1, 1000):  # more matches than 1: walked; fewer than 1000: sorted
        _, client = _archive(database_url, "w.example", cap)
        first = client.get(path).get_json()
        found[cap] = (_pages(client, path + "&limit=2"), first["total"], first["total_exact"])
        if cap == 1:  # many matches: walked (on PostgreSQL every search is one such statement)
            assert walks, "the walk was not tried"
            walked = len(walks)
    if database_url.startswith("postgres"):  # the one statement, count and walk together, each time
        assert all(k.get("counted", True) for k in walks)
    else:
        assert len(walks) == walked  # sorted: no walk
    assert found[1][0] == found[1000][0] and len(found[1000][0]) >= 3
    assert found[1][1:] == (1, False) and found[1000][1:] == (len(found[1000][0]), True)


def test_a_walk_finds_a_speaker_by_an_alias_a_merge_gave_it(database_url, monkeypatch):
    """The walk tests ``speaker.names``, which triggers on speakeralias keep (migration 0008): a merge
    moves the old speaker's aliases to the one it joins, and a walk then finds that one by them; a list
    shows them (``speaker.aliases_json``) as the speaker's own page does."""
    monkeypatch.setattr(paging, "STATEMENTS", Statements())
    app, client = _archive(database_url, "m.example", 1)
    ids = {s["name"]: s["id"] for s in client.get("/speakers?limit=100").get_json()["items"]}
    before = _pages(client, "/speakers?q=son&limit=2")
    assert "Flo Hart" not in before and "Bo Carson" in before
    merged = client.post(f"/speakers/{ids['Bo Carson']}/merge", json={"into": ids["Flo Hart"]})
    assert merged.status_code == 200
    after = _pages(client, "/speakers?q=son&limit=2")
    assert "Flo Hart" in after and "Bo Carson" not in after
    with app.app_context():
        names = Speaker.get_by_id(ids["Flo Hart"]).names
    assert sorted(names.split("\n")) == ["bo carson", "flo hart"]
    listed = client.get("/speakers?q=hart").get_json()["items"]  # aliases from the speaker's row
    detail = client.get(f"/speakers/{ids['Flo Hart']}").get_json()  # from its alias rows
    assert listed[0]["aliases"] == detail["aliases"] == ["Flo Hart", "Bo Carson"]


@pytest.mark.parametrize("cap", [1, 1000])  # walked, sorted
def test_one_compiled_statement_serves_every_word_of_a_search(database_url, monkeypatch, cap):
    """A search's terms are parameters of its SQL (``db.paging.Deferred`` slots): another word of
    the same kind builds nothing new, and finds its own speakers."""
    cache = Statements()
    monkeypatch.setattr(paging, "STATEMENTS", cache)
    app, client = _archive(database_url, "s.example", cap)
    assert len(_pages(client, "/speakers?q=son&limit=2")) == 5  # many matches: walked when cap is 1
    assert _pages(client, "/speakers?q=ars&limit=2") == ["Bo Carson"]  # one: sorted
    built = len(cache._kept)
    assert sorted(_pages(client, "/speakers?q=nson&limit=2")) == ["Ann Jonson", "Ed Benson"]
    assert _pages(client, "/speakers?q=jon&limit=2") == ["Ann Jonson"]
    assert len(cache._kept) == built


def _statements_of_a_search(database_url, caplog, path: str, cap: int) -> tuple:
    """The first page of ``path`` over the six articles (names, total, exact) and the SQL it ran."""
    app, client = _archive(database_url, "o.example", cap)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        page = client.get(path).get_json()
    statements = [str(record.msg) for record in caplog.records if record.name == "peewee"]
    return [s["name"] for s in page["items"]], page["total"], page["total_exact"], statements


@pytest.mark.parametrize("reach, walked", [(5, True), (2, False)])
def test_a_first_page_the_walk_would_not_fill_is_sorted_without_walking(
    database_url, monkeypatch, caplog, reach, walked
):
    """SQLite: the count tells how many of the matches it counted lie within the walk's reach (their
    quote count above the reach's last row's). With more than a page of them the page is walked
    for; with no more (``?q=obama`` at 1M quotes) it is sorted from the matches, read up to a bound,
    and the walk never runs."""
    if database_url.startswith("postgres"):
        pytest.skip(
            "PostgreSQL counts, walks and sorts in one statement (test_walked_pages_equal_sorted_pages)"
        )
    monkeypatch.setattr(paging, "WALK", reach)  # reach 5: the 5th row is quoted 4 times; 2: 6 times
    monkeypatch.setattr(paging, "STATEMENTS", Statements())
    *sorted_page, _ = _statements_of_a_search(database_url, caplog, "/speakers?q=son&limit=1", 1000)
    # counted up to 4: Jonson, Carson, Mason, Wilson (in the trigram index's order), 2 quoted 6 times
    *page, statements = _statements_of_a_search(database_url, caplog, "/speakers?q=son&limit=1", 3)
    assert page == [sorted_page[0], 3, False] and len(page[0]) == 1
    assert sum("LIKE" in s for s in statements) == (1 if walked else 0)  # the walk tests speaker.names
    assert sum("MATERIALIZED" in s for s in statements) == (0 if walked else 1)  # the matches read
    assert not any("_total" in s for s in statements)  # counted once, by the count that chose


def test_a_walk_out_of_reach_sorts_the_matches_without_counting_them_again(database_url, monkeypatch, caplog):
    """SQLite: past the cap, a walk that finds too few matches within its reach gives way to every
    match sorted, by a statement without the capped count: the count before the walk said already
    that there are more than the cap. (A first page gets there when its matches are more than
    ``SORT_BOUND``.)"""
    if database_url.startswith("postgres"):
        pytest.skip(
            "PostgreSQL counts, walks and sorts in one statement (test_walked_pages_equal_sorted_pages)"
        )
    monkeypatch.setattr(paging, "WALK", 2)  # the walk reaches the two most quoted speakers only
    monkeypatch.setattr(paging, "SORT_BOUND", 1)  # the five matches are more: walked for
    monkeypatch.setattr(paging, "STATEMENTS", Statements())
    *sorted_page, _ = _statements_of_a_search(database_url, caplog, "/speakers?q=son&limit=4", 1000)
    *page, statements = _statements_of_a_search(database_url, caplog, "/speakers?q=son&limit=4", 1)
    assert page == [sorted_page[0], 1, False] and len(page[0]) == 4
    assert sum("LIKE" in s for s in statements) == 1  # the walk, which fell short
    assert not any("_total" in s for s in statements)  # the sorted page counts nothing


@pytest.mark.parametrize("kept", ["fresh", "above every row", "below every row", "none"])
def test_a_first_page_walks_to_a_reach_read_once_in_a_while(database_url, monkeypatch, kept):
    """PostgreSQL: a first page's walk stops at the reach read once per REACH_KEPT seconds
    (``db.paging.reach``), not by each statement. Whatever the kept values (stale: above every row,
    below every row, or none), pages are those of sorting every match; the reach is read once for
    many requests."""
    if not database_url.startswith("postgres"):
        pytest.skip("SQLite's walk finds its reach in its own statement")
    monkeypatch.setattr(paging, "STATEMENTS", Statements())
    monkeypatch.setattr(paging, "WALK", 3)
    monkeypatch.setattr(paging, "_reaches", {})
    app, client = _archive(database_url, "r.example", 1)
    reads, compile_reach = [], paging.compile_reach

    class Counted:  # the reach's statement, its runs counted
        def __init__(self, statement):
            self.statement = statement

        def run(self, *values):
            reads.append(values)
            return self.statement.run(*values)

    monkeypatch.setattr(paging, "compile_reach", lambda *a: Counted(compile_reach(*a)))
    sorted_pages = _pages(client, "/speakers?q=son&limit=100")  # one page: all five matches, sorted
    assert len(sorted_pages) == 5
    if kept != "fresh":
        stale = {"above every row": (10**6, 10**12), "below every row": (0, 0), "none": (None, None)}
        for key in list(paging._reaches):
            paging._reaches[key] = (paging._reaches[key][0], stale[kept])
    for _ in range(3):
        first = client.get("/speakers?q=son&limit=2").get_json()
        assert (first["total"], first["total_exact"]) == (1, False)
        assert [s["name"] for s in first["items"]] == sorted_pages[:2]
        assert _pages(client, "/speakers?q=son&limit=2") == sorted_pages
    assert len(reads) == 1 and len(paging._reaches) == 1  # read once, for every first page since
    monkeypatch.setattr(paging, "REACH_KEPT", -1.0)  # kept too long: read again
    assert [s["name"] for s in client.get("/speakers?q=son&limit=2").get_json()["items"]] == sorted_pages[:2]
    assert len(reads) == 2
    monkeypatch.setattr(paging, "REACH_KEPT", 10.0)
    with app.app_context():  # kept per database: a process serving another (a benchmark) reads its own
        monkeypatch.setattr(paging.database.obj, "database", "another")
        assert client.get("/speakers?q=son&limit=2").status_code == 200
    assert len(reads) == 3 and len(paging._reaches) == 2
