"""The language-neutral speaker model: what a candidate's head word says (lexical.py), and how
scripts/train_attribution.py labels and fits it (every candidate overlapping the gold source
is right). Small German fixtures of our own; nothing here reads ../shared."""

from __future__ import annotations

import pytest

from api.extraction import LEXICONS, generic
from api.extraction.lexical import head_features, head_word
from api.extraction.naming import named_apposition
from api.extraction.ranking import Model, load_models

from .scripts import script_module

DE = LEXICONS["de"]


def candidates(text: str) -> list[tuple[str, list[str]]]:
    """The first quote's candidates: (mention text, features)."""
    _, _, _, found = generic.items(text, DE)
    return [(text[m.start : m.end], f) for m, f in found[0].candidates]


@pytest.mark.parametrize(
    "text, mention, head",
    [
        (
            "Dann sagte der ehemalige Minister Hans Weber: „Nein.“",
            "der ehemalige Minister Hans Weber",
            "minister",
        ),
        ("Danach sagte er: „Nein.“", "er", "er"),
        ("Dann sagte Angela Merkel: „Nein.“", "Angela Merkel", "<name>"),
        ("Die Maßnahmen seien teuer, sagte Weber: „Nein.“", "Die Maßnahmen", "maßnahmen"),
        ("Laut der Polizei gab es „keine Verletzten“.", "der Polizei", "polizei"),
    ],
)
def test_a_candidate_carries_its_head_word(text, mention, head):
    (features,) = [f for m, f in candidates(text) if m == mention]
    assert f"head:{head}" in features


def test_the_suffix_names_heads_train_never_saw():
    text = "Die Entscheidung fiel spät, sagte die Ministerin: „Nein.“"
    by_mention = dict(candidates(text))
    assert "suffix:ung" in by_mention["Die Entscheidung"]
    assert "suffix:rin" in by_mention["die Ministerin"]
    # a name or a short head has none: "<name>" says all there is
    assert not any(f.startswith("suffix:") for f in dict(candidates("Dann sagte Weber: „Nein.“"))["Weber"])


def test_a_candidate_carries_the_word_before_it():
    by_mention = dict(candidates("Nach der Sitzung sagte Bundesinnenminister Schily: „Ja.“"))
    assert "left:nach" in by_mention["der Sitzung"]
    assert "left:sagte" in by_mention["Bundesinnenminister Schily"]


def test_head_word_skips_adjectives_and_the_determiner():
    from api.extraction.mentions import find_mentions, tokenize
    from api.extraction.ranking import Context

    text = "Die neue rechtsnationale Partei protestierte."
    words = tokenize(text)
    ctx = Context(text, words, DE, frozenset(), frozenset())
    (m,) = find_mentions(text, words, DE, [])
    assert head_word(ctx, m) == "partei" and head_features(ctx, m) == ["head:partei", "suffix:tei", "left:"]


DOC = {
    "id": "fixture-1",
    "text": "Der Sprecher des Ministeriums, Hans Weber, sagte am Montag: „Wir prüfen den Fall.“",
    "attributions": [],
}
DOC["attributions"].append(
    {
        "source": [[0, DOC["text"].index(", sagte")]],
        "cue": [[DOC["text"].index("sagte"), DOC["text"].index("sagte") + 5]],
        "content": [[DOC["text"].index("„"), len(DOC["text"])]],
        "direct": True,
    }
)


def test_every_candidate_overlapping_a_long_source_is_right():
    ta = script_module("train_attribution")
    quote_ex, speaker_ex = ta.examples([DOC], DE)
    assert [y for _, y, _ in quote_ex] == [True]
    ((cands, gold),) = speaker_ex
    mentions = [DOC["text"][m.start : m.end] for m, _ in generic.items(DOC["text"], DE)[3][0].candidates]
    right = {mentions[k] for k in gold}
    assert {"Der Sprecher", "des Ministeriums", "Hans Weber"} <= right
    assert "Montag" not in right and len(cands) == len(mentions)


def test_the_fit_learns_which_heads_speak_and_top1_counts_any_right_candidate():
    ta = script_module("train_attribution")
    # two right candidates (the parts of one source) and a thing nearer the quote, in every item
    item = ([["head:sprecher", "near:2"], ["head:<name>", "near:1"], ["head:maßnahmen", "near:0"]], [0, 1])
    w = ta.fit_speaker([item] * 40)
    model = Model(0.0, w)
    assert w["head:maßnahmen"] < 0 < w["head:sprecher"]
    assert ta.top1(model, [item]) == 1.0
    assert ta.top1(model, [(item[0], [2])]) == 0.0
    assert ta.covered([item, (item[0], [])]) == 0.5


@pytest.mark.parametrize(
    "text, description, name",
    [
        ("Reinhard Jung, Geschäftsführer des Bauernbundes, lehnte ab.", "Geschäftsführer", "Reinhard Jung"),
        (
            "Der Geschäftsführer des Bauernbundes, Reinhard Jung, lehnte ab.",
            "Der Geschäftsführer",
            "Reinhard Jung",
        ),
        ("Der Geschäftsführer lehnte ab, Reinhard Jung nicht.", "Der Geschäftsführer", "Der Geschäftsführer"),
    ],
)
def test_a_description_in_apposition_to_a_name_gives_the_name(text, description, name):
    from api.extraction.mentions import find_mentions, tokenize
    from api.extraction.ranking import Context

    words = tokenize(text)
    ctx = Context(text, words, DE, frozenset(), frozenset())
    mentions = find_mentions(text, words, DE, [])
    (m,) = [m for m in mentions if text[m.start : m.end] == description]
    chosen = named_apposition(ctx, mentions, [x.start for x in mentions], m)
    assert text[chosen.start : chosen.end] == name


def test_the_engine_names_the_person_a_description_stands_for():
    text = "Der Geschäftsführer des Bauernbundes, Reinhard Jung, nannte das „überflüssig wie ein Kropf“."
    (q,) = generic.extract_generic(text, DE, load_models()["de"])
    assert q.speaker is not None and q.speaker.name == "Reinhard Jung"
