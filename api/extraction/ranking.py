"""Language-neutral stage: evidence for "is this a quote" and for "which mention
said it", and the small logistic models that weigh it.

The features are names ("before:verb-right", "words:2-3"); a model is a weight
per name and a bias, fitted on the annotated train sets by
``scripts/train_attribution.py`` and shipped in ``weights.json`` (one pair of
models per language).  Inference is a sum and a logistic: pure Python.

    >>> logistic(0.0)
    0.5
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .lexicons import Lexicon
from .mentions import Mention, Word

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
SENTENCE_PUNCT = ".!?"
# The quote features that get a copy for short stretches (up to three words): "caps:all&short".
_CROSSED_WITH_SHORT = (
    *("caps", "verb", "no-verb", "marker", "no-marker", "prev", "ends", "cue", "no-cue"),
    *("reported", "dass"),
)


@dataclass(frozen=True)
class Context:
    """One article as the features read it."""

    text: str
    words: list[Word]
    lexicon: Lexicon
    verbs: frozenset[int]  # indices of speech-verb words outside quotes
    markers: frozenset[int]  # indices of reported-speech markers and cue words outside quotes


@dataclass(frozen=True, slots=True)
class Sentence:
    """What the sentence of a quote holds outside quotation marks."""

    verb: bool  # a speech verb
    verb_before: bool  # one in the sentence before
    marker: bool  # a reported-speech marker or cue word
    colon: bool  # a colon right before the quote
    cue_after: str  # "comma" („…“, sagte er), "direct" („Spiegel“ berichtet) or "" (no cue word next)
    cue_before: bool  # one within three words before the opening mark
    reported: str = ""  # where a reported-speech marker (sei, habe) stands: clause, sentence, previous
    dass: bool = False  # "dass" before the quote in its sentence: Er sagte, dass die „…“


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float | None = None
    calibration: tuple[float, float] | None = None  # (a, b): confidence = logistic(a * logit(p) + b)

    def calibrated(self, p: float) -> float:
        if self.calibration is None or not 0.0 < p < 1.0:
            return p
        a, b = self.calibration
        return logistic(a * math.log(p / (1.0 - p)) + b)

    def logit(self, features: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features)


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def load_models(path: Path = WEIGHTS_PATH) -> dict[str, dict[str, Model]]:
    """{language: {"quote": Model, "speaker": Model}} from ``weights.json``."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return {
        lang: {
            name: Model(m["bias"], m["weights"], m.get("threshold"), _pair(m.get("calibration")))
            for name, m in models.items()
            if isinstance(m, dict)
        }
        for lang, models in raw.items()
    }


def _pair(value) -> tuple[float, float] | None:
    return (float(value[0]), float(value[1])) if value else None


def bucket(n: int, bounds: tuple[int, ...] = (1, 3, 7, 15)) -> str:
    """``n``'s band, ``bounds`` being the bands' tops from 1: with (1, 3, 7, 15) 0 -> '0', 1 -> '1',
    3 -> '2-3', 5 -> '4-7', 12 -> '8-15', 40 -> '16+' (the names the trained weights know)."""
    bands = _bands(bounds)
    return bands[0] if n <= 0 else bands[min(n, len(bands) - 1)]


@functools.cache
def _bands(bounds: tuple[int, ...]) -> tuple[str, ...]:
    """The band of every n from 0 to the last top + 1, made once per ``bounds``."""
    bands, low = ["0"], 1
    for top in bounds:
        bands += [str(top) if low == top else f"{low}-{top}"] * (top - low + 1)
        low = top + 1
    return (*bands, f"{low}+")


def _word(ctx: Context, i: int) -> str:
    return ctx.words[i].text.lower() if 0 <= i < len(ctx.words) else ""


def _verb_like(lx: Lexicon, w: str) -> bool:
    """A lowercase word that is no function word, article or preposition: in German mostly a verb."""
    return (
        w.isalpha()
        and w.islower()
        and not (w in lx.function_words or w in lx.determiners or w in lx.prepositions)
    )


def quote_features(
    ctx: Context, open_: int, start: int, end: int, close: int, sentence: Sentence
) -> list[str]:
    """Evidence that a quoted stretch is speech, not a title, a name or a coined term."""
    text, lx = ctx.text, ctx.lexicon
    body = text[start:end].split()
    content = [w for w in body if w.lower().strip(",.;:!?") not in lx.function_words]
    caps = sum(1 for w in content if w[:1].isupper())
    last = text[start:end].rstrip("’'\")] ")[-1:]
    before = text[max(0, open_ - 30) : open_].split()
    after = text[close + 1 : close + 4] if close >= 0 else ""
    prev = before[-1].lower().strip(",") if before else ""
    f = [
        "words:" + bucket(len(body)),
        "caps:all" if content and caps == len(content) else "caps:some" if caps else "caps:none",
        "ends:" + (last if last in SENTENCE_PUNCT + ",:" else "word"),
        "starts:upper" if body and body[0][:1].isupper() else "starts:lower",
        "verb-in-sentence" if sentence.verb else "no-verb-in-sentence",
        "verb-in-previous" if sentence.verb_before else "no-verb-in-previous",
        "marker-in-sentence" if sentence.marker else "no-marker-in-sentence",
        "after-colon" if sentence.colon else "not-after-colon",
        "cue-after:" + (sentence.cue_after or "none"),
        "cue-before" if sentence.cue_before else "no-cue-before",
        "after:" + (after.strip()[:1] if after.strip()[:1] in ",.;:" else "other"),
        "digits" if any(ch.isdigit() for ch in text[start:end]) else "no-digits",
        "unclosed" if close < 0 else "closed",
        "reported:" + (sentence.reported or "none"),
        "dass" if sentence.dass else "no-dass",
    ]
    if prev in lx.determiners or prev in lx.oblique_determiners:
        f.append("prev:determiner")
    elif prev in lx.prepositions:
        f.append("prev:preposition")
    elif prev in lx.speech_verbs:
        f.append("prev:verb")
    elif prev in lx.naming_words:
        f.append("prev:naming")
    if len(body) <= 3:
        f += [x + "&short" for x in f if x.startswith(_CROSSED_WITH_SHORT)]
    return f


def with_speaker_evidence(features: list[str], top: float | None) -> list[str]:
    """The quote's features and how strongly its best candidate speaker scored (a cue reaches it)."""
    if top is None:
        return [*features, "speaker:none"]
    return [
        *features,
        "speaker:"
        + ("<-2" if top < -2 else "<0" if top < 0 else "<2" if top < 2 else "<4" if top < 4 else "4+"),
    ]


def speaker_features(
    ctx: Context, m: Mention, region: str, rank: int, gap: int, sentence: Sentence, first: bool
) -> list[str]:
    """Evidence that mention ``m`` is the source of a quote: where it stands (``region``:
    before, after, previous sentence), how near (``rank`` among the region's
    candidates, ``gap`` words), and what cue words touch it."""
    lx = ctx.lexicon
    left, left2, right = _word(ctx, m.first - 1), _word(ctx, m.first - 2), _word(ctx, m.last + 1)
    right2 = _word(ctx, m.last + 2)
    own = [
        "pronoun" if m.pronoun else "det:" + (m.determiner or "none"),
        "named" if m.named else "unnamed",
        "title" if m.title else "no-title",
        "org" if m.org else "no-org",
        "rank:" + bucket(rank),
        "gap:" + bucket(gap),
        "verb-in-sentence" if sentence.verb else "no-verb-in-sentence",
        "first" if first else "not-first",
    ]
    if m.last + 1 in ctx.verbs or (right in (",", "(") and m.last + 2 in ctx.verbs and region != "after"):
        own.append("verb-right")
    if m.first - 1 in ctx.verbs:
        own.append("verb-left")
    if right in lx.cue_after_speaker:
        own.append("cue-right:" + right)
    if left in lx.cue_before_speaker:
        own.append("cue-left:" + left)
    elif left2 in lx.cue_before_speaker:
        own.append("cue-left2:" + left2)
    if left in lx.prepositions and left not in lx.cue_before_speaker:
        own.append("preposition-left")
    elif (
        left2 in lx.prepositions
        and left.isalpha()
        and left not in lx.speech_verbs
        and left2 not in lx.cue_before_speaker
    ):
        own.append("preposition-left")  # angesichts solcher ⟦Alternativen⟧
    if left == "," and region == "after":
        own.append("comma-left")
    if right2 in lx.speech_verbs and right not in (",", "."):
        own.append("verb-right2")
    if sentence.colon and region == "before":
        own.append("colon")
    touching = "verb-right" in own or "verb-left" in own or "verb-right2" in own
    oblique = m.determiner == "obl" or "preposition-left" in own
    source = left in lx.cue_before_speaker or left2 in lx.cue_before_speaker or right in lx.cue_after_speaker
    if touching and not oblique:
        own.append("speech-subject")  # Der Minister sagte / sagte der Minister, not "warf dem Minister vor"
    if touching and oblique:
        own.append("speech-object")
    if source:
        own.append("source-cue")  # laut der Polizei, so der Minister, dem Bericht zufolge
    if not (touching or source):
        own.append("no-cue")
    own.append(
        ("subject" if touching and not oblique else "source" if source else "other") + ":rank:" + bucket(rank)
    )
    if not oblique:
        # German puts the finite verb second: ⟦Die Bundesländer⟧ erwarten …, or after it
        # Dort erwartet ⟦die Polizei⟧ …: a nominative next to a verb-like word is the subject.
        if first and _verb_like(lx, right):
            own.append("clause-subject:first")
        elif _verb_like(lx, left):
            own.append("clause-subject:inverted")
    if first:
        own.append("first&" + own[0])  # Die Bundesländer erwarten …: a sentence's first phrase is its subject
    return ["all:" + x for x in own] + [region + ":" + x for x in own] + [region]
