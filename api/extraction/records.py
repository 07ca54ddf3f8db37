"""The engine's output: immutable records with offsets into the exact input string.

Every offset is a Python ``str`` index (code points) into the text given to
``extract()``, so ``text[q.start:q.end] == q.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass

# Quote kinds.
FULL = "full"  # a whole quoted statement: “We will win,” she said.
PARTIAL = "partial"  # a fragment inside reported speech: called it “a disaster”
CONTINUATION = "continuation"  # a quote paragraph that continues the previous speaker
TRANSCRIPT = "transcript"  # PENCE: We will win.
TWEET = "tweet"  # embedded tweet: … — Name (@handle) date
KINDS = (FULL, PARTIAL, CONTINUATION, TRANSCRIPT, TWEET)

# Speaker kinds.
PERSON = "person"
ORGANIZATION = "organization"
UNKNOWN = "unknown"  # "a senior official", "sources": a speaker with no name


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or organisation resolved within one article.

    "Defense Secretary Lloyd Austin", "Austin" and "he" in one article are one
    Speaker(name="Lloyd Austin", title="Defense Secretary", aliases=(...)).
    """

    name: str
    title: str | None = None
    kind: str = PERSON
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: its words (without quotation marks) and who said them."""

    start: int
    end: int
    text: str
    kind: str = FULL
    speaker: Speaker | None = None
    mention: Span | None = None  # the local mention the cue attaches to: "he", "Austin"
    cue: Span | None = None  # "said", "told reporters", "according to"
    confidence: float = 0.0  # in [0, 1]
