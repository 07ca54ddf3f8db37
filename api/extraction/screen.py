"""English stage 3b: a learned last look at "is this quoted stretch speech?".

The rules (``classify.py``) drop titles, nicknames, asides and coined names they
recognise; what they keep still holds scare quotes, names of programs and slogans.
Each kept stretch is described by named features (its length, capitalisation
and final punctuation, the word before its opening mark, how its cue was found,
what kind of mention and speaker that cue gives); a logistic regression fitted on
PolNeAR train by ``scripts/train_screen.py`` (``screen_en.json``) gives the chance
that the annotators count it as a quote, and stretches below the threshold chosen
by cross-validation on train are dropped. Then a quote whose calibrated confidence
is under the ``abstain`` level (chosen on train by cross-validated end-to-end F1) is
left out: the engine does not guess a speaker it is unsure of.

    >>> features_of("a  “disaster”", 4, 12, 3, 12, None, None)[:3]
    ['words:1', 'caps:none', 'ends:word']
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .cues import TURN, TWEET_AUTHOR, Cue
from .ranking import Model, bucket, logistic
from .records import Speaker

SCREEN_PATH = Path(__file__).with_name("screen_en.json")
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "who"))
_PREV = {
    **dict.fromkeys(
        ("the", "a", "an", "his", "her", "their", "its", "this", "that", "our", "my"), "determiner"
    ),
    **dict.fromkeys(
        ("of", "in", "on", "for", "with", "as", "at", "from", "about", "to", "by", "into"), "preposition"
    ),
    **dict.fromkeys(
        ("called", "dubbed", "named", "titled", "labeled", "branded", "known", "so-called"), "naming"
    ),
    **dict.fromkeys(("said", "says", "told", "added", "asked", "wrote", "tweeted", "stated"), "verb"),
    **dict.fromkeys(("and", "or", "but"), "conjunction"),
}
_FUNCTION = frozenset(
    "a an the of in on for to and or but with at by from as is are was be his her their its our my".split()
)


_CAPS_WORDS = 16
_DIGIT = re.compile(r"\d")


def load(path: Path = SCREEN_PATH) -> Model | None:
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    cal = raw.get("calibration")
    return Model(raw["bias"], raw["weights"], raw["threshold"], (cal[0], cal[1]) if cal else None)


def features_of(
    text: str, open_: int, start: int, end: int, close: int, cue: Cue | None, speaker: Speaker | None
) -> list[str]:
    """The named features of the stretch ``start:end`` quoted between ``open_`` and ``close``."""
    # a stretch over 200 characters has over 15 words; its capitalisation is read on the first 16
    words = text[start : min(end, start + 200)].split()
    n_words = len(words) if end - start <= 200 else 16
    body = words[:_CAPS_WORDS]
    content = [w for w in body if w.lower().strip(",.;:!?’'") not in _FUNCTION]
    caps = sum(1 for w in content if w[:1].isupper())
    last = text[start:end].rstrip("’'\")] ")[-1:]
    before = text[max(0, open_ - 25) : open_].split()
    prev = before[-1].lower().strip(",;:") if before else ""
    prev_char = text[open_ - 1 : open_] if open_ else ""
    after = text[close + 1 : close + 3].strip()[:1] if close >= 0 else "open"
    how = cue.how if cue is not None else "none"
    mention = text[cue.mention[0] : cue.mention[1]] if cue is not None else ""
    mform = (
        "none"
        if not mention
        else "pronoun"
        if mention.lower() in _PRONOUNS
        else "name"
        if all(w[:1].isupper() for w in mention.split())
        else "description"
    )
    size = bucket(n_words, (1, 2, 3, 7, 15))
    caps_f = "caps:all" if content and caps == len(content) else "caps:some" if caps else "caps:none"
    f = [
        "words:" + size,
        caps_f,
        "ends:" + (last if last in ".!?,:;" else "word"),
        "starts:upper" if body and body[0][:1].isupper() else "starts:lower",
        "prev:" + _PREV.get(prev, "cap" if before and before[-1][:1].isupper() else "other"),
        "prev-char:" + (prev_char if prev_char in ",:(—-" else "space" if prev_char.isspace() else "other"),
        "after:" + (after if after in ",.;:)?!" else "open" if after == "open" else "other"),
        "how:" + how,
        "mention:" + mform,
        "speaker:" + (speaker.kind if speaker is not None else "none"),
        "digits" if _DIGIT.search(text, start, end) else "no-digits",
        "how:" + how + "&words:" + size,
        caps_f + "&words:" + size,
        caps_f + "&how:" + how,
        "mark:" + ("straight" if text[open_ : open_ + 1] == '"' else "curly"),
        "opens-paragraph" if prev_char in ("\n", "") else "inside-paragraph",
        "unclosed" if close < 0 else "closed",
    ]
    return f


# A tweet's author or a transcript label stands for a cue: what they hold is speech.
STRUCTURAL = frozenset((TWEET_AUTHOR, TURN))


def calibrated(model: Model | None, p: float) -> float:
    """The rules' confidence ``p`` Platt-scaled on train (``logistic(a · logit(p) + b)``)."""
    return p if model is None else round(model.calibrated(p), 3)


def abstain_below(path: Path = SCREEN_PATH) -> float:
    """The confidence under which an English quote is left out (0.0: none is)."""
    if not path.exists():
        return 0.0
    with open(path, encoding="utf-8") as fh:
        return float(json.load(fh).get("abstain", 0.0))


def answers(confidence: float, cue: Cue | None, abstain: float) -> bool:
    """Whether a quote is given at all: a quote whose calibrated confidence (the chance that it
    is a quote and its speaker right) is under ``abstain`` costs end-to-end precision more than
    it adds recall, so it is left out; a tweet's author or a transcript turn always stays."""
    return confidence >= abstain or (cue is not None and cue.how in STRUCTURAL)


def keep(model: Model | None, features: list[str], cue: Cue | None) -> bool:
    """Whether the stretch stays a quote: the model's chance of it at least its threshold."""
    if model is None or (cue is not None and cue.how in STRUCTURAL):
        return True
    return logistic(model.logit(features)) >= (model.threshold or 0.0)
