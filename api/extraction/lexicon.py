"""Word lists of general English the engine matches against.

Nothing here names a person or repeats an article's wording: these are speech
verbs, titles, honorifics, name particles, pronouns, organisation words and
common given names (for gender), as any style guide or dictionary lists them.
``patterns.py`` turns them into compiled alternations.
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
    "write": ("writes", "wrote", "wrote", "writing"),      # not "a written statement"
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
PHRASAL_CUES = ["point out", "points out", "pointed out", "pointing out",
                "went on to say", "goes on to say", "went on to add",
                "fire back", "fired back", "shot back", "hit back", "pushed back",
                "weigh in", "weighed in", "chimed in", "chime in",
                "spell out", "spelled out", "lay out", "laid out",
                "put it", "puts it", "summed up", "sum up"]

# Nouns that head a cue of their own: "according to", "in a statement".
NOUN_CUES = ["statement", "interview", "email", "e-mail", "letter", "tweet",
             "post", "speech", "remarks", "release", "memo", "op-ed", "video",
             "ad", "blog post", "press conference", "news conference", "message",
             "comments", "testimony", "podcast", "broadcast", "appearance"]

# Adverbs and auxiliaries that may sit between a speaker and the speech verb:
# "Austin also said", "he later told", "she has repeatedly said".
ADVERBS = """
also later then again once previously earlier repeatedly recently simply
quickly flatly bluntly angrily sharply openly publicly privately frankly
candidly reportedly allegedly apparently often frequently still even just
now further finally first initially subsequently separately similarly
likewise jokingly famously memorably tersely proudly firmly calmly quietly
loudly happily sarcastically wryly emphatically
""".split()

AUXILIARIES = """
has have had is was are were will would could can may might should did does
do has_also had_also would_later
""".split()

# --------------------------------------------------------------- titles, names
HONORIFICS = """
Mr Mrs Ms Miss Mx Dr Sen Rep Gov Gen Lt Col Sgt Capt Adm Maj Rev Fr Prof Pres
Sec Amb Atty Del Supt Cmdr Cpl Pvt Hon Msgr Gens Reps Sens Govs
""".split()

# Job titles and roles, lowercase.  Used both before a name ("Defense Secretary
# Lloyd Austin") and as the head of a description ("the senator").
TITLE_WORDS = """
president vice-president secretary senator representative congressman
congresswoman congressmember governor mayor chairman chairwoman chair
spokesman spokeswoman spokesperson director adviser advisor aide strategist
pollster manager chief attorney lawyer judge justice official officer
ambassador minister leader speaker whip candidate nominee host anchor
correspondent reporter editor columnist commentator analyst professor economist
expert researcher scholar founder co-founder ceo executive commissioner sheriff
general admiral colonel lieutenant captain sergeant major pastor reverend
bishop pope rabbi imam priest activist organizer supporter voter delegate donor
operative consultant lobbyist counsel prosecutor detective agent treasurer
comptroller auditor clerk superintendent principal teacher student author
writer actor actress comedian singer rapper star owner businessman
businesswoman billionaire mogul developer partner president-elect lawmaker
legislator assemblyman assemblywoman councilman councilwoman alderman
deputy surrogate fellow historian scientist physician doctor nurse surgeon
chancellor premier king queen prince princess emperor dictator monarch
inspector investigator administrator coordinator organiser representative
member head founder co-chair cochair co-host cohost moderator panelist
commander marshal trooper chief-of-staff staffer employee worker resident
veteran mother father wife husband son daughter brother sister friend widow
citizen man woman protester protestor demonstrator attendee fan critic
opponent rival challenger incumbent frontrunner front-runner contender
hopeful insider source sources observer witness victim survivor neighbor
neighbour owner volunteer blogger journalist producer director publisher
filmmaker musician artist athlete coach player economist strategists officials
aides advisers advisors lawmakers leaders supporters voters delegates critics
experts analysts activists officers agents sources residents protesters
colleague friend relative cousin ally associate classmate roommate boss coworker
co-worker narrator announcer caller questioner commenter strategist pundit
pundits diplomat diplomats envoy negotiator mediator
""".split()

# People and groups that head a description but are no title: "another New
# Hampshire Republican said", "the crowd yelled".
PERSON_NOUNS = """
republicans democrats conservatives liberals progressives republican democrat
conservative liberal progressive independent independents person people crowd
audience listener listeners viewer viewers reader readers user users
participant participants respondent respondents attendees members fans
staffers workers employees students parents families insiders allies donors
operatives teenager teenagers child children kid kids boy boys girl girls guy
guys
""".split()

# Words that modify a title: "former Defense Secretary", "deputy press secretary".
TITLE_MODIFIERS = """
former then acting deputy assistant associate senior junior chief vice
executive national press communications campaign state federal top longtime
long-time veteran interim outgoing incoming retired principal special general
""".split()

# Capitalised words that continue a title after "of": "Secretary of State",
# "Speaker of the House", "Chairman of the Joint Chiefs of Staff".
TITLE_OF_WORDS = set("""
State Defense Labor Commerce Energy Education Agriculture Treasury Interior
Transportation Homeland Security Health Human Services Housing Urban Development
Veterans Affairs Justice House Staff Joint Chiefs Navy Army Air Force the and
""".split())

# Capitalised words that are no one's name on their own: "Central European",
# "At", "American".
NOT_NAME_WORDS = set("""
American Americans European Europeans Central Eastern Western Northern Southern
North South East West African Asian Latin Hispanic Latino Muslim Muslims
Christian Christians Jewish Catholic Democratic Republican Democrat Democrats
Republicans Congress Senate House State States United National Federal New
Supreme Court White Black Middle Great Islamic GOP U.S. US UK EU UN
""".split())

# Name particles that stay lowercase inside a name: "Charles de Gaulle".
PARTICLES = "de da del della der den di du dos das la le van von ter ten bin ibn al el st".split()

NAME_SUFFIXES = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

# ---------------------------------------------------------------- pronouns
MALE_PRONOUNS = ("he", "him", "his", "himself")
FEMALE_PRONOUNS = ("she", "her", "hers", "herself")
PLURAL_PRONOUNS = ("they", "them", "their", "themselves")
NEUTER_PRONOUNS = ("it", "its")
FIRST_PERSON = ("i", "we")
SUBJECT_PRONOUNS = ("he", "she", "they", "it", "i", "we", "who")
# Plural quantifiers: a speaker on their own ("many say"), a determiner before
# a plural noun ("a few questions").
QUANTIFIERS = ("others", "both", "most", "many", "some", "few", "several")
# Words that can stand alone as a speaker: "he said", "another added", "most said".
PRONOUN_SUBJECTS = {"he", "she", "they", "it", "i", "we", "you", "who", "another", "one",
                    *QUANTIFIERS}

MALE_HONORIFICS = {"mr", "sir", "lord", "king", "prince", "father", "fr", "brother"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister"}
MALE_WORDS = {"man", "husband", "father", "son", "brother", "congressman",
              "spokesman", "chairman", "businessman", "assemblyman", "councilman",
              "king", "prince", "actor", "boy", "uncle", "grandfather", "widower"}
FEMALE_WORDS = {"woman", "wife", "mother", "daughter", "sister", "congresswoman",
                "spokeswoman", "chairwoman", "businesswoman", "assemblywoman",
                "councilwoman", "queen", "princess", "actress", "girl", "aunt",
                "grandmother", "widow", "first lady"}

# Common English given names, for gender when no honorific or pronoun says it.
MALE_NAMES = set("""
aaron adam alan albert alex alexander andrew andy anthony antonio arthur austin
barack ben benjamin bernard bernie bill billy bob bobby brad bradley brandon
brent brian bruce bryan carl carlos charles charlie chris christian christopher
chuck clarence craig dale dan daniel danny darrell dave david dean dennis derek
dick don donald doug douglas duane dwight earl ed eddie edward eric ernest
eugene frank fred frederick gary gene george gerald glenn gordon greg gregory
harold harry henry howard ian isaac jack jacob jake james jason jay jeb jeff
jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jordan
jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry lawrence
lee leon leonard lindsey louis luis marco marcus mark martin matt matthew max
michael mike mitch mitt nathan neil newt nicholas nick noah norman oliver
patrick paul peter phil philip ralph randy ray raymond reince richard rick
ricky rob robert roger ron ronald roy russell ryan sam samuel scott sean
stanley stephen steve steven ted terry thomas tim timothy todd tom tony travis
troy tyler victor vincent walter wayne william willie zach zachary
""".split())
FEMALE_NAMES = set("""
abigail alice alicia allison amanda amber amy andrea angela ann anna anne
annie ashley barbara betty beverly brenda brittany carla carly carol caroline
carolyn catherine cheryl christina christine cindy claire cynthia dana danielle
deborah debbie debra denise diana diane donna doris dorothy elaine elizabeth
ellen emily emma erin evelyn frances gloria grace hannah heather helen hillary
holly jackie jacqueline jane janet janice jean jennifer jessica jill joan
joanne joyce judith judy julia julie karen kate katherine kathleen kathryn
kathy katie kay kelly kelley kim kimberly kristen laura lauren linda lisa lori
louise lynn margaret maria marie marilyn martha mary megan melania melissa
michelle mika monica nancy natalie nicole nikki olivia pam pamela patricia
paula peggy rachel rebecca rita rosa rose ruth samantha sandra sara sarah
sharon shirley stephanie susan suzanne tammy teresa theresa tiffany tina
valerie victoria virginia wendy
""".split())

# --------------------------------------------------------------- organisations
# Capitalised words that make a name an organisation: "Clinton Foundation".
ORG_WORDS = set("""
Administration Agency Alliance Association Assembly Bank Board Bureau Campaign
Caucus Center Centre Church Coalition College Commission Committee Company
Congress Corp Corporation Council Court Department Federation Foundation Fund
Group Guard House Inc Institute Journal League Magazine Ministry Network News
Office Organization Organisation PAC Party Pentagon Police Post Press Project
Republic Review Senate Service Society Times Tribune Union University Herald
Gazette Daily Weekly Register Telegraph Examiner Observer Monitor Channel
Radio Television TV Reuters Kremlin Army Navy Force Corps Council Staff
Legislature Parliament Government Commission Authority Party Agency Institute
""".split())

# All-caps acronyms commonly speaking as organisations are recognised by shape.
# Lowercase heads of organisation descriptions: "the campaign said".
ORG_NOUNS = set("""
campaign committee group organization organisation agency department
administration company firm newspaper paper tabloid network station outlet magazine
website site government ministry office party union council commission
court board team league association coalition foundation institute embassy
police army military pentagon agency bureau caucus
""".split())

# Lowercase heads of document sources: "the statement read", "the report said".
DOCUMENT_NOUNS = set("""
statement report lawsuit complaint email e-mail letter memo poll survey study
ad advertisement website release editorial op-ed post tweet document filing
indictment ruling order sign banner headline caption article book note
message petition resolution bill video transcript text analysis review column
piece story voice voiceover narration script platform manifesto
""".split())

# Words before a quoted stretch that mark it as the title of a work, not speech:
# "on ABC’s “This Week,”", "the podcast “Off Message”".
WORK_NOUNS = set("""
show program programme podcast book memoir novel film movie documentary series
broadcast edition installment
song album episode column newsletter blog magazine play musical segment
hashtag slogan sign ad banner headline essay article report op-ed poem
painting exhibit exhibition headline campaign tour initiative
""".split())

# Last words that make a capitalised stretch a name of a show, law or event:
# “Fox News Sunday”, “The Steve Harvey Morning Show”, “Commander-in-Chief Forum”.
TITLE_ENDINGS = set("""
Show Forum Hour Tonight Live Sunday Report Act Bill Plan Pledge Awards Prize Summit
Conference Convention Tour Network Radio Podcast Edition Daily Weekly Journal Times
Post News Magazine Review Project Initiative Movement Foundation Institute Center
Committee Coalition Fund Program Festival Party Club Debate Town Hall
""".split())

# Words after a quoted title: "“Daily Show” host", "“Shark Tank” star".
WORK_FOLLOWERS = set("""
host hosts co-host star stars anchor author creator producer episode episodes
podcast show segment series interview appearance program broadcast
""".split())


# Verbs that are more often nouns: only their -ed and -ing forms are cues
# ("texted", not "a text message"); the -s form too when listed in NOUN_S_OK.
NOUN_HOMOGRAPHS = set("""
text message email post tweet report quote answer comment question counter
charge press demand promise pledge vow cry protest chant echo estimate forecast
label brand term call note claim challenge joke quip guarantee remark
""".split())
NOUN_S_OK = {"posts", "tweets", "reports", "notes", "claims", "calls", "promises",
             "pledges", "vows", "charges", "demands", "questions", "challenges", "remarks"}

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

# Words that, quoted alone, are words talked about rather than speech: “he”, “the”.
FUNCTION_WORDS = set("""
he she it they we i you him her them his hers its their our my your me us a an
the this that these those and or but of to in on at by for with from as is was
are were be been not
""".split())

# Prepositions: a name right after one is not a subject ("for Trump to drop out").
PREPOSITIONS = """
for to of in on at by with from about against than like into onto over under
after before between among through toward towards upon within without via
""".split()


# Openers that can never be a speaker even right before "said" ("From said"
# and "Will said" can: Al From, George Will).
NEVER_SPEAKERS = set("""
Then Now Also Later Earlier Still Yet So But And Or Meanwhile However Instead
Separately Here There Today Yesterday Tonight Asked Speaking Finally Indeed
After Before While When Since Without By Despite Upon In On At For With Through
During Besides Unlike Like Instead
""".split())


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
            if base in NOUN_HOMOGRAPHS and not f.endswith(("ed", "ing")) \
                    and f not in NOUN_S_OK:
                continue
            forms.add(f)
    return sorted(forms, key=lambda w: (-len(w), w))

# Capitalised words that open a sentence but never belong to a name:
# "But Austin said", "On Tuesday Austin said", "Asked about it, Austin said".
SENTENCE_OPENERS = set("""
A An The But And Or Nor So Yet Then Now Still Also When While Whilst After Before
Since As If Although Though Because Unless Until Once In On At For From With
Without By Of To Into Onto Over Under About Against Among Between During
Through Throughout Despite Except Like Unlike Even Only Just Both All Many Most
Some Other Another Every Each Such Yesterday Today Tonight Tomorrow Earlier
Later Last Next This That These Those Here There Meanwhile However Instead
Indeed Separately Overall Asked Speaking Writing Responding Meanwhile Later
Afterward Afterwards Elsewhere Finally First Second Third Moreover Furthermore
Similarly Likewise Nevertheless Nonetheless Otherwise Thus Therefore Hence
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
July September October November December Jan Feb Mar Apr
Jun Jul Aug Sept Sep Oct Nov Dec What Who Whom Whose Which Where Why How Not No
Yes Well Oh Okay OK Please Thank Thanks Dear It He She They We I You Its His Her
Their Our My Your Mr Mrs Ms
""".split()) - {"Mr", "Mrs", "Ms"}
