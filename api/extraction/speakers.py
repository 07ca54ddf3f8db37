"""Stage 3: resolve each quote's local mention to one speaker of the article.

The article's cast is built from every name outside quotation marks, in order:
"Defense Secretary Lloyd Austin" opens an entity, a later "Austin" or
"Mr. Austin" joins it.  A pronoun resolves to the nearest earlier person of its
gender (from honorifics, title words, given names and pronouns already
resolved); "who" to the name it follows; "the senator" to the person holding
that title; other descriptions and organisations stand for themselves.  Every
quote of one entity carries the same Speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from . import lexicon as lx
from . import name_patterns as NP
from . import names
from .cues import ACCORDING, TURN, Cue
from .layout import Layout
from .quotes import QuoteSpan
from .records import ORGANIZATION, PERSON, UNKNOWN, Speaker

_PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
_PLURAL_PRONOUNS = ("they", "it", "their", "its")
_LOOKBACK = 3000  # characters searched back for a pronoun's antecedent
SUBJECT_BONUS = 1.0  # a subject mention outranks this many more recent other mentions
GENDER_BONUS = 2.0  # so does a mention whose gender is known to match
AMBIGUITY_MARGIN = 1.0  # a runner-up this close makes a pronoun ambiguous (lower confidence)
_MAX_CANDIDATES = 50
_TITLE_WORDS = set(lx.TITLE_WORDS) | set(lx.TITLE_MODIFIERS)


@dataclass
class Entity:
    name: str
    title: str | None
    kind: str
    gender: str | None
    tokens: tuple[str, ...]
    aliases: list[str] = field(default_factory=list)
    last: int = -1  # offset of the latest mention
    first: int = -1  # and of the first

    def speaker(self) -> Speaker:
        return Speaker(self.name, self.title, self.kind, tuple(self.aliases))


class Cast:
    """The people and organisations named in one article."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.mentions: list[tuple[int, int, Entity]] = []  # outside quotes, by start
        self._subject: dict[int, bool] = {}  # mention end -> in subject position?
        self._by_token: dict[str, list[Entity]] = {}
        self.ambiguous: set[int] = set()  # pronoun offsets with two near candidates

    def link(self, parts: names.NameParts, surface: str, pos: int) -> Entity:
        """The entity this name refers to, created when new."""
        e = self._find(parts)
        if e is None:
            e = Entity(parts.name, parts.title, parts.kind, parts.gender, parts.tokens, first=pos)
            self.entities.append(e)
            for t in parts.tokens:
                self._by_token.setdefault(t.lower(), []).append(e)
        elif len(parts.tokens) > len(e.tokens) and parts.kind == PERSON:
            e.name, e.tokens = parts.name, parts.tokens  # "Austin" then "Lloyd Austin"
            for t in parts.tokens:
                if e not in self._by_token.setdefault(t.lower(), []):
                    self._by_token[t.lower()].append(e)
        e.title = e.title or parts.title
        e.gender = e.gender or parts.gender
        alias = surface.strip(" ,")
        if alias and alias not in e.aliases and len(e.aliases) < 12:
            e.aliases.append(alias)
        e.last = max(e.last, pos)
        return e

    def is_subject(self, text: str, end: int) -> bool:
        """Whether the mention ending at ``end`` is a clause subject ("Reid said …")."""
        if end not in self._subject:
            self._subject[end] = bool(NP.SUBJECT_FOLLOWS.match(text, end))
        return self._subject[end]

    def is_speaker(self, text: str, end: int) -> bool:
        """Whether the mention ending at ``end`` is the subject of a speech verb."""
        key = -end - 1
        if key not in self._subject:
            self._subject[key] = bool(NP.SPEAKER_FOLLOWS.match(text, end))
        return self._subject[key]

    def _find(self, parts: names.NameParts) -> Entity | None:
        if not parts.tokens:
            return None
        cands = self._by_token.get(parts.tokens[-1].lower(), [])
        best = None
        for e in cands[-_MAX_CANDIDATES:]:
            if e.kind != parts.kind and ORGANIZATION in (e.kind, parts.kind):
                continue
            if _compatible(e.tokens, parts.tokens) and (best is None or e.last > best.last):
                best = e
        return best


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "Austin" ~ "Lloyd Austin"; "Hillary Clinton" ~ "Hillary Rodham Clinton";
    not "Bill Clinton" ~ "Hillary Clinton"."""
    if a[-1].lower() != b[-1].lower():
        one, more = (a, b) if len(a) == 1 else (b, a)
        return len(one) == 1 and len(more) > 1 and one[0].lower() == more[0].lower()
    return (
        len(a) == 1
        or len(b) == 1
        or a[0].lower() == b[0].lower()
        or a[0].rstrip(".") == b[0][:1]
        or b[0].rstrip(".") == a[0][:1]
    )


def _inside(spans: list[QuoteSpan], starts: list[int], pos: int) -> bool:
    k = bisect_left(starts, pos + 1) - 1
    if k < 0:
        return False
    q = spans[k]
    return q.open <= pos < (q.close if q.close >= 0 else q.end)


def build_cast(layout: Layout, spans: list[QuoteSpan]) -> Cast:
    """Every name outside quotation marks, linked into entities in text order."""
    cast = Cast()
    text = layout.text
    starts = [q.open for q in spans]
    for m in NP.NAME_MENTION.finditer(text):
        if _inside(spans, starts, m.start()):
            continue
        surface = _with_title(text, m.start(), m.end())
        parts = names.parse(surface)
        if not parts.tokens or not _could_be_named(parts):
            continue
        e = cast.link(parts, surface, m.start())
        appos = (
            NP.appositive_title(text, m.end(), min(len(text), m.end() + 120))
            if text[m.end() : m.end() + 1] == "," and e.kind == PERSON and not e.title
            else None
        )
        if appos:
            e.title = appos.group("title")
        cast.mentions.append((m.start(), m.end(), e))
    return cast


def _could_be_named(parts: names.NameParts) -> bool:
    """Not "At", "I" or "Central European": some word of it can be a name."""
    if len(parts.tokens) == 1 and (parts.tokens[0] in lx.SENTENCE_OPENERS or len(parts.tokens[0]) < 2):
        return False
    return not all(t in lx.NOT_NAME_WORDS for t in parts.tokens)


def _with_title(text: str, start: int, end: int) -> str:
    """The name with the lowercase title words before it: "former Florida governor Jeb Bush"."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].islower():
        return text[start:end]
    word = text[max(start - 25, 0, text.rfind(" ", max(0, start - 25), start - 1) + 1) : start - 1].lower()
    if word not in _TITLE_WORDS:
        return text[start:end]
    t = NP.TITLE_BEFORE_NAME.search(text, max(0, start - 60), start)
    return text[t.start() : end] if t else text[start:end]


def _is_person(e: Entity) -> bool:
    return e.kind == PERSON and (len(e.tokens) > 1 or e.gender is not None or e.title is not None)


def resolve_pronoun(cast: Cast, text: str, word: str, pos: int) -> Entity | None:
    """The most salient earlier person of the pronoun's gender: recent mentions
    first, a clause subject ("Reid said that Sanders …; he added") over an object
    or possessive, a known gender over an unknown one."""
    gender = _PRONOUN_GENDER.get(word.lower())
    plural = word.lower() in _PLURAL_PRONOUNS
    k = bisect_left(cast.mentions, (pos,)) - 1
    stop = max(-1, k - 4 * _MAX_CANDIDATES)
    best, best_score, rank = None, float("-inf"), 0
    scores: dict[int, tuple[float, Entity]] = {}
    while k > stop and cast.mentions[k][0] >= pos - _LOOKBACK:
        _, end, e = cast.mentions[k]
        k -= 1
        if plural:
            if e.kind == ORGANIZATION and e.tokens[-1] not in lx.PLACE_WORDS:
                return e
            continue
        if e.kind != PERSON or (e.gender and e.gender != gender):
            continue
        subject = cast.is_subject(text, end)
        if not (_is_person(e) or cast.is_speaker(text, end)):
            continue
        score = -rank + SUBJECT_BONUS * subject + GENDER_BONUS * (e.gender == gender)
        if score > best_score:
            best, best_score = e, score
        if e.gender == gender and score > scores.get(id(e), (float("-inf"),))[0]:
            scores[id(e)] = (score, e)  # people of the pronoun's own gender, for ambiguity
        rank += 1
    runner_up = max((sc for key, (sc, e) in scores.items() if best is None or key != id(best)), default=None)
    if (
        best is not None
        and best.gender == gender
        and runner_up is not None
        and best_score - runner_up < AMBIGUITY_MARGIN
    ):
        cast.ambiguous.add(pos)  # Collins met Mills. “…,” she said: two women, either could be meant
    if best is not None and gender and best.gender is None:
        best.gender = gender
    return best


def resolve_who(cast: Cast, pos: int) -> Entity | None:
    """ "…, said Stuart Stevens, who …" — the name ending right before "who"."""
    k = bisect_left(cast.mentions, (pos,)) - 1
    if k >= 0 and pos - cast.mentions[k][1] <= 3:
        return cast.mentions[k][2]
    return None


_ABBREVIATED_TITLES = dict(
    senator="sen", governor="gov", representative="rep", congressman="rep", congresswoman="rep", general="gen"
)


def resolve_title(cast: Cast, description: str, pos: int) -> Entity | None:
    """ "the senator" -> the latest person whose title holds "senator" (or "Sen.")."""
    words = description.lower().replace(".", "").split()
    head = words[-1] if words else ""
    alt = _ABBREVIATED_TITLES.get(head)
    best = None
    for e in cast.entities[-4 * _MAX_CANDIDATES :]:
        if e.kind != PERSON or not e.title or e.last > pos + 1 and best is not None:
            continue
        t = e.title.lower().replace(".", "").split()
        if (head in t or (alt and alt in t)) and (best is None or e.last > best.last):
            best = e
    return best


def resolve_mention(layout: Layout, cast: Cast, cue: Cue) -> Entity | None:
    text = layout.text
    s, e = cue.mention
    surface = text[s:e]
    low = surface.lower()
    if low in _PRONOUN_GENDER or low in _PLURAL_PRONOUNS:
        return resolve_pronoun(cast, text, low, s)
    if low == "who":
        return resolve_who(cast, s)
    if low in lx.PRONOUN_SUBJECTS:
        return None
    if cue.how == TURN and surface.isupper():  # PENCE: -> Mike Pence
        surface = " ".join(w.capitalize() for w in surface.split())
    parts = names.parse(surface)
    if not parts.tokens and cue.appos:
        appos = names.parse(text[cue.appos[0] : cue.appos[1]])
        if appos.kind == PERSON and appos.tokens:
            return cast.link(appos, text[cue.appos[0] : cue.appos[1]], s)
    if parts.kind == UNKNOWN:
        found = resolve_title(cast, parts.name, s)
        if found is not None:
            return found
        return Entity(parts.name, parts.title, UNKNOWN, parts.gender, ())
    if parts.kind == ORGANIZATION and not parts.tokens:
        return Entity(parts.name, None, ORGANIZATION, None, ())
    found = cast.link(parts, surface, s)
    bare = len(found.tokens) == 1 and not (found.gender or found.title)  # no given name, gender or title
    if cue.how == ACCORDING and bare and found.first >= s:  # "according to Yonhap", met first there
        found.kind = ORGANIZATION  # a publication (5 of 5 such quotes on PolNeAR train)
    if cue.appos and found.kind == PERSON and not found.title:
        t = NP.appositive_title(text, cue.appos[0], cue.appos[1] + 1)
        if t:
            found.title = t.group("title")
    return found


def resolve(
    layout: Layout, spans: list[QuoteSpan], cues: list[Cue | None]
) -> tuple[list[Speaker | None], list[bool]]:
    """One Speaker (or None) per quote, quotes of one entity sharing an equal Speaker; and
    whether each quote's mention is a pronoun with two near candidates (ambiguous)."""
    cast = build_cast(layout, spans)
    entities = [resolve_mention(layout, cast, c) if c is not None else None for c in cues]
    ambiguous = [c is not None and c.mention[0] in cast.ambiguous for c in cues]
    made: dict[int, Speaker] = {}
    out = []
    for e in entities:
        if e is None:
            out.append(None)
            continue
        if id(e) not in made:
            made[id(e)] = e.speaker()
        out.append(made[id(e)])
    return out, ambiguous
