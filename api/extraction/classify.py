"""Stage 1b: tell speech from other quoted stretches.

Not speech: titles of shows, books, bills and ads (“Fox News Sunday”),
nicknames (Juan “Chico” Manriquez).  Partial quotes inside reported speech
(called the plan “a disaster”) are speech and are marked partial.
"""

from __future__ import annotations

from . import layout_patterns as LP
from . import lexicon as lx
from .layout import Layout
from .quotes import QuoteSpan


def words(layout: Layout, q: QuoteSpan) -> list[str]:
    return layout.text[q.start : q.end].split()


def is_title(layout: Layout, q: QuoteSpan) -> bool:
    """A capitalised stretch named by its context: the show “This Week,”."""
    text = layout.text
    if len(words(layout, q)) > 12 or not LP.ALL_CAPITALISED.match(text, q.start, q.end):
        return False
    if text[q.start : q.end].rstrip("’'\" ,.")[-1:] in "!?":  # chants: “Feel the Bern!”
        return False
    if words(layout, q)[-1].strip(",.:;").rstrip("’'") in lx.TITLE_ENDINGS and len(words(layout, q)) > 1:
        return True
    lo = max(layout.paragraphs[q.para][0], q.open - 60)
    if LP.TITLE_CONTEXT_BEFORE.search(text, lo, q.open):
        return True
    after = min(len(text), q.close + 40)
    return bool(q.close >= 0 and LP.TITLE_CONTEXT_AFTER.match(text, q.close + 1, after))


def is_nickname(layout: Layout, q: QuoteSpan) -> bool:
    """One or two capitalised words between a given name and a surname."""
    text = layout.text
    w = words(layout, q)
    if len(w) > 2 or q.close < 0 or not w[0][:1].isupper() or text[q.end - 1] in ",.;:!?":
        return False
    lo = max(0, q.open - 30)
    return bool(
        LP.NICKNAME_CONTEXT.search(text, lo, q.open)
        and LP.NICKNAME_AFTER.match(text, q.close + 1, min(len(text), q.close + 40))
    )


def is_aside(layout: Layout, q: QuoteSpan) -> bool:
    """A stage direction “(CROSSTALK.)” or a word quoted as a word (“he”, “the”)."""
    body = layout.text[q.start : q.end].strip(" ,.;:")
    if body[:1] in "([" and body[-1:] in ")]":
        return True
    w = body.split()
    return len(w) == 1 and w[0].lower().strip("’'") in lx.FUNCTION_WORDS


def is_coined(layout: Layout, q: QuoteSpan) -> bool:
    """A short capitalised stretch a naming verb introduces: dubbed the proposal the “Great
    Shutdown”, the so-called “Gang of Eight” (PolNeAR's annotators count lowercase ones,
    the so-called “experts”, as quotes when someone is named for them)."""
    if len(words(layout, q)) > COINED_WORDS or not LP.ALL_CAPITALISED.match(layout.text, q.start, q.end):
        return False
    lo = max(layout.paragraphs[q.para][0], q.open - 80)
    return bool(LP.NAMING_BEFORE.search(layout.text, lo, q.open))


COINED_WORDS = 5


def is_speech(layout: Layout, q: QuoteSpan) -> bool:
    return not (is_title(layout, q) or is_nickname(layout, q) or is_aside(layout, q) or is_coined(layout, q))


def is_reported(layout: Layout, q: QuoteSpan, how: str | None) -> bool:
    """Whether a quoted stretch is reported once its attribution is known: a
    short stretch (three words or fewer) that no cue claims is a scare quote
    or a coined term ("this “alternative” information ecosystem"), and so is
    one only linked to the previous paragraph's speaker."""
    if len(words(layout, q)) > SHORT:
        return True
    return how is not None and how != "previous-paragraph"


SHORT = 3


def is_partial(layout: Layout, q: QuoteSpan) -> bool:
    """A fragment inside a sentence: the quote neither starts a sentence nor
    follows a colon or comma, and starts in lowercase."""
    text = layout.text
    lo = layout.paragraphs[q.para][0]
    before = text[max(lo, q.open - 3) : q.open].rstrip()
    first = text[q.start]
    if not before or before[-1] in ":.?!":
        return False
    return first.islower() or len(words(layout, q)) <= 3
