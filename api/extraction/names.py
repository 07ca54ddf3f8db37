"""Split a mention into title and canonical name, and read its gender and kind.

>>> p = parse("Defense Secretary Lloyd Austin")
>>> p.name, p.title, p.gender, p.kind, p.tokens
('Lloyd Austin', 'Defense Secretary', None, 'person', ('Lloyd', 'Austin'))
>>> parse("Mr. O’Malley").gender
'm'
>>> parse("the White House").kind
'organization'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from . import name_patterns as NP
from .records import ORGANIZATION, PERSON, UNKNOWN

_HONORIFIC_WORDS = {h.lower().rstrip(".") for h in lx.HONORIFICS}
_TITLE_WORDS = set(lx.TITLE_WORDS) | set(lx.TITLE_MODIFIERS)
_DETERMINERS = {
    "the",
    "a",
    "an",
    "one",
    "another",
    "this",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "some",
    "several",
    "two",
    "three",
    "many",
    "both",
    "each",
    "most",
}
_SUFFIXES = {s.rstrip(".") for s in lx.NAME_SUFFIXES}
# Honorifics that are no title: "Dr. Jane Roe, the district superintendent" has the title
# "district superintendent" (from the appositive), not "Dr.".
_COURTESY = {"mr", "mrs", "ms", "miss", "mx", "dr"}
# Heads of nameless descriptions: "a White House official", "Critics", "Officials".
_PERSON_HEADS = set(lx.TITLE_WORDS) | set(lx.PERSON_NOUNS)
# Month abbreviations that are also given names ("said Jan Egeland"): kept before a name.
_MONTHS = {"Jan", "Mar", "Jun", "Jul", "Aug", "Dec"}
_NOT_PERSON_NAME = {
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "GOP",
    "American",
    "Americans",
    "Congress",
    "Senate",
    "House",
    "State",
    "States",
}


@dataclass(frozen=True, slots=True)
class NameParts:
    name: str  # "Lloyd Austin"; the description itself when there is no name
    title: str | None  # "Defense Secretary"
    gender: str | None  # "m", "f" or None
    kind: str  # person, organization or unknown (a description)
    tokens: tuple[str, ...]  # the name's words, for matching "Austin" to "Lloyd Austin"


def _bare(word: str) -> str:
    return word.strip(",.;:").lower()


def _is_title_word(word: str) -> bool:
    w = _bare(word)
    return w in _TITLE_WORDS or w.rstrip("s") in _TITLE_WORDS or w in _HONORIFIC_WORDS


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))


_PREPOSITIONS = {"for", "at", "with", "from", "of", "to", "in", "on"}


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Title words and name words, reading from the end: the name is the run of
    capitalised words that a title word, honorific, possessive or lowercase word
    ends ("Martin Luther King Jr." is all name; "Secretary of State" all title)."""
    cut = len(words)
    has_name = False
    while cut > 0:
        w = words[cut - 1]
        core = w.strip(",")
        if not (NP.NAME_WORD.match(w) or w in lx.PARTICLES) or _is_possessive(w):
            break
        if has_name and _is_title_word(w):
            break
        if core in lx.TITLE_OF_WORDS and cut >= 2 and words[cut - 2] in ("of", "the"):
            break
        if core.rstrip(".") not in _SUFFIXES:
            has_name = True
        cut -= 1
    if not has_name:
        cut = len(words)
    return words[:cut], words[cut:]


def _object_of_preposition(title_words: list[str]) -> bool:
    """ "a spokesman for the Pentagon": the capitalised words belong to a preposition."""
    tail = [w.lower() for w in title_words[-2:]]
    return bool(tail) and (
        tail[-1] in _PREPOSITIONS or (tail[-1] == "the" and len(tail) == 2 and tail[0] in _PREPOSITIONS)
    )


def gender_of(title_words: list[str], name_words: list[str]) -> str | None:
    for w in title_words:
        b = _bare(w)
        if b in lx.MALE_HONORIFICS or b in lx.MALE_WORDS:
            return "m"
        if b in lx.FEMALE_HONORIFICS or b in lx.FEMALE_WORDS:
            return "f"
    if len(name_words) >= 2:
        first = _bare(name_words[0])
        if first in lx.MALE_NAMES:
            return "m"
        if first in lx.FEMALE_NAMES:
            return "f"
    return None


def is_organization(words: list[str]) -> bool:
    """Words like "House", "Committee", "News" or an acronym (CNN, FBI) make an
    organisation; "City" or "Tower" a place, which is treated alike."""
    if not words:
        return False
    if any(w.strip(",.") in lx.ORG_WORDS or w.strip(",.") in lx.PLACE_WORDS for w in words):
        return True
    return len(words) == 1 and bool(NP.ACRONYM.match(words[0])) and words[0] not in ("I", "A", "Q")


def _description(words: list[str], title_words: list[str]) -> NameParts:
    """A mention without a name: "a spokesman for the Pentagon", "the campaign"."""
    desc = " ".join(words)
    head_words = [w for w in title_words if w.lower() not in _PREPOSITIONS and w != "the"] or words
    prep = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    head = _bare(words[prep - 1]) if prep else _bare(head_words[-1])
    if head in _PERSON_HEADS or head.rstrip("s") in _PERSON_HEADS:  # a White House official: nameless
        return NameParts(desc, desc, gender_of(words, []), UNKNOWN, ())
    if head in lx.ORG_NOUNS or (prep == len(words) and is_organization(words)):
        return NameParts(desc, None, None, ORGANIZATION, ())
    return NameParts(desc, desc, gender_of(words, []), UNKNOWN, ())


def _plural_head(name_words: list[str]) -> bool:
    """ "Critics", "Officials", "Republicans": a group, not someone's name ("King" may be)."""
    if len(name_words) != 1:
        return False
    w = _bare(name_words[0])
    return w in lx.PERSON_NOUNS or (w.endswith("s") and w[:-1] in _PERSON_HEADS)


def _opening_participle(word: str) -> bool:
    """A capitalised -ing word opening a sentence, not a name: "Injecting
    Clinton into …", "Following Sanders' win"."""
    return len(word) > 5 and word.endswith("ing") and word[0].isupper() and word[1:].islower()


@lru_cache(maxsize=8192)
def parse(surface: str) -> NameParts:
    """Title, canonical name, gender and kind of one mention."""
    text = (NP.TRAILING_PARENTHESIS.sub("", surface) if ")" in surface else surface).strip(" ,;:")
    words = text.split()
    while (
        words
        and len(words) > 1
        and (
            words[0].lower() in _DETERMINERS
            or words[0] in lx.SENTENCE_OPENERS
            or _opening_participle(words[0])
        )
        and words[0] not in _MONTHS
    ):
        words = words[1:]
    if not words:
        return NameParts(surface.strip(), None, None, UNKNOWN, ())
    title_words, name_words = split_title(words)
    if name_words and name_words[0] in lx.PARTICLES:
        title_words, name_words = title_words + name_words[:1], name_words[1:]
    if (
        not name_words
        or all(w in _NOT_PERSON_NAME for w in name_words)
        or _object_of_preposition(title_words)
        or _plural_head(name_words)
    ):
        return _description(words, title_words)
    if is_organization(words) and not gender_of(title_words, name_words):
        name = " ".join(words)
        return NameParts(name, None, None, ORGANIZATION, tuple(name_words or words))
    title = " ".join(w for w in title_words if _bare(w) not in _COURTESY) or None
    tokens = tuple(w.strip(",.") for w in name_words if w.strip(",.") not in _SUFFIXES)
    return NameParts(
        " ".join(name_words).rstrip(","),
        title,
        gender_of(title_words, name_words),
        PERSON,
        tokens or (name_words[0],),
    )
