"""Language-neutral stage: words and the mentions of people and organisations
among them, read with a ``Lexicon`` (lexicons/).

    >>> from .lexicons import LEXICONS
    >>> text = "Laut der Polizei sagte Innenminister Hans Weber: „Wir ermitteln.“"
    >>> words = tokenize(text)
    >>> quoted = [(text.index("„"), text.index("“") + 1)]
    >>> [text[m.start:m.end] for m in find_mentions(text, words, LEXICONS["de"], quoted)]
    ['der Polizei', 'Innenminister Hans Weber']

A mention is a pronoun ("er"), a determiner with its adjectives and capitalised
words ("der ehemalige Minister"), or a run of capitalised words ("Angela Merkel").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicons import LEXICONS, Lexicon

# ⟦Widmann-Mauz⟧ ⟦O’Neill⟧ ⟦2016⟧ ⟦,⟧ ⟦„⟧: words, numbers, and each other mark on its own.
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}’'\-]*|\p{N}[\p{N}.,]*|[^\s\p{L}\p{N}]")

_MAX_ADJECTIVES = 3
_MAX_CAPS = 6


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    first: int  # index of its first word
    last: int  # index of its last word
    determiner: str | None  # "nom", "obl" or None
    pronoun: bool
    gender: str | None
    title: bool  # holds a role word: Minister, spokesman
    org: bool  # holds an organisation word: Polizei, ministry
    named: bool  # holds a word that is neither role, organisation nor common noun after a determiner


def tokenize(text: str) -> list[Word]:
    return [Word(*m.span(), m.group()) for m in TOKEN.finditer(text)]


def word_index(words: list[Word], pos: int) -> int:
    """Index of the first word starting at or after ``pos``."""
    return bisect_left(words, pos, key=lambda w: w.start)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _has_stem(word: str, stems: tuple[str, ...], female: str) -> bool:
    w = word.lower()
    if female and w.endswith(female) and len(w) > 5:
        w = w[: -len(female)]
    return w.endswith(stems)


@lru_cache(maxsize=65536)
def roles(word: str, code: str) -> tuple[bool, bool, bool, bool]:
    """(a role word, an organisation word, a role word as written, a female role) of ``word``
    in language ``code``: Ministerin -> (True, False, False, True)."""
    lx = LEXICONS[code]
    title = _has_stem(word, lx.title_stems, lx.female_suffix)
    plain = _has_stem(word, lx.title_stems, "")
    female = bool(lx.female_suffix) and title and not plain and word.lower().endswith(lx.female_suffix)
    return title, _has_stem(word, lx.org_stems, ""), plain, female


def _inside_words(words: list[Word], quotes: list[tuple[int, int]]) -> list[bool]:
    """For each word, whether it lies inside one of the quoted stretches (sorted spans)."""
    out = [False] * len(words)
    k = 0
    for i, w in enumerate(words):
        while k < len(quotes) and quotes[k][1] <= w.start:
            k += 1
        out[i] = k < len(quotes) and quotes[k][0] <= w.start
    return out


def _gender(lx: Lexicon, words: list[str]) -> str | None:
    for w in words:
        lw = w.lower()
        if lw in lx.given_names_m:
            return "m"
        if lw in lx.given_names_f:
            return "f"
        if roles(w, lx.code)[3]:
            return "f"
    return None


def common_nouns(words: list[Word], lx: Lexicon) -> frozenset[str]:
    """In a language that capitalises nouns, the capitalised words the article puts after an
    article or determiner somewhere ("zum Rücktritt", "der Montag"): nouns, not names."""
    if not lx.nouns_capitalised:
        return frozenset()
    found = set()
    dets = lx.determiners | lx.oblique_determiners | _CONTRACTIONS
    for i, w in enumerate(words[:-1]):
        if w.text.lower() in dets:
            j = i + 1
            while j < len(words) - 1 and j - i <= _MAX_ADJECTIVES and words[j].text.islower():
                j += 1
            if _is_cap(words[j].text):
                found.add(words[j].text)
    return frozenset(found)


_CONTRACTIONS = frozenset("am im zum zur vom beim ins ans".split())


def _mention(
    lx: Lexicon, words: list[Word], i: int, j: int, det: str | None, nouns: frozenset[str] = frozenset()
) -> Mention:
    body = [w.text for w in words[i + (det is not None) : j + 1]]
    caps = [w for w in body if _is_cap(w) and w.lower() not in lx.particles]
    kinds = [roles(w, lx.code) for w in body]
    title = any(r[0] for r in kinds)
    org = any(r[1] for r in kinds) or any(w.isupper() and len(w) > 1 for w in caps)
    plain = [w for w in caps if not any(roles(w, lx.code)[:2])]
    if det is not None and lx.nouns_capitalised and plain and plain[0] == caps[0]:
        plain = plain[1:]  # der ⟦Staatsanwalt⟧: the head noun is no name
    plain = [w for w in plain if w not in nouns and w not in lx.common_nouns]
    gender = _gender(lx, body)
    return Mention(words[i].start, words[j].end, i, j, det, False, gender, title, org, bool(plain))


_ENDS = frozenset(".!?")


def find_mentions(text: str, words: list[Word], lx: Lexicon, quotes: list[tuple[int, int]]) -> list[Mention]:
    """Mentions outside the quoted stretches ``quotes`` (sorted (open, close) pairs), in order."""
    out: list[Mention] = []
    nouns = common_nouns(words, lx)
    # Words the article writes lowercase: capitalised at a sentence's start they are no name.
    lowered = {w.text for w in words if w.text.islower()} if lx.nouns_capitalised else set()
    inside = _inside_words(words, quotes)
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        lw = w.text.lower()
        if inside[i] or not w.text[0].isalpha():
            i += 1
            continue
        if lw in lx.pronouns and (w.text.islower() or i == 0 or words[i - 1].text in '.!?:„“"«»'):
            out.append(Mention(w.start, w.end, i, i, None, True, lx.pronouns[lw], False, False, False))
            i += 1
            continue
        det = "nom" if lw in lx.determiners else "obl" if lw in lx.oblique_determiners else None
        j = i + 1 if det else i
        if det:
            k = 0
            while (
                j < n
                and k < _MAX_ADJECTIVES
                and words[j].text.islower()
                and words[j].text.isalpha()
                and words[j].text not in lx.function_words
                and not roles(words[j].text, lx.code)[2]
            ):
                j, k = j + 1, k + 1
        start = j
        if not det and (lw in lx.openers or lw in lowered) and (i == 0 or words[i - 1].text in _ENDS):
            i += 1  # "Derzeit", "Relativierend": a sentence's first word, no name
            continue
        while (
            j < n
            and j - start < _MAX_CAPS
            and words[j].text[0].isalpha()
            and not inside[j]
            and (
                _is_cap(words[j].text)
                and (j > start or words[j].text.lower() not in lx.function_words)
                or (j > start and words[j].text in lx.particles)
                or (not lx.nouns_capitalised and roles(words[j].text, lx.code)[2])
            )
        ):
            j += 1
        while j > start and words[j - 1].text in lx.particles:
            j -= 1
        if j > start:
            out.append(_mention(lx, words, i, j - 1, det, nouns))
            i = j
        else:
            i += 1
    return out
