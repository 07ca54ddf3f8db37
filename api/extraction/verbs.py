"""Verbs and the small words around them: speech verbs in every form,
auxiliaries, adverbs that sit between a speaker and the verb, irregular past
tenses.  General English, as a dictionary lists it; ``grammar.py`` builds the
verb alternations from these lists.

    >>> verb_forms("add")
    ('add', 'adds', 'added', 'adding')
    >>> plainly_verb("remarks"), plainly_verb("gushed")
    (False, True)
"""

from __future__ import annotations

# ---------------------------------------------------------------- speech verbs
# Base forms of verbs that introduce speech or a stated position.  Inflections
# (says, said, saying, added, adding...) come from ``verb_forms``; irregular
# forms are listed in IRREGULAR.
SPEECH_VERBS = """
say tell add ask argue insist warn write tweet post recall concede acknowledge
note explain declare state reply respond urge predict joke claim
announce admit agree allege assert boast caution comment complain confirm
contend deny emphasize emphasise exclaim maintain mention observe promise
pledge proclaim protest quip remark remind report reiterate repeat retort
reveal scoff shout speculate stress suggest testify vow whisper yell conclude
counter chide lament marvel muse opine snap volunteer wonder chant cry demand
plead inform assure concur charge accuse blame describe characterize
characterise praise criticize criticise slam blast mock dismiss defend hail tout
decry denounce lambaste interject interrupt press rail gush grumble murmur
mutter sigh laugh tease taunt advise recount relay elaborate clarify summarize
underscore highlight text email message quote cite echo predict estimate
forecast acknowledge guarantee swear threaten question challenge suggest
write read dub label brand term call refer describe portray
answer complain lament reason concede posit theorize theorise surmise
bark snarl fume growl gasp hiss roar scream holler bellow sneer chuckle giggle
sob wail cheer boo jeer heckle chirp drawl stammer stutter mumble blurt gripe
grouse carp rant rave seethe vent crow brag gloat trumpet react reflect ponder
reminisce remember recount confide confess divulge disclose exhort implore beg
scold rebuke berate lecture preach needle tease jab thank congratulate laud
extol applaud proclaim pronounce snipe swipe quibble bemoan
deplore condemn slam fret acknowledge summarize reckon
wager insinuate imply hint intimate vouch attest certify profess
aver affirm avow contend retort rejoin riposte interject instruct caution propose
""".split()

# Irregular or spelling-changing forms: base -> (3rd person, past, participle, -ing).
IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "wrote", "writing"),  # not "a written statement"
    "read": ("reads", "read", "read", "reading"),
    "swear": ("swears", "swore", "swore", "swearing"),
    "cry": ("cries", "cried", "cried", "crying"),
    "reply": ("replies", "replied", "replied", "replying"),
    "deny": ("denies", "denied", "denied", "denying"),
    "testify": ("testifies", "testified", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarified", "clarifying"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "dub": ("dubs", "dubbed", "dubbed", "dubbing"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "refer": ("refers", "referred", "referred", "referring"),
    "concur": ("concurs", "concurred", "concurred", "concurring"),
    "rail": ("rails", "railed", "railed", "railing"),
}

_IRREGULAR_PAST_FORMS = {forms[1] for forms in IRREGULAR.values()}

# Speech verbs that are cues only when punctuation or the quote follows them:
# "he continued: “…”", "“…,” she continued." but not "will continue to be".
CLOSING_VERBS = ["continue"]

# Speech verbs that only count with a following particle or object:
# "pointed out", "went on", "called it".
PHRASAL_CUES = [
    "point out",
    "points out",
    "pointed out",
    "pointing out",
    "went on to say",
    "goes on to say",
    "went on to add",
    "fire back",
    "fired back",
    "shot back",
    "hit back",
    "pushed back",
    "weigh in",
    "weighed in",
    "chimed in",
    "chime in",
    "spell out",
    "spelled out",
    "lay out",
    "laid out",
    "put it",
    "puts it",
    "summed up",
    "sum up",
]

# Adverbs and auxiliaries that may sit between a speaker and the speech verb:
# "Austin also said", "he later told", "she has repeatedly said".
ADVERBS = """
also later then again once previously earlier repeatedly recently simply
quickly flatly bluntly angrily sharply openly publicly privately frankly
candidly reportedly allegedly apparently often frequently still even just
now further finally first initially subsequently separately similarly
likewise jokingly famously memorably tersely proudly firmly calmly quietly
loudly happily sarcastically wryly emphatically only never
""".split()

AUXILIARIES = (
    """
has have had is was are were will would could can may might should did does do
""".split()
    + ["has also", "had also", "would later", "has long", "has since"]
)

# Verbs that are more often nouns: only their -ed and -ing forms are cues
# ("texted", not "a text message"); the -s form too when listed in NOUN_S_OK.
NOUN_HOMOGRAPHS = set(
    """
text message email post tweet report quote answer comment question counter
charge press demand promise pledge vow cry protest chant echo estimate forecast
label brand term call note claim challenge joke quip guarantee remark
""".split()
)
NOUN_S_OK = {
    "posts",
    "tweets",
    "reports",
    "notes",
    "claims",
    "calls",
    "promises",
    "pledges",
    "vows",
    "charges",
    "demands",
    "questions",
    "challenges",
    "remarks",
}

# Irregular past tenses, for telling a clause's verb ("he cut into Bush").
IRREGULAR_PAST = """
went made took gave cut left got came saw began ran put set kept held brought
thought became found felt stood won lost met sent led paid hit let sat spent
built fought sought taught caught bought drove rode rose fell knew grew threw
drew flew wore broke chose spoke wrote told said heard meant read shot struck
hung stuck fled fed bent lent dealt quit shut spread split bet beat hurt cast
cost burst upset lit slid did
""".split()

# Auxiliaries and modals, with their negative contractions.
FINITE_AUX = """
is was are were has had have will would can could should may might must did
does do isn't wasn't aren't weren't hasn't hadn't haven't won't wouldn't can't
couldn't shouldn't didn't doesn't don't
""".split()


BASE_FORMS = frozenset(SPEECH_VERBS)


def verb_forms(base: str) -> tuple[str, ...]:
    """All forms of a speech verb: ``verb_forms("add")`` gives
    ``("add", "adds", "added", "adding")``."""
    if base in IRREGULAR:
        return (base,) + IRREGULAR[base]
    if base.endswith("e"):
        stem = base[:-1]
        return (base, base + "s", base + "d", stem + "ing")
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return (base, base + "es", base + "ed", base + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def plainly_verb(form: str) -> bool:
    """A speech-verb form that is no noun: "wrote", "gushed", "says" but not
    "remarks", "retort" or "state"."""
    if form.endswith(("ed", "ing")) or form in _IRREGULAR_PAST_FORMS:
        return True
    return form.endswith("s") and form[:-1] not in NOUN_HOMOGRAPHS and form[:-2] not in NOUN_HOMOGRAPHS


def all_speech_verb_forms() -> list[str]:
    """Every inflected speech verb, longest first (for regex alternation)."""
    forms = set()
    for base in SPEECH_VERBS:
        for f in verb_forms(base):
            if base in NOUN_HOMOGRAPHS and not f.endswith(("ed", "ing")) and f not in NOUN_S_OK:
                continue
            forms.add(f)
    return sorted(forms, key=lambda w: (-len(w), w))
