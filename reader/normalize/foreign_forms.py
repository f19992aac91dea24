"""Number words in other languages, inflected the way the sentence needs them.

num2words gives nominative, masculine words; a newsreader needs more: German
"ein Euro" (not "eins"), Spanish "veintiún euros", French "une livre", Polish
"trzeciego marca" and "od trzech do pięciu", Ukrainian "о чотирнадцятій".
Everything here works on the words num2words returns, so a form this module
does not know is left as num2words said it rather than guessed.
"""

from __future__ import annotations

from num2words import num2words

MAX_DIGITS = 15
"""Longer digit strings are an ID or a code, not a quantity: they stay digits for the engine."""

N2W_ERRORS = (
    NotImplementedError,
    OverflowError,
    TypeError,
    ValueError,
    KeyError,
    IndexError,
)
"""What num2words raises for a number or a reading a language does not have (measured on 0.5.14)."""


def words(number: int, lang: str, to: str = "cardinal") -> str | None:
    """num2words, or None where it has no reading (the caller then leaves the digits)."""
    if len(str(abs(number))) > MAX_DIGITS or (to != "cardinal" and number < 0):
        return None
    try:
        spoken = num2words(number, lang=lang, to=to)
    except N2W_ERRORS:
        return None
    return _style(spoken, lang)


def _style(spoken: str, lang: str) -> str:
    # A newsreader says "tausend", "тисяча", not "eintausend", "одна тисяча".
    if lang == "de" and spoken.startswith("eintausend"):
        return spoken[len("ein") :]
    if lang == "uk" and spoken.startswith("одна тисяча"):
        return spoken[len("одна ") :]
    if lang == "nl" and spoken.startswith("één") and spoken != "één":
        return "een" + spoken[3:]
    return spoken


def plural_form(number: int, forms: tuple[str, ...]) -> str:
    """The noun after ``number``: (singular, plural), or Slavic (one, few, many).

    Ukrainian takes the 'one' form after 21, 31...; Polish only after 1
    ("dwadzieścia jeden złotych", "двадцять одна гривня"): the Ukrainian
    tables are told apart by their Cyrillic.
    """
    if len(forms) == 2:
        return forms[0] if number == 1 else forms[1]
    cyrillic = "\u0400" <= forms[0][:1] <= "\u04ff"
    if number == 1 or cyrillic and number % 10 == 1 and number % 100 != 11:
        return forms[0]
    if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        return forms[1]
    return forms[2]


_BEFORE_NOUN = {
    "de": {"eins": "ein"},
    "es": {"uno": "un", "veintiuno": "veintiún"},
    "it": {"uno": "un"},
}
_FEMININE = {
    "fr": {"un": "une"},
    "es": {"uno": "una", "veintiuno": "veintiuna"},
    "it": {"uno": "una"},
    "pt": {"um": "uma", "dois": "duas"},
    "pl": {"jeden": "jedna", "dwa": "dwie"},
    "uk": {"один": "одна", "два": "дві"},
}


def before_noun(spoken: str, lang: str, feminine: bool = False) -> str:
    """The number as said before a noun: 'eins' -> 'ein', 'uno' -> 'un' / 'una'."""
    table = (_FEMININE if feminine else _BEFORE_NOUN).get(lang, {})
    head, _, last = spoken.rpartition(" ")
    if lang == "de" and spoken.endswith("eins"):
        return spoken[:-1]  # "hunderteins Euro" -> "hundertein Euro"
    if last in table:
        return f"{head} {table[last]}".strip()
    return spoken


# Slavic ordinal endings by case, from the nominative masculine ending.
# Keys: gen (trzeciego), loc (trzecim), fem (trzecia), femloc (trzeciej), neut (trzecie).
_PL_HARD = {
    "nom": "y",
    "gen": "ego",
    "loc": "ym",
    "fem": "a",
    "femloc": "ej",
    "neut": "e",
}
_PL_SOFT = {
    "nom": "i",
    "gen": "iego",
    "loc": "im",
    "fem": "ia",
    "femloc": "iej",
    "neut": "ie",
}
_UK_HARD = {
    "nom": "ий",
    "gen": "ого",
    "loc": "ому",
    "fem": "а",
    "femloc": "ій",
    "neut": "е",
    "femgen": "ої",
}
_UK_SOFT = {
    "nom": "ій",
    "gen": "ього",
    "loc": "ьому",
    "fem": "я",
    "femloc": "ій",
    "neut": "є",
    "femgen": "ьої",
}
_PL_CARDINAL_Y = frozenset({"trzy", "cztery", "trzydzieści", "czterdzieści"})


def _pl_ordinal_word(word: str, case: str) -> str:
    if word in _PL_CARDINAL_Y or not word.endswith(("y", "i")):
        return word  # a cardinal part of a compound ordinal ("dwa tysiące ...")
    if word.endswith("y"):
        return word[:-1] + _PL_HARD[case]
    ending = _PL_SOFT[case]
    if word.endswith(("gi", "ki")) and case == "fem":
        ending = "a"  # drugi -> druga
    return word[:-1] + ending


def slavic_ordinal(number: int, lang: str, case: str) -> str | None:
    """A Polish or Ukrainian ordinal in a case: (3, 'pl', 'gen') -> 'trzeciego'.

    Polish inflects every ordinal word of a compound ("dwudziestego czwartego"),
    Ukrainian only the last ("двадцять четвертого").
    """
    spoken = words(number, lang, "ordinal")
    if spoken is None or case == "nom":
        return spoken
    if lang == "pl":
        return " ".join(_pl_ordinal_word(w, case) for w in spoken.split())
    head, _, last = spoken.rpartition(" ")
    for nominative, table in (("ій", _UK_SOFT), ("ий", _UK_HARD)):
        if last.endswith(nominative):
            return f"{head} {last[: -len(nominative)]}{table[case]}".strip()
    return spoken


_PL_GENITIVE = dict(
    pair.split(":")
    for pair in [
        "zero:zera",
        "jeden:jednego",
        "dwa:dwóch",
        "trzy:trzech",
        "cztery:czterech",
        "pięć:pięciu",
        "sześć:sześciu",
        "siedem:siedmiu",
        "osiem:ośmiu",
        "dziewięć:dziewięciu",
        "dziesięć:dziesięciu",
        "jedenaście:jedenastu",
        "dwanaście:dwunastu",
        "trzynaście:trzynastu",
        "czternaście:czternastu",
        "piętnaście:piętnastu",
        "szesnaście:szesnastu",
        "siedemnaście:siedemnastu",
        "osiemnaście:osiemnastu",
        "dziewiętnaście:dziewiętnastu",
        "dwadzieścia:dwudziestu",
        "trzydzieści:trzydziestu",
        "czterdzieści:czterdziestu",
        "pięćdziesiąt:pięćdziesięciu",
        "sześćdziesiąt:sześćdziesięciu",
        "siedemdziesiąt:siedemdziesięciu",
        "osiemdziesiąt:osiemdziesięciu",
        "dziewięćdziesiąt:dziewięćdziesięciu",
        "sto:stu",
        "dwieście:dwustu",
        "trzysta:trzystu",
        "czterysta:czterystu",
        "pięćset:pięciuset",
        "sześćset:sześciuset",
        "siedemset:siedmiuset",
        "osiemset:ośmiuset",
        "dziewięćset:dziewięciuset",
        "tysiąc:tysiąca",
        "tysiące:tysięcy",
    ]
)
_UK_GENITIVE = dict(
    pair.split(":")
    for pair in [
        "нуль:нуля",
        "один:одного",
        "одна:однієї",
        "два:двох",
        "дві:двох",
        "три:трьох",
        "чотири:чотирьох",
        "шість:шести",
        "сім:семи",
        "вісім:восьми",
        "сорок:сорока",
        "дев'яносто:дев'яноста",
        "сто:ста",
        "двісті:двохсот",
        "триста:трьохсот",
        "чотириста:чотирьохсот",
        "п'ятсот:п'ятисот",
        "шістсот:шестисот",
        "сімсот:семисот",
        "вісімсот:восьмисот",
        "дев'ятсот:дев'ятисот",
        "тисяча:тисячі",
        "тисячі:тисяч",
    ]
)


def slavic_genitive(spoken: str, lang: str) -> str:
    """Cardinal words in the genitive, for 'od trzech do pięciu', 'від трьох до п'яти'.

    Millions and beyond keep their nominative: rare in a range, and a wrong
    ending there is still understood.
    """
    table = _PL_GENITIVE if lang == "pl" else _UK_GENITIVE
    out = []
    for word in spoken.split():
        if word in table:
            out.append(table[word])
        elif lang == "uk" and word.endswith("ять"):
            out.append(word[:-1] + "и")  # п'ять -> п'яти, двадцять -> двадцяти
        elif lang == "uk" and word.endswith("десят"):
            out.append(word + "и")  # п'ятдесят -> п'ятдесяти
        else:
            out.append(word)
    return " ".join(out)
