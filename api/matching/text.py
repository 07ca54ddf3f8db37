"""Text to index terms: clean a tweet or a claim, split words, drop stopwords, stem lightly.

Every pattern is compiled once here, with worked examples (⟦input⟧ -> output).
"""

from __future__ import annotations

import unicodedata

import regex

# A link or a picture: ⟦see https://t.co/Ab1 now⟧ -> 'see   now'; ⟦pic.twitter.com/0eJt⟧ -> ''
_LINK = regex.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", regex.IGNORECASE)

# An embedded tweet's signature, "— Name (@handle) Month day, year", is kept: who posted it
# and when are clues (Snopes claims name the month and year a rumour spread).

# Words inside hashtags and handles split at case changes:
# ⟦#AustralianFires⟧ -> 'Australian Fires'; ⟦@CNNPolitics⟧ -> 'CNN Politics'
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})")
_TAG = regex.compile(r"[#@](\w+)")

# Words and numbers; a number keeps its inner separators: ⟦U.S. spent $1,200.50 on 5G⟧
# -> ['u', 's', 'spent', '1200.50', 'on', '5g']
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*\p{L}*|\p{L}+(?:['’]\p{L}+)?")
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}\b)")
_APOSTROPHE = regex.compile(r"['’](s|t|re|ve|ll|d|m)$")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves s t re ve ll d m don didn doesn
    isn wasn aren weren won wouldn shouldn couldn via amp rt also""".split()
)
# 'not' and 'no' carry meaning in a claim, but a paraphrase rarely keeps them: they stay stopwords.

# Light stemming, longest suffix first; a stem keeps at least three letters:
# 'protesters' -> 'protest', 'released' -> 'releas', 'vaccines' -> 'vaccin', 'cities' -> 'citi'
_SUFFIXES = (
    "ational", "ization", "fulness", "ousness", "iveness", "ements", "ations", "ingly",
    "ments", "ation", "ement", "ness", "less", "ings", "ment", "ers", "ies", "ing", "ion",
    "ied", "ed", "es", "er", "ly", "s", "e", "y",
)  # fmt: skip


def clean(text: str) -> str:
    """The words a reader sees: links and hashtag marks gone, handles split into words.

    >>> clean("Wow #AustralianFires pic.twitter.com/x — Bio (@BioDiv) January 14, 2020")
    'Wow Australian Fires   — Bio (Bio Div) January 14, 2020'
    """
    text = _LINK.sub(" ", text)
    return _TAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)


def fold(text: str) -> str:
    """Lower case without accents: 'Núñez' -> 'nunez'."""
    text = text.casefold()
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A crude suffix stripper: 'vaccinations' -> 'vaccin'; numbers stay as they are."""
    if word[0].isdigit() or len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Folded words of cleaned ``text``, stopwords kept: "Obama's 1,200 vets" -> ['obama', '1200', 'vets']."""
    folded = _THOUSANDS.sub("", fold(clean(text)))
    found = _TOKEN.findall(folded)
    if "'" in folded or "’" in folded:
        return [_APOSTROPHE.sub("", w) for w in found]
    return found


def terms_of(folded_words: list[str]) -> list[str]:
    """Index terms of ``words()``: stopwords dropped, the rest stemmed."""
    return [stem(w) for w in folded_words if w not in STOPWORDS]


def terms(text: str) -> list[str]:
    """Index terms: words without stopwords, stemmed. 'The vaccines were banned' -> ['vaccin', 'bann']."""
    return terms_of(words(text))
