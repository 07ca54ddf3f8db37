"""The layout and quotation-mark patterns, compiled once: paragraphs, tags,
tweets, transcript labels, sentence ends, quotation marks, and the contexts
that make a quoted stretch a title or a nickname rather than speech.

Written like ``patterns.py``: ``regex.VERBOSE``, bounded repeats, worked
examples (⟦…⟧ marks what a pattern matches).
"""

from __future__ import annotations

import regex

from .grammar import WORK, WORK_AFTER, reverse

V = regex.VERBOSE | regex.VERSION1


# ------------------------------------------------------------------ layout

# A paragraph: a maximal run of characters without a line break.
PARAGRAPH = regex.compile(r"[^\n\r\u2028\u2029]+")

# An HTML/XML tag, whose attribute values hold quotation marks that are not quotes:
#   ⟦<tweet id="672138506081275904" author="@MissDBunker">⟧  ⟦</tweet>⟧  ⟦<tweet/>⟧
HTML_TAG = regex.compile(
    r"""
    < /? [A-Za-z][\w-]{0,30}      # tag name
    (?: \s [^<>]{0,2000} )?       # attributes, whatever their quoting
    /? >
    """,
    V,
)

# An embedded tweet element; body = the tweet's text, author from its attributes:
#   <tweet id="1" author="@cspan" datetime="2016-09-01">⟦Rudy Giuliani wears …⟧</tweet>
TWEET_ELEMENT = regex.compile(
    r"""
    (?P<open> <tweet\b [^<>]{0,2000} > )
    (?P<body> [^<]{0,20000} )
    (?: </tweet> | <tweet\s*/> )
    """,
    V,
)

# The author attribute of a tweet tag:  author="@⟦cspan⟧"  tweet-author="@⟦edhenry⟧"
TWEET_AUTHOR = regex.compile(r"""(?:tweet-)?author="@?(?P<handle>[\w.]{1,40})""", V)

# The signature line of an embedded tweet:
#   … pic.twitter.com/x — ⟦Ben Jacobs⟧ (@⟦Bencjacobs⟧) June 28, 2016
TWEET_SIGNATURE = regex.compile(
    r"""
    [—–―-]{1,2} \s*
    (?P<name> [^\s()—–―<>@][^()—–―<>@\n]{0,60}? ) \s*
    \( @ (?P<handle> \w{1,30} ) \) \s*
    (?P<date> (?:\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}) | \d{4}-\d\d-\d\d )?
    """,
    V,
)

# A transcript turn at the start of a paragraph (all-caps label, or Q / A):
#   ⟦PENCE⟧: Well, I think …      ⟦JAKE TAPPER⟧: Take a listen.     ⟦Q⟧: Why?
TRANSCRIPT_LABEL = regex.compile(
    r"""
    \s*
    (?P<label>
        (?: (?:SEN|REP|GOV|GEN|DR|MR|MRS|MS)\.\s+ | )
        \p{Lu}[\p{Lu}'’.\-]{1,25} (?: \s \p{Lu}[\p{Lu}'’.\-]{1,25} ){0,3}
      | Q | A
    )
    (?: \s* \( [^()\n]{1,40} \) | )    # PENCE (R-IN):
    \s* : \s
    """,
    V,
)

# The end of a sentence: ". ", "? ", "! " (and a closing quotation mark after
# them) before a capital, a quotation mark or a digit, except after an
# abbreviation or an initial:
#   She left⟦. ⟧Austin said.    He called it “a win⟦.” ⟧She did not.    Er ging⟦. ⟧„Nein.“
#   not in:  Mr. Austin   U.S. Army   George W. Bush
SENTENCE_END = regex.compile(
    r"""
    (?<! \b (?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Fr|Prof
             |St|Jr|Sr|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Vol|vs|Inc|Corp|Co|Ft|Mt
             |\p{Lu}) )
    [.!?…]+ ['’)\]”"“«»‘]* \s+ (?= [\p{Lu}“"‘'\d(„«»‚] )     # German: „…“ and »…«
    """,
    V,
)

# ------------------------------------------------------------------ quotation marks

# Double quotation marks of any style (the kit counts these as direct speech).
DOUBLE_MARK = regex.compile(r'["“”„‟«»]')
# Single quotation marks and apostrophes (paired only for nesting and headlines).
SINGLE_MARK = regex.compile(r"['‘’‚‛]")

# ------------------------------------------------------------------ what is not a quote

# Before a quoted title: a work noun, a network's possessive, or "on"/"of" + capitals:
#   the podcast |“Off Message”     on ABC’s |“This Week,”     the book |“Gifted Hands”
TITLE_CONTEXT_BEFORE = regex.compile(
    reverse(rf"""(?r)
    (?: {WORK} (?: \s+ (?:called|titled|entitled|named|dubbed) )?
      | (?: [Cc]alled | [Tt]itled | [Ee]ntitled | [Nn]amed )
      | \p{{Lu}}{{2,}} ['’]s
      | (?: \p{{Lu}}\w+ \s+ ){{0,2}} (?: News | Network | Channel | Radio | TV ) ['’]s
      | \b (?: on | in | hosts | host | watch | watched | see | saw ) (?: \s+ the )?
    ) [\s,]* \Z
    """),
    V,
)

# (reverse) A naming verb shortly before a quoted stretch: a coined name, not speech:
#   Critics have ⟦dubbed the proposal the ⟧|“Great Shutdown.”     the ⟦so-called ⟧|“Gang of Eight”
NAMING_BEFORE = regex.compile(
    reverse(r"""(?r)
    (?<! [\p{L}\-] )
    (?: dubbed | nicknamed | so-called | so \s called | christened )
    (?: \s+ [\p{L}\d’'\-]{1,20} ){0,4} [\s,]* \Z
    """),
    V,
)

# After a quoted title: a role or format word:  “Daily Show”| host    “Shark Tank”| star
TITLE_CONTEXT_AFTER = regex.compile(rf"[,\s]* {WORK_AFTER} (?![\p{{L}}\-])", V)

# A nickname between a given name and a surname:  Juan |“Chico”| Manriquez
#   (a given name or an initial, on the same line:  Robert C. |“Bobby”| Scott)
NICKNAME_CONTEXT = regex.compile(reverse(r"(?r) \p{Lu}[\p{Ll}\.]+ [ \t\u00a0]* \Z"), V)
NICKNAME_AFTER = regex.compile(r"\s* \p{Lu}[\p{Ll}\p{Lu}’'\-]+", V)

# A quoted stretch made of capitalised words only (a title or a name):
#   “Fox News Sunday”   “Gifted Hands,”   “Make America Great Again”
ALL_CAPITALISED = regex.compile(
    r"""\W{0,3}
    (?: (?: \p{Lu}[\p{L}’'\-.&]* | \d[\d,.]*
          | of | the | and | a | an | in | on | to | for | at | with | is | & )
        (?: \s+ | \Z | [,.!?:]+ \s* ) ){1,12}
    \W{0,3} \Z""",
    V,
)
