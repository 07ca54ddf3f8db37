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
# Linear: a match starts only at the start of a punctuation run (lookbehind)
# and the runs are possessive, so '.' * 20000 + 'x' is one failed attempt, not
# 20000 attempts of 20000 steps each.
SENTENCE_END = re.compile(
    r"(?<![.?!\u2026])(?P<punct>[.?!\u2026]++)"
    r"(?P<close>[\"'\u201d\u2019\u00bb)\]}]*+)"
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

# The tokeniser works on the lower-cased sentence in a few C-speed passes:
# numbers are first replaced by upper-case placeholders (lower-casing has already
# happened, so only placeholders are upper case), then words are found.
#
# Apostrophes: curly ones and primes become "'" first.
#   'We’re'  -> "we're"
APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u2032`]")

# Any digit: sentences without one skip the number passes.
DIGIT = re.compile(r"\d")

# Money: '$500', '$1.2 billion' ('billion' stays a word), '$ 4,000'    -> ' MONEY '
MONEY = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?")

# Percent: '90 percent', '4.5%', '12 per cent', '90-percent'           -> ' NUM percent '
# (starts only at the start of a number, possessive: linear on '1' * 20000)
PERCENT = re.compile(r"(?<![\d,.])\d[\d,]*+(?:\.\d++)?(?:\s?%|[\s-]?per\s?cent\b)")

# Years and decades: '1947', '2016', '1980s', "1980's", "'80s"           -> ' YEAR '
# not inside a longer number ('19475', '2,016', '1990.5') nor a fraction.
YEAR = re.compile(r"(?<![\d.,$/])(?:1[789]\d\d|20\d\d)(?:'?s)?(?![\d,/%]|\.\d)|'[0-9]0s\b")

# Any other number: '121/4', '3.5', '10,000', '1st', '9/11', '2nd'       -> ' NUM '
NUMBER = re.compile(r"\d[\d,./]*(?:st|nd|rd|th)?")

# Words after the number passes: dotted acronyms ('u.s.', 'p.m.'), "don't",
# "america's", 'well-known', and the placeholders; '--' (a dash) is not part of a
# word.  '?' and '!' are tokens.
#   "we're going to cut it -- by NUM percent?" ->
#   ["we're", 'going', 'to', 'cut', 'it', 'by', 'NUM', 'percent', '?']
WORD = re.compile(r"(?:[a-z]\.){2,}|[a-zA-Z\u00c0-\u024f]+(?:['\-][a-z\u00c0-\u024f]+)*|[?!]")

# Capitalised words after the first one (names, places, institutions), counted
# on the original sentence; 'I' and "I'm" are not counted (two letters needed).
#   'Then Senator Obama said "No"' -> 'Senator', 'Obama', '"No'  (3)
CAPITALISED = re.compile(r"\s[\"\u201c'(]?[A-Z][A-Za-z]")

# A crude stem for every plain word of 4+ letters (a token made of letters
# only), so that inflections share a feature ('spending', 'spends' and
# 'spender' all give '~spend'): the shortest stem of 4+ letters followed by one
# of the suffixes, or by nothing. Matched against one token at a time.
#   'reductions' -> 'reduction'  'spending' -> 'spend'   'increased' -> 'increas'
#   'voted'      -> 'voted'      'taxes'    -> 'taxe'    'jobs'      -> 'jobs'
#   "america's", 'well-known', 'u.s.', 'tax': no stem (not letters only, or short)
STEM = re.compile(r"([a-z]{4,}?)(?:ations|ation|ings|ing|ies|ied|ers|er|ed|es|s|ly)?")
