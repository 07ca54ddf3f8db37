"""Word lists of general English the engine matches against (verbs are in
``verbs.py``).

Nothing here names a person or repeats an article's wording: these are titles,
honorifics, name particles, pronouns, organisation and document words, common
given names (for gender) and function words, as any style guide or dictionary
lists them.  ``grammar.py`` turns them into regular-expression pieces.
"""

from __future__ import annotations

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
staffers workers employees students parents families insiders allies donors poster posters
commenters
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
TITLE_OF_WORDS = set(
    """
State Defense Labor Commerce Energy Education Agriculture Treasury Interior
Transportation Homeland Security Health Human Services Housing Urban Development
Veterans Affairs Justice House Staff Joint Chiefs Navy Army Air Force the and
""".split()
)

# Capitalised words that are no one's name on their own: "Central European",
# "At", "American".
NOT_NAME_WORDS = set(
    """
American Americans European Europeans Central Eastern Western Northern Southern
North South East West African Asian Latin Hispanic Latino Muslim Muslims
Christian Christians Jewish Catholic Democratic Republican Democrat Democrats
Republicans Congress Senate House State States United National Federal New
Supreme Court White Black Middle Great Islamic GOP U.S. US UK EU UN
""".split()
)

# Name particles that stay lowercase inside a name: "Charles de Gaulle".
PARTICLES = "de da del della der den di du dos das la le van von ter ten bin ibn al el st".split()

NAME_SUFFIXES = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

# ---------------------------------------------------------------- pronouns
# Plural quantifiers: a speaker on their own ("many say"), a determiner before
# a plural noun ("a few questions").
QUANTIFIERS = ("others", "both", "most", "many", "some", "few", "several")
# Words that can stand alone as a speaker: "he said", "another added", "most said".
PRONOUN_SUBJECTS = {"he", "she", "they", "it", "i", "we", "you", "who", "another", "one", *QUANTIFIERS}

MALE_HONORIFICS = {"mr", "sir", "lord", "king", "prince", "father", "fr", "brother"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister"}
MALE_WORDS = set(
    """
man husband father son brother congressman spokesman chairman businessman assemblyman
councilman king prince actor boy uncle grandfather widower
""".split()
)
FEMALE_WORDS = set(
    """
woman wife mother daughter sister congresswoman spokeswoman chairwoman businesswoman
assemblywoman councilwoman queen princess actress girl aunt grandmother widow
""".split()
) | {"first lady"}

# Common English given names, for gender when no honorific or pronoun says it.
MALE_NAMES = set(
    """
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
""".split()
)
FEMALE_NAMES = set(
    """
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
""".split()
)

# --------------------------------------------------------------- organisations
# Capitalised words that make a name an organisation: "Clinton Foundation".
ORG_WORDS = set(
    """
Administration Agency Alliance Association Assembly Bank Board Bureau Campaign
Caucus Center Centre Church Coalition College Commission Committee Company
Congress Corp Corporation Council Court Department Federation Foundation Fund
Group Guard House Inc Institute Journal League Magazine Ministry Network News
Office Organization Organisation PAC Party Pentagon Police Post Press Project
Republic Review Senate Service Society Times Tribune Union University Herald
Gazette Daily Weekly Register Telegraph Examiner Observer Monitor Channel
Radio Television TV Reuters Kremlin Army Navy Force Corps Council Staff
Legislature Parliament Government Commission Authority Party Agency Institute
""".split()
)

# Capitalised words that make a name a place or an event: no person ("Trump
# Tower", "Atlantic City") and no antecedent of "it" or "they".
PLACE_WORDS = set(
    """
City County Town Township Village Island Islands Beach Bay River Lake Valley Park
Street Avenue Boulevard Square Bridge Airport Station Hotel Stadium Arena Coliseum
Tower Towers Building Plaza Mall Hospital Convention War
""".split()
)

# All-caps acronyms commonly speaking as organisations are recognised by shape.
# Lowercase heads of organisation descriptions: "the campaign said".
ORG_NOUNS = set(
    """
campaign committee group organization organisation agency department
administration company firm newspaper paper tabloid network station outlet magazine
website site government ministry office party union council commission
court board team league association coalition foundation institute embassy
police army military pentagon agency bureau caucus
""".split()
)

# Lowercase heads of document sources: "the statement read", "the report said".
DOCUMENT_NOUNS = set(
    """
statement report lawsuit complaint email e-mail letter memo poll survey study
ad advertisement website release editorial op-ed post tweet document filing
indictment ruling order sign banner headline caption article book note
message petition resolution bill video transcript text analysis review column
piece story voice voiceover narration script platform manifesto
""".split()
)

# Words before a quoted stretch that mark it as the title of a work, not speech:
# "on ABC’s “This Week,”", "the podcast “Off Message”".
WORK_NOUNS = set(
    """
show program programme podcast book memoir novel film movie documentary series
broadcast edition installment
song album episode column newsletter blog magazine play musical segment
hashtag slogan sign ad banner headline essay article report op-ed poem
painting exhibit exhibition headline campaign tour initiative
""".split()
)

# Last words that make a capitalised stretch a name of a show, law or event:
# “Fox News Sunday”, “The Steve Harvey Morning Show”, “Commander-in-Chief Forum”.
TITLE_ENDINGS = set(
    """
Show Forum Hour Tonight Live Sunday Report Act Bill Plan Pledge Awards Prize Summit
Conference Convention Tour Network Radio Podcast Edition Daily Weekly Journal Times
Post News Magazine Review Project Initiative Movement Foundation Institute Center
Committee Coalition Fund Program Festival Party Club Debate Town Hall
""".split()
)

# Words after a quoted title: "“Daily Show” host", "“Shark Tank” star".
WORK_FOLLOWERS = set(
    """
host hosts co-host star stars anchor author creator producer episode episodes
podcast show segment series interview appearance program broadcast
""".split()
)


# Nouns for what someone said; their possessor is the speaker of a quote they
# introduce: "his promise of “free college”", "her remark that “…”".
SPEECH_NOUNS = """
comment remark claim accusation pledge promise statement words call description
assertion dictum slogan tweet post letter answer response warning demand vow
speech message argument quip line phrase declaration insistence
suggestion prediction retort rhetoric criticism critique complaint
characterization reference mantra catchphrase refrain
""".split()

# Words that, quoted alone, are words talked about rather than speech: “he”, “the”.
FUNCTION_WORDS = set(
    """
he she it they we i you him her them his hers its their our my your me us a an
the this that these those and or but of to in on at by for with from as is was
are were be been not
""".split()
)

# Prepositions: a name right after one is not a subject ("for Trump to drop out").
PREPOSITIONS = """
for to of in on at by with from about against than like into onto over under
after before between among through toward towards upon within without via
""".split()


# Openers that can never be a speaker even right before "said" ("From said"
# and "Will said" can: Al From, George Will).
NEVER_SPEAKERS = set(
    """
Then Now Also Later Earlier Still Yet So But And Or Meanwhile However Instead
Separately Here There Today Yesterday Tonight Asked Speaking Finally Indeed
After Before While When Since Without By Despite Upon In On At For With Through
During Besides Unlike Like Instead
""".split()
)


# Capitalised words that open a sentence but never belong to a name:
# "But Austin said", "On Tuesday Austin said", "Asked about it, Austin said".
SENTENCE_OPENERS = set(
    """
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
Their Our My Your Amid Amidst Absent Following Regarding Including Given Can Mr Mrs Ms
""".split()
) - {"Mr", "Mrs", "Ms"}
