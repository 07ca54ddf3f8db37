"""Stage 0: the article's layout — paragraphs, sentence ends, tags, tweets and
transcript turns.  Everything downstream looks things up here by offset."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from . import layout_patterns as LP


@dataclass(frozen=True, slots=True)
class Tweet:
    """An embedded tweet: its body's span and who wrote it."""

    start: int
    end: int
    author: str  # "Ben Jacobs" or the handle
    author_span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Turn:
    """A transcript turn "PENCE: …" from its label to the paragraph's end."""

    start: int
    end: int
    label: str
    label_span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Layout:
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    tags: tuple[tuple[int, int], ...]  # HTML tags: quotation marks in them are not quotes
    sentence_ends: tuple[int, ...]  # offsets where a new sentence starts
    tweets: tuple[Tweet, ...]
    turns: tuple[Turn, ...]
    para_starts: tuple[int, ...] = ()

    def paragraph_of(self, pos: int) -> int:
        """Index of the paragraph holding ``pos`` (or the last one before it)."""
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def sentence_start(self, pos: int, floor: int) -> int:
        """Start of the sentence holding ``pos``, not before ``floor``."""
        i = bisect_right(self.sentence_ends, pos) - 1
        return max(floor, self.sentence_ends[i]) if i >= 0 else floor

    def sentence_stop(self, pos: int, ceiling: int) -> int:
        """Start of the next sentence after ``pos``, not after ``ceiling``."""
        i = bisect_right(self.sentence_ends, pos)
        return min(ceiling, self.sentence_ends[i]) if i < len(self.sentence_ends) else ceiling

    def tweet_at(self, pos: int) -> Tweet | None:
        return _span_at(self.tweets, pos)

    def turn_at(self, pos: int) -> Turn | None:
        return _span_at(self.turns, pos)


def _span_at(items: tuple, pos: int):
    """The item (sorted, non-overlapping, with .start/.end) that holds ``pos``."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo and items[lo - 1].start <= pos < items[lo - 1].end:
        return items[lo - 1]
    return None


def find_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in LP.PARAGRAPH.finditer(text))


def find_tags(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in LP.HTML_TAG.finditer(text))


def find_sentence_starts(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in LP.SENTENCE_END.finditer(text))


def find_tweets(text: str, paragraphs: tuple[tuple[int, int], ...]) -> tuple[Tweet, ...]:
    """Tweets as <tweet …>body</tweet> elements or as "… — Name (@handle) date" lines
    (``paragraphs``: find_paragraphs(text), found once by analyse)."""
    out = []
    for m in LP.TWEET_ELEMENT.finditer(text):
        body_start, body_end = m.span("body")
        sig = _last_signature(text, body_start, body_end)
        if sig:
            out.append(Tweet(body_start, body_end, sig.group("name").strip(), sig.span("name")))
            continue
        a = LP.TWEET_AUTHOR.search(m.group("open"))
        if a:
            s = m.start("open") + a.start("handle")
            out.append(Tweet(body_start, body_end, a.group("handle"), (s, s + len(a.group("handle")))))
    elements = tuple(out)
    for s, e in paragraphs:
        if "(@" not in text[s:e]:
            continue
        sig = _last_signature(text, s, e)
        if sig and sig.group("date") and e - sig.end() < 40 and not _span_at(elements, sig.start()):
            out.append(Tweet(s, sig.start(), sig.group("name").strip(), sig.span("name")))
    return tuple(sorted(out, key=lambda t: t.start))


def _last_signature(text: str, start: int, end: int) -> regex.Match | None:
    last = None
    for sig in LP.TWEET_SIGNATURE.finditer(text, start, end):
        last = sig
    return last


def find_turns(text: str, paragraphs) -> tuple[Turn, ...]:
    """Transcript turns; an article needs two labelled paragraphs to count as a transcript."""
    out = []
    for s, e in paragraphs:
        m = LP.TRANSCRIPT_LABEL.match(text, s, e)
        if m:
            out.append(Turn(m.end(), e, m.group("label"), m.span("label")))
    return tuple(out) if len(out) >= 2 else ()


def analyse(text: str) -> Layout:
    paragraphs = find_paragraphs(text)
    return Layout(
        text,
        paragraphs,
        find_tags(text),
        find_sentence_starts(text),
        find_tweets(text, paragraphs),
        find_turns(text, paragraphs),
        tuple(s for s, _ in paragraphs),
    )
