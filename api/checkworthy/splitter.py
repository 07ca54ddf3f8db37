"""Split a quote (or any text) into sentences, as spans into the text.

``split_sentences(text)`` returns ``(start, end)`` pairs with ``text[start:end]``
a sentence stripped of surrounding whitespace. A candidate end is terminal
punctuation (``.``, ``?``, ``!``, ``…`` or a run of them) plus any closing
quotation marks or brackets, followed by whitespace or the end of the text
(so ``3.5`` and ``U.S.-led`` never split). It is accepted when the next
sentence starts like one (an uppercase letter or a digit, possibly after an
opening quote) and, for a single period, when the word before it is not an
abbreviation: titles (``Mr.``, ``Dr.``, ``Sen.``) never end a sentence;
ambiguous ones (``U.S.``, ``p.m.``, ``Jan.``, ``Inc.``, initials) end it only
when a common sentence opener follows (``in the U.S. The economy``).
A blank line always ends a sentence; a final fragment without a period is a
sentence too.

Linear time: one scan per paragraph, each candidate checked in O(1).
"""

from __future__ import annotations

from .patterns import DOTTED, NEXT_START, NEXT_WORD, PARAGRAPH, SENTENCE_END, WORD_BEFORE

# Abbreviations that precede a name or number: a period after them never ends
# a sentence ("Mr. Smith", "Sen. Warren", "No. 1", "St. Louis").
TITLES = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof sen sens rep reps gov lt col gen maj capt cmdr
    adm sgt cpl pvt brig supt det insp rev fr hon pres amb atty st mt ft no nos vol
    fig art sec ch pp op vs v cf approx dept univ
""".split()
)

# Abbreviations that may also end a sentence: a period after them ends it only
# when a sentence opener follows ("at 3 p.m. He left" splits, "3 p.m. Tuesday"
# does not).
AMBIGUOUS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun inc corp co ltd llc bros assn jr sr etc al esq
""".split()
)

# Words that typically open a sentence; after an ambiguous abbreviation they
# mark a sentence end.
OPENERS = frozenset(
    """
    the a an he she it we they i you this that these those there here his her
    its our their my your but and so or yet if when while as after before since
    because although though in on at for from with by to of what who why how
    where which not no yes now then still also however meanwhile today
    yesterday tomorrow last next some many most all both each every one
""".split()
)

_WINDOW = 16  # the longest abbreviation looked at, in characters


def _is_boundary(text: str, m, limit: int) -> bool:
    """Does the candidate end ``m`` (a SENTENCE_END match) end a sentence?

    ``limit`` is the end of the paragraph: nothing after it is looked at.
    """
    nxt = m.end()
    if nxt < limit and not NEXT_START.match(text, nxt, limit):
        return False  # 'e.g. this', '"Why?" he asked', 'U.S. economy'
    if m.group("punct") != "." or m.group("close"):
        return True  # '?', '!', '...', or '."' : a real end
    dot = m.start()
    w = WORD_BEFORE.search(text, max(0, dot - _WINDOW), dot)
    if w is None:
        return True  # '1990.' or ')."'
    if w.start() > 0 and (text[w.start() - 1].isalnum()):
        return True  # window cut a long word ('...ashington')
    word = w.group()
    low = word.lower()
    if low in TITLES:
        return False
    ambiguous = low in AMBIGUOUS or (len(word) == 1 and word.isupper()) or DOTTED.fullmatch(word) is not None
    if not ambiguous:
        return True
    if nxt >= limit:
        return True
    after = NEXT_WORD.match(text, nxt, limit)
    return after is not None and after.group(1).lower() in OPENERS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, in order, none empty.

    >>> t = 'Mr. Smith paid $3.5 million in the U.S. "It was a lot." He left'
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Smith paid $3.5 million in the U.S.', '"It was a lot."', 'He left']
    """
    spans: list[tuple[int, int]] = []
    if not isinstance(text, str):
        return spans
    para_start = 0
    bounds = [(p.start(), p.end()) for p in PARAGRAPH.finditer(text)]
    bounds.append((len(text), len(text)))
    for para_end, next_para in bounds:
        start = para_start
        for m in SENTENCE_END.finditer(text, para_start, para_end):
            if m.start() < start:
                continue
            if _is_boundary(text, m, para_end):
                s, e = _strip(text, start, m.end("close"))
                if s < e:
                    spans.append((s, e))
                start = m.end()
        s, e = _strip(text, start, para_end)
        if s < e:
            spans.append((s, e))
        para_start = next_para
    return spans
