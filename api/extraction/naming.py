"""Language-neutral stage: a speaker mention -> the article's Speaker.

    "der EU-Außenbeauftragte Javier Solana" -> Speaker("Javier Solana", "EU-Außenbeauftragte")
    a later "Solana"                        -> the same Speaker
    "er"                                    -> the nearest earlier named person of its gender
    "ein Sprecher", "die Polizei"           -> nameless (UNKNOWN) or an organisation
    "Jung, Geschäftsführer des Bauernbundes" -> the chosen "Geschäftsführer" is Jung (named_apposition)

Nameless speakers stay ``UNKNOWN``: the service keeps their quotes' mention and
stores no speaker record for them.
"""

from __future__ import annotations

from bisect import bisect_left

from .mentions import Mention, roles
from .ranking import Context
from .records import ORGANIZATION, PERSON, UNKNOWN, Speaker

_LOOKBACK = 2000  # characters searched back for a pronoun's antecedent


class Cast:
    """The people and organisations one article names, built as its quotes are attributed."""

    def __init__(self, ctx: Context, mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_surname: dict[str, Speaker] = {}

    def speaker(self, m: Mention) -> Speaker | None:
        if m.pronoun:
            return self._antecedent(m)
        return self._named(m)

    def _parts(self, m: Mention) -> tuple[list[str], list[str]]:
        """(title words, name words) of a mention."""
        lx = self.ctx.lexicon
        words = [w.text for w in self.ctx.words[m.first + (m.determiner is not None) : m.last + 1]]
        title: list[str] = []
        k = 0
        while k < len(words) and (
            not words[k][:1].isupper()
            or roles(words[k], lx.code)[0]
            or (k == 0 and m.determiner and lx.nouns_capitalised)
        ):
            title.append(words[k])
            k += 1
        return title, words[k:]

    def _named(self, m: Mention) -> Speaker:
        text = self.ctx.text[m.start : m.end]
        title, name = self._parts(m)
        if not m.named or not name:  # "ein Sprecher" -> "Sprecher", as English drops its article
            bare = self.ctx.text[self.ctx.words[m.first + (m.determiner is not None)].start : m.end]
            kind = ORGANIZATION if m.org and not m.title else UNKNOWN
            return Speaker(bare, bare if kind == UNKNOWN else None, kind)
        kind = ORGANIZATION if m.org and not m.title and m.gender is None else PERSON
        full = " ".join(name)
        known = self.by_surname.get(name[-1])
        if known is not None and len(name) == 1:
            return known
        speaker = Speaker(full, " ".join(title) or None, kind, (text,))
        if kind == PERSON and (known is None or len(name) > 1):
            self.by_surname[name[-1]] = speaker
        return speaker

    def _antecedent(self, m: Mention) -> Speaker | None:
        k = bisect_left(self.starts, m.start) - 1
        while k >= 0 and self.mentions[k].start >= m.start - _LOOKBACK:
            c = self.mentions[k]
            k -= 1
            if c.pronoun or not c.named or (c.org and not c.title) or not (c.gender or c.title):
                continue
            if m.gender and c.gender and c.gender != m.gender:
                continue
            s = self._named(c)
            if s.kind == PERSON:
                return s
        return None


def named_apposition(ctx: Context, mentions: list[Mention], starts: list[int], m: Mention) -> Mention:
    """The name a nameless description stands in apposition to, or ``m`` itself:
    "⟦Reinhard Jung⟧, Geschäftsführer des Bauernbundes", "Geschäftsführer des Bauernbundes,
    ⟦Reinhard Jung⟧": a reader names the person, and so do the speaker records."""
    if m.named or m.pronoun:
        return m
    k = bisect_left(starts, m.start)
    words = ctx.words
    if k > 0:
        p = mentions[k - 1]
        if p.named and not p.pronoun and p.last + 2 == m.first and words[p.last + 1].text == ",":
            return p
    j = k + 1
    if j < len(mentions) and mentions[j].determiner == "obl" and mentions[j].first == m.last + 1:
        j += 1  # Geschäftsführer ⟦des Bauernbundes⟧, Reinhard Jung
    if j < len(mentions):
        n = mentions[j]
        last = mentions[j - 1].last if j > k + 1 else m.last
        if n.named and not n.pronoun and last + 2 == n.first and words[last + 1].text == ",":
            return n
    return m
