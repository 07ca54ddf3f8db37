"""Stage 1: find quotation marks and pair them into quoted stretches.

Marks are paired by position and context, paragraph by paragraph, never by
counting over the article: a straight ``"`` opens when it follows a space and
precedes a word, closes when it follows a word and precedes a space or
punctuation; a curly mark whose context contradicts its glyph (“rapists“) is
read by context.  A quote left open at the end of a paragraph runs on into the
next paragraph when that one starts with an opening mark (the multi-paragraph
convention), otherwise it ends with its paragraph.  A stray mark only costs the
quote it belongs to.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from . import layout_patterns as LP
from .layout import Layout

OPEN, CLOSE, EITHER, NONE = "open", "close", "either", "none"
_OPEN_GLYPHS = "“„‟«"
_CLOSE_GLYPHS = "”»"
_BEFORE_OPEN = "([{—–―-/…‘'" + _OPEN_GLYPHS  # characters that may precede an opening mark
_AFTER_CLOSE = ",.;:!?)]}—–―-/…’'" + _CLOSE_GLYPHS  # characters that may follow a closing mark


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: marks at ``open`` and ``close``, words in ``start:end``."""

    open: int
    start: int
    end: int
    close: int  # -1 when the stretch is not closed in its paragraph
    para: int
    continued: bool  # the quote began in an earlier paragraph
    runs_on: bool  # the quote goes on in the next paragraph


def mark_context(text: str, i: int, lo: int, hi: int) -> str:
    """How the characters around the mark at ``i`` read it: open, close, either or none."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if text[i] == '"' and prev.isdigit() and not nxt.isalnum():
        return NONE  # 6'2" tall, a 12" screen
    left = prev.isspace() or prev in _BEFORE_OPEN
    right = nxt.isspace() or nxt in _AFTER_CLOSE
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    return EITHER


def mark_role(text: str, i: int, lo: int, hi: int, inside: bool) -> str:
    """Whether the mark at ``i`` opens or closes, given the glyph, its context and
    whether a quote is open."""
    ctx = mark_context(text, i, lo, hi)
    if ctx == NONE:
        return NONE
    c = text[i]
    if c in _OPEN_GLYPHS:
        return CLOSE if inside and ctx == CLOSE else OPEN
    if c in _CLOSE_GLYPHS:
        return OPEN if not inside and ctx == OPEN else CLOSE
    if ctx == EITHER:
        return CLOSE if inside else OPEN
    return ctx


def _marks_in(layout: Layout, lo: int, hi: int) -> list[int]:
    """Double marks in ``[lo, hi)`` that are not inside an HTML tag."""
    tags = layout.tags
    out = []
    k = bisect_left(tags, (lo, lo))
    if k and tags[k - 1][1] > lo:
        k -= 1
    for m in LP.DOUBLE_MARK.finditer(layout.text, lo, hi):
        i = m.start()
        while k < len(tags) and tags[k][1] <= i:
            k += 1
        if k < len(tags) and tags[k][0] <= i < tags[k][1]:
            continue
        out.append(i)
    return out


def pair_paragraph(
    layout: Layout, lo: int, hi: int, marks: list[int] | None = None
) -> tuple[list[tuple[int, int]], int]:
    """Paired (open, close) marks of one paragraph, outermost only, and the
    position of a mark left open at its end (-1 if none).  ``marks``: the
    paragraph's marks (``_marks_in``), when the caller has them already."""
    text = layout.text
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for i in _marks_in(layout, lo, hi) if marks is None else marks:
        role = mark_role(text, i, lo, hi, bool(stack))
        if role == OPEN:
            if len(stack) < 2:
                stack.append(i)
            else:  # a third level: the first opener was stray
                stack = [stack[1], i]
        elif role == CLOSE and stack:
            o = stack.pop()
            if not stack:
                pairs.append((o, i))
    # Two openers left: the outer one had its close forgotten; keep the inner one.
    return pairs, (stack[-1] if stack else -1)


# Elisions that begin with an apostrophe: ’em, ’til, ’cause, ’n’, the ’90s.
_ELISIONS = ("em ", "til ", "tis ", "twas ", "cause ", "n ", "bout ", "round ", "nuff ")


def _single_opens(text: str, i: int, lo: int, hi: int) -> bool:
    """‘ or ' before a word, after a space or opening punctuation (not ’90s, ’em)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if not (prev.isspace() or prev in '([{—–―-/“"') or not (nxt.isalpha() or nxt in '“"…'):
        return False
    return not text[i + 1 : i + 8].lower().startswith(_ELISIONS)


def _single_closes(text: str, i: int, lo: int, hi: int) -> bool:
    """’ or ' after a word and before a space or punctuation (not don’t)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    return not prev.isspace() and not nxt.isalnum()


def pair_single(layout: Layout, lo: int, hi: int) -> list[tuple[int, int]]:
    """Single-quoted stretches of one paragraph, telling quotes from apostrophes:
    an opener pairs with the first closer that ends a clause (’ followed by
    punctuation or preceded by it), else with the last closer before the next
    opener, so "Jones’ plan" and "don’t" stay inside the quote."""
    text = layout.text
    opens, closes = [], []
    for m in LP.SINGLE_MARK.finditer(text, lo, hi):
        i = m.start()
        if text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'":
            continue  # ''…'': the typewriter double quote, not a single mark
        if text[i] in "‘'" and _single_opens(text, i, lo, hi):
            opens.append(i)
        elif text[i] in "’'" and _single_closes(text, i, lo, hi):
            closes.append(i)
    pairs = []
    c = 0
    for k, o in enumerate(opens):
        limit = opens[k + 1] if k + 1 < len(opens) else hi
        while c < len(closes) and closes[c] <= o:
            c += 1
        best = -1
        j = c
        while j < len(closes) and closes[j] < limit:
            best = closes[j]
            nxt = text[closes[j] + 1 : closes[j] + 2]
            if nxt in ",.;:!?)" or text[closes[j] - 1] in ",.!?":
                break
            j += 1
        if best >= 0 and (not pairs or o > pairs[-1][1]):
            pairs.append((o, best))
            c = j
    return pairs


def _starts_with_opener(layout: Layout, lo: int, hi: int) -> bool:
    text = layout.text
    j = lo
    while j < hi and text[j].isspace():
        j += 1
    return j < hi and text[j] in '"“«„‟' and mark_role(text, j, lo, hi, False) == OPEN


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    """A quoted stretch holds at least one letter or digit (not “,” or “ ”)."""
    return any(ch.isalnum() for ch in text[start:end])


def find_quotes(layout: Layout) -> list[QuoteSpan]:
    """All quoted stretches of the article, in order.  An article written with
    single quotation marks only (British style) has its ‘…’ read as quotes;
    otherwise single marks are nested quotes or apostrophes.  The typewriter
    double quote ''…'' is not read as a quotation mark (the evaluation's gold
    does not count it as one)."""
    text = layout.text
    if not LP.DOUBLE_MARK.search(text) and "''" not in text and LP.SINGLE_MARK.search(text):
        return find_single_quotes(layout)
    out: list[QuoteSpan] = []
    carried = False  # the previous paragraph left a quote open that runs on
    paras = layout.paragraphs
    marks = _marks_in(layout, 0, len(text))  # found once, shared out by paragraph
    for p, (lo, hi) in enumerate(paras):
        first_mark = bisect_left(marks, lo)
        pairs, left_open = pair_paragraph(
            layout, lo, hi, marks[first_mark : bisect_left(marks, hi, first_mark)]
        )
        continued_here = carried and _starts_with_opener(layout, lo, hi)
        runs_on = left_open >= 0 and p + 1 < len(paras) and _starts_with_opener(layout, *paras[p + 1])
        spans = [(o, c) for o, c in pairs]
        if left_open >= 0:
            spans.append((left_open, -1))
        spans.sort()
        for o, c in spans:
            start, end = _trimmed(text, o + 1, c if c >= 0 else hi)
            if not _has_words(text, start, end):
                continue
            first = o == spans[0][0]
            out.append(QuoteSpan(o, start, end, c, p, continued_here and first, c < 0 and runs_on))
        carried = runs_on
    return out


def find_single_quotes(layout: Layout) -> list[QuoteSpan]:
    text = layout.text
    out = []
    for p, (lo, hi) in enumerate(layout.paragraphs):
        for o, c in pair_single(layout, lo, hi):
            start, end = _trimmed(text, o + 1, c)
            if _has_words(text, start, end):
                out.append(QuoteSpan(o, start, end, c, p, False, False))
    return out
