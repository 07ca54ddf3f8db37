"""One statement, many appearances: the same words of the same speaker across outlets."""

CLAIM = "We have 90 percent health insurance coverage in this state"


def statement_of(client, quote):
    return client.get(f"/statements/{quote['statement_id']}").get_json()


def test_same_quote_in_two_outlets_is_one_statement_first_seen_earliest(client, post_article):
    later = post_article(
        text=f"“{CLAIM},” said Lloyd Austin.", url="https://a.example/1", published_at="2024-03-05"
    )
    earlier = post_article(
        text=f"Austin spoke. “{CLAIM.upper()}!” said Lloyd Austin.",
        url="https://b.example/1",
        published_at="2024-03-01T08:00:00Z",
    )
    assert later["quotes"][0]["statement_id"] == earlier["quotes"][0]["statement_id"]
    statement = statement_of(client, later["quotes"][0])
    assert statement["appearance_count"] == 2
    assert statement["first_seen_at"] == "2024-03-01T08:00:00Z"
    assert [a["article"]["id"] for a in statement["appearances"]] == [earlier["id"], later["id"]]
    assert statement["speaker"]["name"] == "Lloyd Austin"
    assert [c["text"] for c in statement["claims"]] == [CLAIM]
    assert client.get("/claims").get_json()["total"] == 1


def test_partial_quote_inside_a_longer_one_is_the_same_statement(client, post_article):
    full = post_article(text=f"“{CLAIM},” said Lloyd Austin.", url="https://a.example/2")
    part = post_article(
        text="“Percent health insurance coverage,” said Lloyd Austin.", url="https://b.example/2"
    )
    assert part["quotes"][0]["statement_id"] == full["quotes"][0]["statement_id"]
    statement = statement_of(client, full["quotes"][0])
    assert statement["text"].startswith("We have 90 percent")


def test_longer_quote_arriving_later_joins_and_extends_the_partial(client, post_article):
    part = post_article(
        text="“percent health insurance coverage,” said Lloyd Austin.", url="https://a.example/3"
    )
    full = post_article(text=f"“{CLAIM},” said Lloyd Austin.", url="https://b.example/3")
    assert part["quotes"][0]["statement_id"] == full["quotes"][0]["statement_id"]
    assert statement_of(client, part["quotes"][0])["text"].startswith("We have 90 percent")


def test_short_fragments_and_other_speakers_stay_apart(client, post_article):
    full = post_article(
        text="“This plan is a disaster for families,” said Lloyd Austin.", url="https://a.example/4"
    )
    short = post_article(text="“a disaster,” said Lloyd Austin.", url="https://b.example/4")
    other = post_article(
        text="“This plan is a disaster for families,” said Maria Gomez.", url="https://c.example/4"
    )
    ids = {a["quotes"][0]["statement_id"] for a in (full, short, other)}
    assert len(ids) == 3


def test_statement_list_filters_and_404(client, post_article):
    a = post_article(
        text=f"“{CLAIM},” said Lloyd Austin.", url="https://a.example/5", published_at="2024-01-01"
    )
    post_article(text=f"“{CLAIM},” said Lloyd Austin.", url="https://b.example/5", published_at="2024-02-01")
    post_article(text="“Something else entirely was said here,” said Maria Gomez.", url="https://c.example/5")
    repeated = client.get("/statements?min_appearances=2").get_json()
    assert [s["appearance_count"] for s in repeated["items"]] == [2]
    austin = a["speakers"][0]["id"]
    assert client.get(f"/statements?speaker={austin}").get_json()["total"] == 1
    assert client.get("/statements?until=2023-12-31").get_json()["total"] == 0
    assert client.get("/statements/99999").status_code == 404
    assert client.get("/statements?min_appearances=0").status_code == 422


def test_deleting_an_appearance_keeps_the_statement_and_moves_first_seen(client, post_article):
    early = post_article(
        text=f"“{CLAIM},” said Lloyd Austin.", url="https://a.example/6", published_at="2020-01-01"
    )
    late = post_article(
        text=f"“{CLAIM},” said Lloyd Austin.", url="https://b.example/6", published_at="2024-01-01"
    )
    client.delete(f"/articles/{early['id']}")
    statement = statement_of(client, late["quotes"][0])
    assert statement["appearance_count"] == 1 and statement["first_seen_at"] == "2024-01-01T00:00:00Z"
    client.delete(f"/articles/{late['id']}")
    statement = statement_of(client, late["quotes"][0])
    assert statement["appearance_count"] == 0 and statement["first_seen_at"] == "2024-01-01T00:00:00Z"
    assert client.get("/claims").get_json()["total"] == 1
