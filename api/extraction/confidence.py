"""Stage 4: a confidence in [0, 1] for each quote.

The score estimates the chance that the quote is a real quote and that its
speaker is right.  It starts from how the cue was found (the share of such
quotes attributed right on PolNeAR train, rounded) and is lowered for short
fragments, for speakers known only by a description, and for speakers left
unresolved.  Quotes above a confidence are more often right than those below.
"""

from __future__ import annotations

from . import lexicon as lx
from .cues import Cue
from .layout import Layout
from .quotes import QuoteSpan
from .records import UNKNOWN, Speaker

# How the cue was found -> share right on PolNeAR train (long quotes).
BY_HOW = {
    "after": 0.97,  # “…,” Austin said.
    "before": 0.9,  # Austin said: “…”
    "sentence-before": 0.88,  # Austin called the plan “a disaster”
    "same-paragraph": 0.92,  # “…,” he said. “…”
    "headline": 0.9,  # Austin: “…”
    "colon-paragraph": 0.85,  # As Austin put it: ⏎ “…”
    "dash-line": 0.8,  # “…” ― Lloyd Austin
    "sentence-after": 0.8,  # “…” is how Austin put it
    "run-on": 0.75,  # a quote running over paragraphs
    "previous-paragraph": 0.75,  # a paragraph-long quote continuing a speaker
    "according": 0.9,  # according to Austin, anywhere in the sentence
    "paragraph-narrative": 0.65,
    "tweet": 0.6,
    "turn": 0.6,  # PENCE: … “…”
    "clause": 0.6,  # Then he turned to “little” Marco
    "possessive": 0.65,  # Austin's pledge to stay “neutral”
    "previous-narrative": 0.3,
    "next-in-paragraph": 0.3,
    "nearest-speaker": 0.15,  # a guess for a quote no cue reaches
}
NO_CUE = 0.05
SHORT_WORDS = 3  # a fragment of this many words or fewer
SHORT_FACTOR = 0.8
DESCRIPTION_FACTOR = 0.85  # "a senior official"
UNRESOLVED_FACTOR = 0.9  # a pronoun we could not resolve
AMBIGUOUS_FACTOR = 0.8  # a pronoun with two near candidates of its gender (the kit credits the
# pronoun itself, so this is for the resolved name, which may be wrong)


def base(cue: Cue | None) -> float:
    return NO_CUE if cue is None else BY_HOW.get(cue.how, 0.5)


def mention_factor(layout: Layout, cue: Cue, speaker: Speaker | None) -> float:
    """Lower for a speaker known only by a description or a pronoun left unresolved."""
    if speaker is None:
        word = layout.text[cue.mention[0] : cue.mention[1]].lower()
        return UNRESOLVED_FACTOR if word in lx.PRONOUN_SUBJECTS else DESCRIPTION_FACTOR
    return DESCRIPTION_FACTOR if speaker.kind == UNKNOWN else 1.0


def score(
    layout: Layout, q: QuoteSpan, cue: Cue | None, kind: str, speaker: Speaker | None, ambiguous: bool = False
) -> float:
    """A probability-like confidence that the quote is a quote and its speaker right;
    lower when the mention is a pronoun two people of its gender could be meant by."""
    p = base(cue)
    if ambiguous:
        p *= AMBIGUOUS_FACTOR
    if cue is not None:
        p *= mention_factor(layout, cue, speaker)
    if len(layout.text[q.start : q.end].split()) <= SHORT_WORDS:
        p *= SHORT_FACTOR
    return round(min(1.0, max(0.0, p)), 3)
