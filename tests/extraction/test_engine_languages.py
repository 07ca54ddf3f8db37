"""Languages as data: detection, the German lexicon through the language-neutral stages,
and English unchanged when its language is given."""

from __future__ import annotations

import pytest

from api.extraction import LEXICONS, ORGANIZATION, PERSON, UNKNOWN, detect_language, extract
from api.extraction.lexicons import lexicon_for

from ..fixtures.engine_languages import ENGLISH_ARTICLE, GERMAN_ARTICLE


def by_text(quotes):
    return {q.text: q for q in quotes}


@pytest.mark.parametrize(
    "text, code",
    [
        (GERMAN_ARTICLE, "de"),
        (ENGLISH_ARTICLE, "en"),
        ("„Wir kommen wieder.“", "de"),  # the German opening mark alone decides
        ("", "en"),
        ("12345", "en"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_lexicon_for_a_tag_picks_its_language_and_detects_otherwise():
    assert lexicon_for("de-AT").code == "de"
    assert lexicon_for("EN").code == "en"
    assert lexicon_for("fr", GERMAN_ARTICLE).code == "de"  # no French lexicon yet: detected
    assert lexicon_for(None, ENGLISH_ARTICLE).code == "en"


def test_every_lexicon_fills_every_field():
    for lx in LEXICONS.values():
        assert lx.speech_verbs and lx.stopwords and lx.determiners and lx.pronouns and lx.title_stems


def test_german_quotes_and_speakers():
    quotes = by_text(extract(GERMAN_ARTICLE, "de"))
    merkel = quotes["Wir schaffen das, und zwar gemeinsam mit unseren Partnern"]
    assert merkel.mention.text == "sie"
    assert merkel.speaker.name == "Angela Merkel" and merkel.speaker.kind == PERSON
    assert merkel.speaker.title == "Bundeskanzlerin"
    first, second = quotes["Wir werden nicht nachgeben."], quotes["Das ist unser letztes Wort."]
    assert first.mention.text == "Der Vorsitzende Peter Müller" and first.cue.text == "erklärte"
    assert second.mention.text == "Müller"
    assert first.speaker == second.speaker and second.speaker.name == "Peter Müller"


def test_german_title_of_a_paper_is_no_quote():
    assert "Der Spiegel" not in by_text(extract(GERMAN_ARTICLE, "de"))


def test_german_nameless_speaker_keeps_its_mention():
    q = by_text(extract(GERMAN_ARTICLE))["Wir prüfen das sehr genau und ohne Zeitdruck"]
    assert q.mention.text == "ein Sprecher"
    assert q.speaker.kind == UNKNOWN


def test_german_inverted_cue_and_so():
    text = (
        "„Die Lage ist ernst, aber beherrschbar“, so der Minister. "
        "„Wir kommen ganz sicher wieder nach Berlin“, sagte Angela Merkel."
    )
    quotes = by_text(extract(text, "de"))
    assert quotes["Die Lage ist ernst, aber beherrschbar"].mention.text == "der Minister"
    assert quotes["Wir kommen ganz sicher wieder nach Berlin"].speaker.name == "Angela Merkel"


def test_laut_gives_the_source():
    text = "Laut Innenminister Hans Weber ist die Lage „vollkommen unter Kontrolle“."
    (q,) = extract(text, "de")
    assert q.speaker.name == "Hans Weber" and q.speaker.title == "Innenminister"


def test_german_police_is_an_organisation_and_offsets_hold():
    text = "„Wir haben die Lage unter Kontrolle und bitten um Geduld“, teilte die Polizei mit."
    (q,) = extract(text, "de")
    assert text[q.start : q.end] == q.text
    assert q.mention.text == "die Polizei" and q.speaker.kind in (ORGANIZATION, UNKNOWN)
    assert 0.0 <= q.confidence <= 1.0


def test_english_given_or_detected_is_the_same():
    assert extract(ENGLISH_ARTICLE, "en") == extract(ENGLISH_ARTICLE) == extract(ENGLISH_ARTICLE, "en-US")


@pytest.mark.parametrize(
    "text, mention",
    [
        # A sentence's first word written lowercase elsewhere, or a preposition, starts no name.
        (
            "Die Lage ist ernst. Gegenüber der Presse erklärte der Minister: „Wir sind noch nicht so weit.“",
            "der Minister",
        ),
        (
            "Die Schule schließt. Relativierend fügt Gall hinzu: „Das ist nicht das Ende.“ "
            "Das war relativierend.",
            "Gall",
        ),
        # angesichts solcher ⟦Alternativen⟧: inside a prepositional phrase, no subject
        (
            "Angesichts solcher Alternativen nannte Reinhard Jung, Geschäftsführer des Bauernbundes, "
            "die Kartoffel „überflüssig wie ein Kropf“.",
            "Reinhard Jung",
        ),
    ],
)
def test_german_sentence_openers_are_no_speakers(text, mention):
    (q,) = extract(text, "de")
    assert q.mention.text == mention


def test_german_cue_words_learned_from_train_are_cues():
    assert "meldete" in LEXICONS["de"].speech_verbs  # from lexicons/de_cues.txt, not the hand list
    (q,) = extract("„Die Zahl der Opfer ist auf zwölf gestiegen“, meldete die Agentur am Abend.", "de")
    assert q.mention.text == "die Agentur" and q.cue.text == "meldete"


def test_german_word_lists_built_from_train_load():
    de, en = LEXICONS["de"], LEXICONS["en"]
    assert "Montag" in de.common_nouns and "derzeit" in de.openers
    assert all(w[1:].islower() for w in de.common_nouns)  # acronyms (SPD, BBC) name something
    assert not en.common_nouns and not en.openers
