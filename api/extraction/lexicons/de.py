"""German: the word lists the language-neutral stages read (see ``__init__.py``).

General German as a grammar or a dictionary lists it: speech verbs in their
forms, the prepositions that introduce a source (laut, nach, gemäß, zufolge),
articles by case, pronouns with gender, role and organisation word stems.
"""

from __future__ import annotations

from pathlib import Path

CODE = "de"

STOPWORDS = frozenset(
    """
der die das und ist nicht ein eine einen einem einer eines des dem den sich mit auf für von zu im
auch es sie er wir ich war wurde werden wird sind hat haben hatte nach bei aus wie noch über vom
zum zur dass sei seien oder aber nur durch gegen unter bis seit wenn man kann soll schon am
sagte wurden hatten ihre seine sowie einer diese dieser
""".split()
)
OPENING_MARKS = "„‚"

# Weak verbs: the stem takes -t, -te, -ten, -en, -e, -et and ge-…-t.  A separable
# particle is written before the stem: "mit|teilen" -> teilte … mit, mitgeteilt.
_WEAK = """
sag erklär beton kritisier äußer mein forder warn bericht antwort zitier erläuter bestätig
behaupt versicher klag beklag lob begründ kommentier betrachte kündig bezeichn ergänz
schilder präzisier unterstreich argumentier vermut frag bilanzier resümier appellier bekräftig
dementier räum ein|räum mit|teil hinzu|füg an|kündig aus|führ fest|stell klar|stell bekannt|geb
""".split()

# Strong and irregular verbs, every form written out.
_STRONG = """
schrieb schreibt schreiben schrieben geschrieben nannte nannten nennt nennen genannt
sprach spricht sprachen gesprochen rief ruft riefen gerufen hieß heißt beschrieb beschreibt
beschrieben wies weist hin verwies verweist verwiesen betonte gab gibt geben bekannt
meinte meinten meint glaubt glaubte hält hielt sieht sah wusste weiß dachte denkt
zeigte zeigt skandierten skandierte lautete lautet lauten entgegnete entgegnet widersprach
widerspricht wirft warf vor mahnte mahnt verkündete verkündet gestand gesteht berichtet
zufolge wonach
""".split()

_PARTICLES = ("mit", "hinzu", "an", "aus", "fest", "klar", "bekannt", "ein", "vor", "hin")


def _forms(stem: str) -> set[str]:
    particle, _, core = stem.rpartition("|")
    ends = ("t", "te", "ten", "en", "e", "et", "ete", "eten", "test")
    out = {core + e for e in ends} | {"ge" + core + "t", "ge" + core + "et"}
    if particle:
        out |= {particle + core + e for e in ("en", "t", "te", "ten")} | {particle + "ge" + core + "t"}
    return out


# And the words that the train articles' annotated cues hold (scripts/build_lexicon.py).
_CUES = Path(__file__).with_name("de_cues.txt")
_LEARNED = set(_CUES.read_text(encoding="utf-8").split()) if _CUES.exists() else set()
SPEECH_VERBS = frozenset(set().union(*(_forms(s) for s in _WEAK)) | set(_STRONG) | _LEARNED) - {
    "zufolge",
    "wonach",
}
VERB_PARTICLES = frozenset(_PARTICLES)

# Before the source:  laut ⟦der Polizei⟧ / nach Angaben ⟦des Ministeriums⟧ / „…“, so ⟦der Minister⟧.
CUE_BEFORE_SPEAKER = frozenset("laut nach gemäß so zitiert wie".split())
# After it:  ⟦dem Bericht⟧ zufolge
CUE_AFTER_SPEAKER = frozenset("zufolge".split())
WEAK_CUES = frozenset("so wie nach".split())

DETERMINERS = frozenset("der die das ein eine dieser diese dieses jener jene sein seine ihr ihre".split())
OBLIQUE_DETERMINERS = frozenset(
    "dem den des einem einen einer eines diesem diesen dieses seinem seinen seiner ihrem ihren ihrer".split()
)
PREPOSITIONS = frozenset(
    """
in im ins an am auf aus bei beim mit von vom zu zum zur für über unter vor hinter neben zwischen
durch gegen ohne um seit bis während wegen trotz statt gegenüber ab außer innerhalb
angesichts aufgrund infolge anlässlich bezüglich hinsichtlich seitens außerhalb mithilfe
""".split()
)
PRONOUNS = {"er": "m", "sie": None, "ihm": "m", "ihr": "f", "man": None, "wir": None, "ich": None}

FUNCTION_WORDS = (
    STOPWORDS
    | frozenset(
        """
am ans aufs beim im ins vom zum zur dies diese dieser dieses jene jener jenes welche welcher
welches dabei damit dazu daher darum deshalb demnach dennoch doch jedoch zudem außerdem später
heute gestern morgen bereits inzwischen zuvor danach dann denn weil da als ob so wie wo was wer
wann warum alle alles viele einige mehrere beide andere anderen kein keine keiner nichts etwa
rund fast mehr weniger sehr immer nie jetzt hier dort laut gemäß zufolge ihm ihn ihnen ihr ihre
ihrer sein seine seiner seinem seinen unser unsere euer mein meine dein deine""".split()
    )
    | PREPOSITIONS
)  # "In der ARD", "Gegenüber NDR Info": a preposition starts no name

# Stems of roles (a compound ends with them: Regierungssprecher, Ministerpräsident).
TITLE_STEMS = tuple(
    """
sprecher präsident minister kanzler chef leiter vorsitzende vorsitzender direktor sekretär
beauftragte beauftragter kommissar bürgermeister richter anwalt staatsanwalt abgeordnete
abgeordneter politiker experte expertin trainer manager vertreter botschafter general
funktionär gouverneur senator könig königin prinz papst bischof pfarrer professor forscher
wissenschaftler analyst ökonom autor journalist redakteur moderator sänger schauspieler
spieler kapitän pilot arzt zeuge augenzeuge polizist ermittler sprecherin vorstand gründer
inhaber besitzer geschäftsführer vizepräsident premier premierminister diplomat aktivist
kandidat bewohner anwohner mitarbeiter angestellte beamte beamter offizier soldat kritiker
beobachter fachmann mutter vater sohn tochter bruder schwester frau mann ehefrau ehemann
""".split()
)
ORG_STEMS = tuple(
    """
polizei ministerium regierung agentur gericht behörde behörden amt partei verband verein
kommission rat zeitung magazin sender fernsehen rundfunk nachrichtenagentur staatsanwaltschaft
universität institut unternehmen konzern bank organisation union fraktion parlament bundestag
bundesrat kanzleramt weißes haus armee militär feuerwehr gewerkschaft stiftung gesellschaft
büro dienst verwaltung ministerin medien presse website blatt
""".split()
)
FEMALE_SUFFIX = "in"

GIVEN_NAMES_M = frozenset(
    """
hans peter klaus wolfgang michael thomas andreas stefan frank jürgen uwe werner horst helmut
gerhard karl heinz günter dieter manfred joachim christian markus martin matthias alexander
sebastian jan tobias daniel florian philipp jens olaf sigmar guido franz josef edmund joschka
friedrich wilhelm otto rudolf kurt ernst walter hermann georg ludwig johannes paul lukas felix
maximilian tim niklas david jonas ralf rainer norbert volker armin horst hubertus cem boris
""".split()
)
GIVEN_NAMES_F = frozenset(
    """
angela ursula renate claudia andrea sabine petra monika susanne gabriele karin birgit heike
martina anja julia katrin kerstin nicole stefanie christine brigitte ingrid helga ulla ulrike
annette anke silvia sahra andrea manuela franziska katharina anna lena laura sarah maria
elisabeth barbara marieluise renate silke svenja annalena alice
""".split()
)
PARTICLES = frozenset("von van de der den zu vom".split())
# The subjunctive of reported speech (Konjunktiv I, and II where I equals the indicative).
REPORT_MARKERS = frozenset(
    """sei seien seiest habe hätten hätte werde würden würde könne könnten müsse müssten solle
    wolle dürfe gebe gäbe wäre wären bestehe gehe komme liege stehe""".split()
)
NAMING_WORDS = frozenset(
    """sogenannte sogenannten sogenannter sogenanntes genannt genannte genannten namens titel
    motto bezeichnung begriff slogan schlagzeile unter""".split()
)
NOUNS_CAPITALISED = True
# Capitalised words the train articles put after an article ("der Montag", "zum Rücktritt"):
# common nouns, not names (built by scripts/build_lexicon.py from German Wikinews train).
_NOUNS = Path(__file__).with_name("de_nouns.txt")
COMMON_NOUNS = frozenset(_NOUNS.read_text(encoding="utf-8").split()) if _NOUNS.exists() else frozenset()
# Lowercased words that open a sentence but are written lowercase elsewhere ("Derzeit",
# "Relativierend"): no name starts with them (scripts/build_lexicon.py, from the same train set).
_OPENERS = Path(__file__).with_name("de_openers.txt")
OPENERS = frozenset(_OPENERS.read_text(encoding="utf-8").split()) if _OPENERS.exists() else frozenset()
