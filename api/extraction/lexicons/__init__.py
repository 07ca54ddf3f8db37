"""Languages as data: one ``Lexicon`` per language, picked by code or detected from the text.

    >>> detect_language("Der Minister sagte, die Pläne seien nicht mit ihm abgestimmt.")
    'de'
    >>> detect_language("The minister said the plans had not been agreed with him.")
    'en'
    >>> lexicon_for("de-AT").code, lexicon_for(None, "and the said").code
    ('de', 'en')

A new language is a new module here (its word lists and its tests), registered in
``LEXICONS``: the stages in ``candidates.py``, ``speech.py`` and ``generic.py`` read
only what a ``Lexicon`` holds.  English keeps its own, richer stages (``pipeline.py``)
built from ``lexicon.py`` and ``verbs.py``; ``en.py`` gathers them as a ``Lexicon``
for detection and for the language-neutral stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import de, en


@dataclass(frozen=True)
class Lexicon:
    """What the language-neutral stages know about one language."""

    code: str
    stopwords: frozenset[str]  # frequent words, for detection
    opening_marks: str  # quotation marks only this language opens with: „ (each counts as a stopword)
    speech_verbs: frozenset[str]  # every inflected form: sagte, erklärte, betont
    verb_particles: frozenset[str]  # separable particles closing a cue: teilte … mit
    cue_before_speaker: frozenset[str]  # laut, nach, gemäß, so: the speaker follows
    cue_after_speaker: frozenset[str]  # zufolge: the speaker precedes
    weak_cues: frozenset[str]  # so, wie, nach: cue words only right after a quote, common words elsewhere
    determiners: frozenset[str]  # der, die, ein … (nominative or any case)
    oblique_determiners: frozenset[str]  # dem, den, des, einem … (not a subject)
    prepositions: frozenset[str]
    pronouns: dict[str, str | None]  # er -> m, sie -> f (or plural: None)
    function_words: frozenset[str]  # lowercased words that never start a name
    title_stems: tuple[str, ...]  # minister, sprecher: a role, not a name
    org_stems: tuple[str, ...]  # polizei, ministerium, agentur: an organisation
    female_suffix: str  # "in": Ministerin, Sprecherin
    given_names_m: frozenset[str]
    given_names_f: frozenset[str]
    particles: frozenset[str]  # von, van, de inside a name
    report_markers: frozenset[str]  # sei, habe: a sentence in reported speech
    naming_words: frozenset[str]  # sogenannt, dubbed: the quoted words are a name, not speech
    nouns_capitalised: bool  # German: a capital does not make a name
    common_nouns: frozenset[str]  # capitalised words that are nouns, not names (German: from train)
    openers: frozenset[str]  # lowercased words that open sentences, never names: derzeit, letztlich


def _build(module) -> Lexicon:
    return Lexicon(**{name: getattr(module, name.upper()) for name in Lexicon.__dataclass_fields__})


LEXICONS: dict[str, Lexicon] = {lx.code: lx for lx in (_build(en), _build(de))}
DEFAULT = "en"

_SAMPLE = 1500  # characters read for detection
# Punctuation read as a blank, so that "said," counts as "said": a word is a run of
# anything else but blanks.
_WORD = re.compile("[^\\s" + re.escape(",.;:!?()[]\"'“”„‟«»‚‘’—–-/") + "]+")


# The marks that close a quote opened by „ or ‚ (German „…“, ‚…‘; Polish and others „…”).
_CLOSERS = {"„": "“”", "‚": "‘’"}


def _opened(sample: str, marks: str) -> int:
    """How many of ``marks`` in ``sample`` open a quote that a closing mark follows: a stray
    „ or ‚ (‚ is also a low comma) says nothing of the language."""
    n = 0
    for mark in marks:
        last = max((sample.rfind(c) for c in _CLOSERS.get(mark, "")), default=-1)
        n += sample.count(mark, 0, max(last, 0))
    return n


def detect_language(text: str) -> str:
    """The language whose stopwords (and own opening quotation marks, when a closing one
    follows) are most frequent in the first characters of ``text``; ``DEFAULT`` on a tie.

    >>> detect_language("‚ “We will win,” Austin said. ‚„")
    'en'
    """
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample.lower())
    counts = {
        code: sum(map(lx.stopwords.__contains__, words)) + _opened(sample, lx.opening_marks)
        for code, lx in LEXICONS.items()
    }
    best = max(counts, key=lambda c: (counts[c], c == DEFAULT))
    return best if counts[best] else DEFAULT


def lexicon_for(language: str | None, text: str = "") -> Lexicon:
    """The lexicon of a BCP 47 tag ("de", "de-AT"); detected from ``text`` when None or unknown."""
    code = (language or "").split("-")[0].lower()
    return LEXICONS.get(code) or LEXICONS[detect_language(text)]
