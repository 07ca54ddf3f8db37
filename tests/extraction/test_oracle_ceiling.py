"""scripts/oracle_ceiling.py: a gold unit inside an earlier unit's content can never be found."""

from __future__ import annotations

from .scripts import script_module

TEXT = "Der Airbus sei erst „weit hinter der Zone“ gelandet, sagte er. „Wir prüfen das“, so die Polizei."
OUTER = [0, TEXT.index("gelandet") + 8]  # reported speech, „…“ and all
INNER = [TEXT.index("„weit"), TEXT.index("“ gelandet") + 1]
OWN = [TEXT.index("„Wir"), TEXT.index("“, so") + 1]


def unit(span, direct=True):
    return {"source": [], "cue": [], "content": [span], "direct": direct}


def test_a_unit_inside_an_earlier_one_is_unreachable():
    reachable = script_module("oracle_ceiling").reachable
    assert reachable({"attributions": [unit(OUTER), unit(INNER), unit(OWN)]}) == (3, 2)
    # listed first, the inner unit is reachable (a prediction of its span is given to it)
    assert reachable({"attributions": [unit(INNER), unit(OUTER), unit(OWN)]}) == (3, 3)
    assert reachable({"attributions": [unit(OUTER, direct=False), unit(INNER)]}) == (1, 1)
