"""Language-neutral stage: lexicalised evidence for "which mention said it".

The speaker model's structural features (``ranking.speaker_features``: region, rank,
form, what touches a mention) do not say what a mention names. These do, so that the
model learns from the annotated train set which heads speak ("Sprecher", "Polizei",
"er") and which never do ("Maßnahmen", "Bekunden", "Kühlwasser"):

    head:sprecher    the mention's head word: its first capitalised word after the determiner
                     and adjectives, a pronoun's own word, "<name>" for a bare name
    suffix:ung       the head's last three letters, for heads train never saw ("-ung",
                     "-heit", "-ten" are things; "-ter", "-rin" people)
    left:nach        the word before the mention: "⟦Nach⟧ der Kabinettssitzung sagte …" is no
                     speaker, "sagte ⟦Schily⟧", "laut ⟦der Polizei⟧" are

    >>> from .lexicons import LEXICONS
    >>> from .mentions import find_mentions, tokenize
    >>> from .ranking import Context
    >>> text = "Das Bekunden kam spät. Dann sagte der frühere Minister Weber: „Nein.“"
    >>> words = tokenize(text)
    >>> ctx = Context(text, words, LEXICONS["de"], frozenset(), frozenset())
    >>> ms = find_mentions(text, words, LEXICONS["de"], [(text.index("„"), len(text))])
    >>> [head_features(ctx, m) for m in ms]
    [['head:bekunden', 'suffix:den', 'left:'], ['head:minister', 'suffix:ter', 'left:sagte']]
"""

from __future__ import annotations

from .mentions import Mention
from .ranking import Context

_MIN_SUFFIXED = 5  # a head of fewer letters has no suffix feature


def head_word(ctx: Context, m: Mention) -> str:
    """The word that says what a mention is: "der ehemalige ⟦Minister⟧ Hans Weber", "⟦er⟧";
    a name without a determiner, role or organisation word is "<name>"."""
    words = ctx.words
    if m.pronoun:
        return words[m.first].text.lower()
    if m.determiner is None and m.named and not m.title and not m.org:
        return "<name>"
    i = m.first + (m.determiner is not None)
    while i < m.last and not words[i].text[:1].isupper():
        i += 1
    return words[i].text.lower()


def head_features(ctx: Context, m: Mention) -> list[str]:
    head = head_word(ctx, m)
    left = "left:" + (ctx.words[m.first - 1].text.lower() if m.first else "")
    if len(head) < _MIN_SUFFIXED or head == "<name>":
        return ["head:" + head, left]
    return ["head:" + head, "suffix:" + head[-3:], left]
