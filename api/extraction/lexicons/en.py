"""English for the language-neutral stages and for detection.  The English
stages of ``pipeline.py`` use the fuller lists of ``lexicon.py`` and ``verbs.py``,
which this module gathers rather than repeats."""

from __future__ import annotations

from .. import lexicon as lx
from .. import verbs as vb

CODE = "en"

STOPWORDS = frozenset(
    """
the and of to a in is was that for on it with as his he said by at from be have has had not
are were an this but they which their who would will been its or also said after more
""".split()
)
OPENING_MARKS = ""
SPEECH_VERBS = frozenset(vb.all_speech_verb_forms())
VERB_PARTICLES = frozenset("out on in back up".split())
CUE_BEFORE_SPEAKER = frozenset("according per".split())
CUE_AFTER_SPEAKER = frozenset()
WEAK_CUES = frozenset("per".split())
DETERMINERS = frozenset("the a an this that another one".split())
OBLIQUE_DETERMINERS = frozenset()
PREPOSITIONS = frozenset(lx.PREPOSITIONS)
PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None}
FUNCTION_WORDS = frozenset(lx.FUNCTION_WORDS) | {w.lower() for w in lx.SENTENCE_OPENERS}
TITLE_STEMS = tuple(lx.TITLE_WORDS)
ORG_STEMS = tuple(lx.ORG_NOUNS)
FEMALE_SUFFIX = ""
GIVEN_NAMES_M = frozenset(lx.MALE_NAMES)
GIVEN_NAMES_F = frozenset(lx.FEMALE_NAMES)
PARTICLES = frozenset(lx.PARTICLES)
REPORT_MARKERS = frozenset()
NAMING_WORDS = frozenset(
    "called dubbed so-called titled entitled named nicknamed headline slogan term".split()
)
NOUNS_CAPITALISED = False
COMMON_NOUNS: frozenset[str] = frozenset()  # English capitalises no common noun
OPENERS: frozenset[str] = frozenset()
