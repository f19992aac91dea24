"""Per-language word lists for the sentence splitter (reader/sentences.py).

All lists are lower case, without the final period; an abbreviation with inner
periods keeps them ("u.s", "z.b" is written "z. b." in text and matched as its
spaced parts). Lists are frozen: nothing here changes at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Rules:
    """What the splitter knows about one language."""

    titles: frozenset[str]  # before a name: a period after them never ends a sentence
    abbreviations: frozenset[
        str
    ]  # may end a sentence when the next word shows a new one
    starters: frozenset[str]  # function words that, capitalized, open a sentence
    common: frozenset[str] = (
        frozenset()
    )  # other common words: capitalized, they open a sentence
    adjectival: frozenset[str] = (
        frozenset()
    )  # abbreviations that usually modify a noun: "U.S. Government"
    units: frozenset[str] = (
        frozenset()
    )  # after a number: "5 lb. Tom was" ends, "5 ft. 3 in." goes on
    months: frozenset[str] = frozenset()
    time_marks: frozenset[str] = frozenset()  # "5 a.m.", "753 B.C.": see sentences._time_ends
    prepositions: frozenset[str] = frozenset()  # that open a fronted time adverbial
    ordinal_dot: bool = (
        False  # "3. März": a number with a period is an ordinal, not a sentence end
    )
    speech_verbs: frozenset[str] = (
        frozenset()
    )  # '"Why?" Smith asked.': the quote goes on
    company_suffixes: frozenset[str] = frozenset()  # "Yahoo! Inc.": the name goes on
    articles: frozenset[str] = frozenset()  # "a D.D.S.", "his M.D.": after them a dotted abbreviation is a noun


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN = Rules(
    titles=_words(
        "mr mrs ms mx messrs mme mlle prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres "
        "rev hon supt insp det atty amb gov't p.s p.p.s"
    ),
    abbreviations=_words(
        "etc vs v al inc corp co ltd llc plc bros dept univ assn est approx fig figs no nos vol vols "
        "pp p ed eds jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
        "ave blvd rd hwy sq ste apt cf ca op cit ibid e.g i.e a.m p.m n° nº jr sr st mt ft dr fr "
        "d.c n.y l.a ph.d b.a m.a b.sc m.sc b.c a.d b.c.e c.e esq cie "
        # before a number: "Call ext. 123", "See Eq. 4", "Rte. 66" (no English word among them)
        "ext tel tsp tbsp rt rte ch chap sec sect para paras eq eqs thm lem appx bldg pkwy misc govt"
    ),
    adjectival=_words("u.s u.k u.n e.u u.s.a u.s.s.r"),
    starters=_words(
        "the a an he she it they we i you this that these those there here but and so yet or nor "
        "in on at as if when while after before since because however meanwhile his her its their "
        "our my your what who why how where then now still also some many most all one each both "
        "such not no last for from with without to by according although though even only during "
        "instead other another next first later today yesterday tomorrow did does do is are was "
        "were has have had will would can could should may might must let please thus hence "
        "nevertheless nonetheless moreover furthermore indeed yes oh well him them us me "
        # imperatives and contractions open sentences too: "Appendix A. See it."
        "be see let's go make take keep try note call check come look use don't can't won't "
        "it's i'm i've i'd i'll that's there's here's what's we're they're you're he's she's"
    ),
    common=_words(
        "residents officials police people workers children students women men families officers "
        "authorities investigators critics analysts experts scientists researchers doctors voters "
        "shares prices sales markets stocks investors company companies government state city "
        "president prime minister health secretary report reports study data results report "
        "nobody nothing everyone everything someone something anyone none several few more less "
        "never always often sometimes perhaps maybe already again once twice every any "
        "both either neither much little same own just very too almost about around over under "
        "between among across through into onto upon within until unless whether despite "
        "two three four five six seven eight nine ten hundreds thousands millions dozens "
        "fire water rain snow traffic work school war peace life death time year years day days "
        "week weeks month months morning evening night news officials sources witnesses "
        "asked told said says added according many meanwhile elsewhere afterward afterwards "
        "earlier overall instead otherwise still besides rather"
    ),
    time_marks=_words("a.m p.m b.c a.d b.c.e c.e"),
    company_suffixes=_words("inc corp co ltd llc plc bros gmbh ag sa"),
    articles=_words("a an his her their my your our its"),
    prepositions=_words(
        "at on in by from since after before until till around about during for within under over "
        "beyond inside near past"
    ),
    units=_words(
        "ft in lb lbs oz yd yds mi hr hrs min mins sec secs pt qt gal sq cu tsp tbsp km kg cm mm mg ml "
        "mph kph"
    ),
    months=_words(
        "january february march april may june july august september october november december"
    ),
    speech_verbs=_words(
        "said says asked asks replied replies shouted shouts cried cries added adds told tells wrote writes "
        "exclaimed whispered whispers yelled yells continued insisted explained answered demanded "
        "wondered recalled noted screamed called muttered admitted laughed sighed snapped declared"
    ),
)

_DE = Rules(
    titles=_words("hr hrn fr frl dr prof dipl ing st"),
    abbreviations=_words(
        "z.b z u.a a usw bzw ca nr vgl sog ggf evtl inkl bspw d.h h s.o s.u u.ä etc mio mrd tsd "
        "jan feb mär apr jun jul aug sep sept okt nov dez str abs bd hrsg jh jhd v.chr n.chr "
        "gmbh ag e.v mwst o.ä i.d.r u.u"
    ),
    starters=_words(
        "der die das den dem des ein eine einer einen er sie es wir ich ihr du man aber und doch "
        "dann danach auch so im in am an auf nach bei mit seit wenn als während dieser diese dieses "
        "hier dort nun jetzt heute gestern morgen nicht kein keine was wer wie wo warum"
    ),
    months=_words(
        "januar jänner februar märz april mai juni juli august september oktober november dezember"
    ),
    ordinal_dot=True,
)

_FR = Rules(
    titles=_words("m mm mme mmes mlle mlles dr pr me mgr st ste"),
    abbreviations=_words(
        "etc cf p ex p.ex env av apr j.-c s.a n° nº vol chap éd coll art bd fig ibid op cit "
        "janv févr avr juil sept oct nov déc hab km tél"
    ),
    starters=_words(
        "le la les un une des il elle ils elles on nous vous je tu ce cette ces mais et ou donc "
        "puis alors ensuite en dans à au aux pour par selon depuis quand si lorsque c'est qui que "
        "quoi où comment pourquoi aujourd'hui hier demain"
    ),
)

_ES = Rules(
    titles=_words("sr sra srta sres dr dra lic ing prof d dña"),
    abbreviations=_words(
        "etc p ej p.ej pág págs núm n° nº s.a s.l ee.uu cía av avda vol cap aprox a.c d.c "
        "ene feb mar abr jun jul ago sept oct nov dic tel ud uds vd vds"
    ),
    starters=_words(
        "el la los las un una unos unas él ella ellos ellas yo tú nosotros usted ustedes este esta "
        "estos estas pero y o entonces luego después en con por para según desde cuando si que "
        "quien qué cómo dónde hoy ayer mañana no"
    ),
)

_IT = Rules(
    titles=_words("sig sigg sig.ra dott dott.ssa prof avv ing on s"),
    abbreviations=_words(
        "ecc es p pag pagg n° nº s.p.a s.r.l vol cap ca art fig tel gen feb mar apr mag giu "
        "lug ago set ott nov dic d.c a.c"
    ),
    starters=_words(
        "il lo la i gli le un uno una egli ella lui lei loro noi voi io tu questo questa questi "
        "queste ma e o poi allora in con per da su secondo quando se che chi come dove oggi ieri domani non"
    ),
)

_PT = Rules(
    titles=_words("sr sra srta dr dra prof eng d"),
    abbreviations=_words(
        "etc p ex p.ex pág págs n° nº s.a ltda cia av vol cap aprox a.c d.c jan fev mar abr mai "
        "jun jul ago set out nov dez tel"
    ),
    starters=_words(
        "o a os as um uma uns umas ele ela eles elas eu tu nós você vocês este esta estes estas "
        "mas e ou então depois em no na com por para segundo quando se que quem como onde hoje "
        "ontem amanhã não"
    ),
)

_NL = Rules(
    titles=_words("dhr mevr mw dr prof ir mr drs ing st"),
    abbreviations=_words(
        "bijv bv d.w.z m.a.w o.a enz etc nr blz ca jl vgl resp incl excl b.v n.v i.p.v t.a.v z.g.a.n "
        "jan feb mrt apr jun jul aug sep sept okt nov dec"
    ),
    starters=_words(
        "de het een hij zij ze het wij we jij je ik u dit dat deze die maar en of dan daarna ook "
        "in op aan bij met na sinds als toen wanneer hier daar nu vandaag gisteren morgen niet geen "
        "wat wie hoe waar waarom"
    ),
)

_PL = Rules(
    titles=_words("p dr prof inż mgr hab płk gen ks św"),
    abbreviations=_words(
        "ul al pl os tzn tj np itd itp m.in r w ok godz tys mln mld zł nr str s wg tel ds im "
        "sty lut mar kwi maj cze lip sie wrz paź lis gru"
    ),
    starters=_words(
        "to ten ta te on ona ono oni one my wy ja ty ale i a lub więc potem w we na z ze do po od "
        "przez dla gdy kiedy jeśli że kto co jak gdzie dlaczego dziś dzisiaj wczoraj jutro nie"
    ),
    months=_words(
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"
    ),
    ordinal_dot=True,
)

_UK = Rules(
    titles=_words("п пан пані д проф акад св"),
    abbreviations=_words(
        "м р рр ст с вул пл просп обл р-н буд кв див т.д т.п і т.ін тис млн млрд грн коп ім "
        "н.е до н.е напр тощо ін"
    ),
    starters=_words(
        "він вона воно вони ми ви я ти це цей ця ці той та але і й а або тому потім у в на з із до "
        "по від через для коли якщо що хто як де чому сьогодні вчора завтра не"
    ),
)

RULES = MappingProxyType(
    {
        "en": _EN,
        "de": _DE,
        "fr": _FR,
        "es": _ES,
        "it": _IT,
        "pt": _PT,
        "nl": _NL,
        "pl": _PL,
        "uk": _UK,
    }
)

# For a language without its own lists: only what holds across languages (no
# English starters, no clock times), so English rules never fire on it.
GENERIC = Rules(titles=frozenset(), abbreviations=_words("etc"), starters=frozenset())


def rules_for(language: str | None) -> Rules:
    """The rules for an ISO 639-1 code ("en" for None; regional tags like "de-AT" use "de")."""
    code = (language or "en").lower().replace("_", "-").split("-")[0]
    return RULES.get(code, GENERIC)
