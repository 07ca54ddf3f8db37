"""An article whose later quote bridges statements its earlier quotes were given (PolNeAR's
breitbart_2015-12-11 and breitbart_2016-03-11 lost this way): every quote is stored, and each
points at the statement that survived the merge."""

from api.news.models import Quote, Statement, StatementHash

PART_ONE = "we are going to build a wall on the border"
PART_TWO = "and mexico is going to pay for it believe me"
BRIDGE = f"{PART_ONE} {PART_TWO}"

# Two partial quotes, then the full sentence that contains both: the third quote's matching
# folds the second quote's statement into the first one's, within the same article.
WITHIN = (
    f"Donald Trump spoke in Iowa.\n\n“{PART_ONE.capitalize()},” Donald Trump said.\n\n"
    f"“{PART_TWO.capitalize()},” Donald Trump said.\n\n"
    f"Later he repeated it: “{BRIDGE.capitalize()},” Donald Trump said.\n"
)


def test_a_quote_bridging_two_earlier_quotes_of_its_article_is_stored(client, post_article):
    article = post_article(text=WITHIN, url="https://f.example/within")
    ids = [q["statement_id"] for q in article["quotes"]]
    assert len(ids) == 3 and len(set(ids)) == 1
    statement = client.get(f"/statements/{ids[0]}").get_json()
    assert statement["text"].lower().startswith(PART_ONE) and statement["appearance_count"] == 3
    assert Statement.select().count() == 1
    assert Quote.select().where(Quote.statement.is_null()).count() == 0


def test_a_later_quote_folds_stored_statements_an_earlier_quote_of_its_article_joined(client, post_article):
    first = post_article(text=f"“{PART_ONE.capitalize()},” Donald Trump said.", url="https://f.example/1")
    second = post_article(text=f"“{PART_TWO.capitalize()},” Donald Trump said.", url="https://f.example/2")
    # Quote 1 joins PART_TWO's statement; quote 2 bridges both stored statements, folding the
    # newer one (PART_TWO's, which quote 1 was given) into the older one.
    third = post_article(
        text=(
            f"“{PART_TWO.capitalize()},” Donald Trump said on Monday.\n\n"
            f"“{BRIDGE.capitalize()},” Donald Trump said on Tuesday.\n"
        ),
        url="https://f.example/3",
    )
    survivor = first["quotes"][0]["statement_id"]
    assert [q["statement_id"] for q in third["quotes"]] == [survivor, survivor]
    assert client.get(f"/statements/{second['quotes'][0]['statement_id']}").status_code == 404
    assert client.get(f"/quotes/{second['quotes'][0]['id']}").get_json()["statement_id"] == survivor
    assert client.get(f"/statements/{survivor}").get_json()["appearance_count"] == 4
    gone = second["quotes"][0]["statement_id"]
    assert StatementHash.select().where(StatementHash.statement == gone).count() == 0


def test_matching_is_the_same_whichever_way_the_words_are_indexed(client, post_article):
    """Exact repeats of short words, partial quotes of four words or more, other speakers apart."""
    a = post_article(
        text="“No comment,” Donald Trump said. “No comment,” Maria Gomez said.", url="https://f.example/a"
    )
    b = post_article(text="“No comment,” Donald Trump said.", url="https://f.example/b")
    assert b["quotes"][0]["statement_id"] == a["quotes"][0]["statement_id"]
    assert a["quotes"][1]["statement_id"] != a["quotes"][0]["statement_id"]
