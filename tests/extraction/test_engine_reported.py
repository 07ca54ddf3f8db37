"""German reported speech as evidence that a quoted stretch is speech: where a Konjunktiv
marker stands from the quote (its clause, its sentence, the sentence before) and whether
"dass" comes before it."""

from __future__ import annotations

import pytest

from api.extraction import LEXICONS, generic


def features_of(text: str, quoted: str) -> list[str]:
    _, _, _, found = generic.items(text, LEXICONS["de"])
    (item,) = [it for it in found if text[it.span.start : it.span.end].startswith(quoted)]
    return item.features


@pytest.mark.parametrize(
    "text, quoted, where",
    [
        ("Der Minister sagte, der Pilot habe die „volle Verantwortung“ getragen.", "volle", "clause"),
        ("Das Gericht müsse die „volle Verantwortung“ tragen, hieß es.", "volle", "clause"),
        ("Die Firma sei pleite, sie verkaufte das „Werk Nord“ an Investoren.", "Werk", "sentence"),
        ("Die Firma sei pleite. Sie verkaufte das „Werk Nord“ an Investoren.", "Werk", "previous"),
        ("Die Firma verkaufte das „Werk Nord“ an Investoren.", "Werk", "none"),
    ],
)
def test_where_the_reported_speech_marker_stands(text, quoted, where):
    assert f"reported:{where}" in features_of(text, quoted)


def test_a_marker_inside_the_quote_does_not_count():
    assert "reported:none" in features_of("Er nannte das „Gerede, das sei falsch“ laut.", "Gerede")


def test_dass_before_the_quote_and_short_copies():
    f = features_of("Er betonte, dass die „Reform“ komme.", "Reform")
    assert "dass" in f and "dass&short" in f and "reported:clause&short" in f
    assert "no-dass" in features_of("Die „Reform“ komme, betonte er.", "Reform")
