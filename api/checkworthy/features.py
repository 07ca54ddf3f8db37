"""Sentence -> feature names, shared by the runtime scorer and the training script.

A sentence becomes lower-cased word tokens with numbers normalised
(``NUM``, ``YEAR``, ``MONEY``), framed by ``<s>`` and ``</s>``; the features
are the distinct unigrams and bigrams of those tokens, crude stems of the
longer words (``~spend`` for "spending"), plus a few hand features in square
brackets (``[has number]``, ``[question]`` ...). Feature names are
what a fact-checker sees, so they are kept readable: a bigram is its two
tokens joined by a space.

Pure Python + stdlib: this module is imported by the service.
"""

from __future__ import annotations

from .patterns import (
    APOSTROPHES,
    CAPITALISED,
    DIGIT,
    STEM,
    WORD,
)
from .patterns import (
    MONEY as MONEY_RE,
)
from .patterns import (
    NUMBER as NUMBER_RE,
)
from .patterns import (
    PERCENT as PERCENT_RE,
)
from .patterns import (
    YEAR as YEAR_RE,
)

NUM, YEAR, MONEY = "NUM", "YEAR", "MONEY"
BOS, EOS = "<s>", "</s>"

# Hand features (names are part of the weights file: keep them stable).
HAS_NUMBER = "[has number]"
QUESTION = "[question]"
NAMES_1 = "[1 capitalised name]"
NAMES_2 = "[2+ capitalised names]"
SHORT = "[under 8 words]"
LONG = "[over 25 words]"


def tokenize(sentence: str) -> tuple[list[str], int]:
    """Normalised tokens of ``sentence`` and the count of capitalised words after the first.

    Digits are replaced first, so ``tokenize`` sees the placeholders:

    >>> tokenize("In 1981 he paid 40 percent, or $2 million, Mr. Smith?")
    (['in', 'YEAR', 'he', 'paid', 'NUM', 'percent', 'or', 'MONEY', 'million', 'mr', 'smith', '?'], 2)
    """
    caps = len(CAPITALISED.findall(sentence))
    low = sentence.lower()
    if "\u2019" in low or "\u2018" in low or "`" in low:
        low = APOSTROPHES.sub("'", low)
    if DIGIT.search(low):
        low = MONEY_RE.sub(" MONEY ", low)
        low = PERCENT_RE.sub(" NUM percent ", low)
        low = YEAR_RE.sub(" YEAR ", low)
        low = NUMBER_RE.sub(" NUM ", low)
    return WORD.findall(low), caps


def features(sentence: str) -> set[str]:
    """The set of feature names present in ``sentence`` (binary features).

    >>> found = sorted(features("We won 3 seats."))
    >>> found[:6]
    ['<s> we', 'NUM', 'NUM seats', '[has number]', '[under 8 words]', 'seats']
    >>> found[6:]
    ['seats </s>', 'we', 'we won', 'won', 'won NUM', '~seat']
    """
    toks, caps = tokenize(sentence)
    feats = set(toks)
    feats.update(map(_STEMS.__getitem__, toks))
    n = len(toks)
    if n:
        feats.update(map(_SPACE_JOIN, zip(toks, toks[1:], strict=False)))
        feats.add(BOS + " " + toks[0])
        feats.add(toks[-1] + " " + EOS)
    else:
        feats.add(BOS + " " + EOS)
    if NUM in feats or YEAR in feats or MONEY in feats:
        feats.add(HAS_NUMBER)
    if "?" in feats:
        feats.add(QUESTION)
    if caps:
        feats.add(NAMES_1 if caps == 1 else NAMES_2)
    if n < 8:
        feats.add(SHORT)
    elif n > 25:
        feats.add(LONG)
    return feats


_SPACE_JOIN = " ".join  # a C-level callable: ('we', 'won') -> 'we won'


class _StemCache(dict):
    """token -> its stem feature ('spending' -> '~spend'), memoised.

    A token with no stem maps to one of the features it already has (itself),
    so ``feats.update(map(cache.__getitem__, toks))`` adds only real stems and
    costs one C-level dictionary look-up per token once a word has been seen.
    Bounded: cleared when it holds more than ``LIMIT`` words.
    """

    LIMIT = 200_000

    def __missing__(self, tok: str) -> str:
        m = STEM.fullmatch(tok)
        stem = "~" + m.group(1) if m else tok
        if len(self) >= self.LIMIT:
            self.clear()
        self[tok] = stem
        return stem


_STEMS = _StemCache()
