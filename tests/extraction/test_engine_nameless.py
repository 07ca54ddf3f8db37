"""Nameless speakers are descriptions (kind unknown): the service stores no speaker record
for them, and their quotes keep the mention.  Through the engine and through the API."""

from __future__ import annotations

import pytest

from api.extraction import ORGANIZATION, PERSON, UNKNOWN, extract

from ..fixtures.engine_languages import WIRE_SENTENCES


@pytest.mark.parametrize("text", WIRE_SENTENCES.values(), ids=WIRE_SENTENCES.keys())
def test_nameless_speakers_are_unknown(text):
    (q,) = extract(text)
    assert q.mention is not None
    assert q.speaker is None or q.speaker.kind == UNKNOWN


def test_said_jan_egeland_keeps_the_given_name():
    text = "“The situation is dire and getting worse,” said Jan Egeland, secretary general of the council."
    (q,) = extract(text)
    assert q.speaker.name == "Jan Egeland" and q.speaker.kind == PERSON


@pytest.mark.parametrize("text", WIRE_SENTENCES.values(), ids=WIRE_SENTENCES.keys())
def test_no_speaker_record_for_a_nameless_speaker(client, text):
    body = client.post("/articles", json={"text": text}).get_json()
    assert body["speakers"] == []
    (quote,) = body["quotes"]
    assert quote["speaker"] is None and quote["mention"]["text"]
    assert client.get("/speakers").get_json()["items"] == []


def test_extract_takes_a_language(client):
    text = "„Wir prüfen das sehr genau und ohne Zeitdruck“, sagte ein Sprecher des Ministeriums."
    quotes = client.post("/extract", json={"text": text, "language": "de"}).get_json()["quotes"]
    assert [q["mention"]["text"] for q in quotes] == ["ein Sprecher"]
    assert quotes[0]["speaker"]["kind"] == UNKNOWN
    assert client.post("/extract", json={"text": text, "language": None}).get_json()["quotes"] == quotes


@pytest.mark.parametrize("language", ["", "deutsch!", "d", 5])
def test_extract_rejects_a_bad_language(client, language):
    assert client.post("/extract", json={"text": "“Yes,” she said.", "language": language}).status_code == 422


def test_an_ambiguous_pronoun_lowers_the_confidence():
    two = "Senator Susan Collins met Governor Janet Mills on Monday. “We agreed on the next steps,” she said."
    one = "Senator Susan Collins met Governor John Mills on Monday. “We agreed on the next steps,” she said."
    (ambiguous,), (clear,) = extract(two), extract(one)
    assert clear.speaker.name == "Susan Collins"
    assert ambiguous.mention.text == "she" and ambiguous.confidence < clear.confidence


@pytest.mark.parametrize(
    "text",
    [
        "Critics have dubbed the proposal the “Great Shutdown.”",
        "The so-called “Gang of Eight” met again on Monday.",
    ],
)
def test_a_coined_name_is_no_quote(text):
    assert extract(text) == ()


def test_a_lowercase_fragment_after_dubbed_is_still_a_quote_when_attributed():
    text = "Trump dubbed the plan “a total disaster for our country,” he told reporters."
    assert [q.text for q in extract(text)] == ["a total disaster for our country"]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Jane Roe, the district superintendent, said: “Schools will reopen on Monday for all students.”",
        "“Schools will reopen on Monday for all students,” said Dr. Jane Roe, the district superintendent.",
    ],
)
def test_the_appositive_gives_the_title_not_the_honorific(text):
    (q,) = extract(text)
    assert (q.speaker.name, q.speaker.title) == ("Jane Roe", "district superintendent")


def test_a_one_word_source_met_first_after_according_to_is_an_organisation():
    (q,) = extract("According to Yonhap, “the missile flew 800 kilometres.”")
    assert q.speaker.name == "Yonhap" and q.speaker.kind == ORGANIZATION
    # a person named before keeps being one
    text = "Bill Farley spoke on Monday. According to Farley, “the deal is done.”"
    (q,) = extract(text)
    assert q.speaker.name == "Bill Farley" and q.speaker.kind == PERSON


def test_with_one_poster_writing():
    text = "The forum filled up, with one poster writing: “This is the worst update ever shipped.”"
    (q,) = extract(text)
    assert q.mention.text == "one poster" and q.speaker.kind == UNKNOWN


def test_an_article_s_language_reaches_the_engine(client):
    text = (
        "Bundeskanzlerin Angela Merkel traf am Montag die Presse in Berlin. "
        "„Wir schaffen das, und zwar gemeinsam mit unseren Partnern“, sagte sie."
    )
    body = client.post("/articles", json={"text": text, "language": "de"}).get_json()
    assert body["language"] == "de"
    assert [s["name"] for s in body["speakers"]] == ["Angela Merkel"]
    (quote,) = body["quotes"]
    assert quote["mention"]["text"] == "sie" and quote["speaker"]["name"] == "Angela Merkel"
