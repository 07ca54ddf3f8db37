"""Every regular expression of the check-worthiness package, compiled once.

Two users: the sentence splitter (``splitter.py``) and the tokeniser that turns a
sentence into model features (``features.py``). Each pattern carries worked
examples; ``tests/checkworthy`` exercises them.

All patterns are linear: no nested quantifiers over overlapping classes, no
back-references, so every scan is O(len(text)).
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------
# Sentence splitting
# --------------------------------------------------------------------------

# A candidate sentence end: a run of terminal punctuation, then any closing
# quotation marks / brackets, then the whitespace that must follow.
#   'It fell.  Then'          -> '.'        + '  '
#   'war?" He said'           -> '?'  '"'   + ' '
#   'Wait... what'            -> '...'      + ' '
#   '(as he did.) Then'       -> '.'  ')'   + ' '
#   'No!!’ she'               -> '!!' '’'   + ' '
#   'said …  Next'            -> '…'        + '  '
# group "punct" is the terminal run, "close" the closers, "space" the gap.
# The split point is after "close"; the next sentence starts after "space".
SENTENCE_END = re.compile(
    r"(?P<punct>[.?!\u2026]+)"
    r"(?P<close>[\"'\u201d\u2019\u00bb)\]}]*)"
    r"(?P<space>\s+|$)"
)

# The word just before a period, to tell an abbreviation from a sentence end.
# Searched in a short window ending at the period (so each call costs O(1)):
#   'asked Mr'  -> 'Mr'      'the U.S'  -> 'U.S'     'at 3 p.m' -> 'p.m'
#   'in Jan'    -> 'Jan'     'Smith'    -> 'Smith'   'No'       -> 'No'
WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.]*$")

# Dotted acronyms and abbreviations written with inner periods:
#   'U.S', 'U.N', 'p.m', 'a.m', 'e.g', 'i.e', 'D.C', 'Ph.D', 'U.S.A'
DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")

# The first word after the gap (opening quotes/brackets skipped), to decide
# whether an ambiguous abbreviation ended the sentence:
#   'U.S. The economy' -> 'The' (a sentence starter: split)
#   'U.S. Senate'      -> 'Senate' (a name goes on: no split)
NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]*([A-Za-z]+)")

# What the next sentence may start with: an opening quote/bracket, then an
# uppercase letter or a digit.  'He left. "We' -> '"W';  'rose. 1990 was' -> '1'.
# A lowercase start after an abbreviation means the sentence goes on:
#   'the U.S. economy' -> no split;  'in the U.S. The' -> split.
NEXT_START = re.compile(r"[\"'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u00de]")

# A paragraph break (a blank line) always ends a sentence, even one with no
# final period:  'We will win\n\nThe next' -> two sentences.
PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# --------------------------------------------------------------------------
# Tokenising a sentence into model features
# --------------------------------------------------------------------------

# One token per match, tried in order (the first alternative that matches wins):
#   money:   '$500', '$1.2 billion', '$ 4,000'         -> MONEY
#   percent: '90 percent', '4.5%', '12 per cent'       -> NUM + 'percent'
#   year:    '1947', '2016', "1980s", "'80s"            -> YEAR
#   number:  '121/4', '3.5', '10,000', '1st', '9/11'    -> NUM
#   word:    "don't", "America's", 'well-known'        -> lower-cased word
#   mark:    '?', '!', '"' and curly quotes            -> '?', '!', '"'
# Apostrophes are normalised to "'" before matching; '-' joins word parts
# ('well-known') but '--' (a dash) does not.
TOKEN = re.compile(
    r"(?P<money>\$\s?\d[\d,]*(?:\.\d+)?)"
    r"|(?P<percent>\d[\d,]*(?:\.\d+)?(?=\s?(?:%|percent\b|per\s?cent\b)))"
    r"|(?P<year>(?<![\d.,$/])(?:1[789]\d\d|20\d\d)(?:'?s)?(?![\d,/%]|\.\d)|'[0-9]0s)"
    r"|(?P<num>\d[\d,./]*(?:st|nd|rd|th)?)"
    r"|(?P<word>[A-Za-z\u00c0-\u024f]+(?:['\-][A-Za-z\u00c0-\u024f]+)*)"
    r"|(?P<mark>[?!%\"\u201c\u201d])"
)

# Curly apostrophes and primes, normalised to "'" before tokenising.
APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u2032`]")
