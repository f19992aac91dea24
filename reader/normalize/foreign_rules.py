"""The patterns that find numbers in a non-English sentence, and how each is read.

Each ``*_pattern(lang, number)`` builds a regular expression for one
language from ``number``, that language's way of writing a number
("1.234,5", "1 234,5"); each ``read_*(reader, match)`` says the match, or
returns None to leave it to a later rule (or to the engine, as digits).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .foreign_forms import before_noun, slavic_genitive, slavic_ordinal, words
from .foreign_ordinals import ordinal_pattern, read_ordinal  # noqa: F401 (one module of rules for foreign.py)
from .foreign_words import SYMBOLS, Language

if TYPE_CHECKING:
    from .foreign import Reader

_NEVER = "(?!)"
_SIGN = r"(?:(?P<neg>(?<![\w.,\d])[-−])(?=\d))?"
_SYMBOLS = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_ORDINAL_SUFFIX = {
    "de": r"\.",
    "fr": r"er|re|ère|ᵉʳ",
    "es": r"\.?º|\.?ª",
    "it": r"º|ª",
    "pt": r"\.?º|\.?ª",
    "nl": r"ste|de|e",
    "pl": r"\.",
    "uk": r"-го",
}
_YEAR_WORD = {"pl": r"r\.|roku", "uk": r"р\.|року"}
# Articles and prepositions after which a German ordinal takes "-en" (dative,
# or accusative masculine): "am dritten März", "bis fünften März" (bis zum).
_DE_DATIVE = frozenset(
    [
        "am",
        "im",
        "vom",
        "zum",
        "beim",
        "dem",
        "den",
        "des",
        "zur",
        "einem",
        "seinem",
        "ihrem",
        "diesem",
        "ab",
        "bis",
        "seit",
        "von",
        "vor",
        "nach",
    ]
)
_DE_WEAK = frozenset(["der", "die", "das"])


def number_pattern(lang: Language) -> str:
    group = "[" + re.escape(lang.group) + "]"
    return rf"(?<![\w.,])(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:,\d+)?(?![.,]?\d)"


def _month_index(lang: Language, written: str) -> int:
    written = written.lower()
    return next(
        i
        for i, forms in enumerate(lang.months, 1)
        if written in (f.lower() for f in forms)
    )


def _months(lang: Language) -> str:
    forms = sorted((f for month in lang.months for f in month), key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(f) for f in forms) + ")"


# Dates ------------------------------------------------------------------


def numeric_date_pattern(lang: Language, number: str) -> str:
    return (
        r"(?<![\w.,])(?:(?P<d>[0-3]?\d)(?P<s>[./-])(?P<m>[01]?\d)(?P=s)(?P<y>\d{4})"
        r"|(?P<y2>\d{4})-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?![\w]|[.,]\d)"
    )


def read_numeric_date(reader: Reader, match: re.Match[str]) -> str | None:
    day, month, year = (
        match.group("d", "m", "y")
        if match.group("d")
        else match.group("d2", "m2", "y2")
    )
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return _date(reader, match, int(day), int(month), int(year), "")


def date_pattern(lang: Language, number: str) -> str:
    of = "(?:de )?" if lang.code in ("es", "pt") else ""
    year_of = "(?:del? )?" if lang.code in ("es", "pt") else ""
    return (
        rf"(?<![\w.,])(?P<d>[0-3]?\d)(?P<o>{_ORDINAL_SUFFIX[lang.code]})? {of}(?P<mon>{_months(lang)})(?!\w)"
        rf"(?: {year_of}(?P<y>\d{{4}})(?![.,]?\d)(?: ?(?P<r>{_YEAR_WORD.get(lang.code, _NEVER)})(?!\w))?)?"
    )


def read_date(reader: Reader, match: re.Match[str]) -> str | None:
    day = int(match.group("d"))
    if not 1 <= day <= 31:
        return None
    year = int(match.group("y")) if match.group("y") else None
    return _date(
        reader,
        match,
        day,
        _month_index(reader.lang, match.group("mon")),
        year,
        match.group("o") or "",
    )


def _date(
    reader: Reader,
    match: re.Match[str],
    day: int,
    month: int,
    year: int | None,
    marker: str,
) -> str | None:
    code = reader.code
    if code == "de":
        spoken_day = _de_ordinal(day, reader.previous_word(match), masculine=True)
    elif code in ("pl", "uk"):
        spoken_day = slavic_ordinal(day, code, "gen")
    elif day == 1 and code in ("fr", "it", "pt") or marker and code in ("es", "nl"):
        spoken_day = words(
            day, code, "ordinal"
        )  # "premier mars", "primo marzo", "derde maart"
    else:
        spoken_day = words(day, code)
    month_name = reader.lang.months[month - 1][0]
    spoken = (
        f"{spoken_day} de {month_name}"
        if code in ("es", "pt")
        else f"{spoken_day} {month_name}"
    )
    if year is None:
        return spoken
    spoken_year = _year_of_date(reader, year)
    return f"{spoken} {spoken_year}" if spoken_year and spoken_day else None


def _year_of_date(reader: Reader, year: int) -> str | None:
    code = reader.code
    if code in ("pl", "uk"):
        spoken = slavic_ordinal(year, code, "gen")
        return spoken and f"{spoken} {'roku' if code == 'pl' else 'року'}"
    if code in ("es", "pt"):
        spoken = words(year, code)
        return spoken and f"de {spoken}"
    return _year(reader, year)


def _year(reader: Reader, year: int) -> str | None:
    # German and Dutch say 1999 in hundreds ("neunzehnhundertneunundneunzig");
    # the others say the plain number, which num2words' "year" also gives.
    if reader.code in ("de", "nl") and 1100 <= year <= 1999:
        spoken = words(year, reader.code, "year")
        return spoken and spoken.replace(" ", "")
    return words(year, reader.code)


def _de_ordinal(number: int, previous: str, masculine: bool) -> str | None:
    """'dritte' after der/die/das, 'dritten' after am/im/vom, 'dritter' (März) with no article."""
    spoken = words(number, "de", "ordinal")
    if spoken is None:
        return None
    if previous in _DE_DATIVE:
        return spoken + "n"
    if previous not in _DE_WEAK and masculine:
        return spoken + "r"
    return spoken


# Years --------------------------------------------------------------------


def year_pattern(lang: Language, number: str) -> str:
    if lang.code in ("de", "nl"):
        return r"(?<![\w.,])(?P<y>1[1-9]\d\d)(?![.,]?\d)(?!\w)"
    if lang.code == "pl":
        return r"(?<![\w.,])(?P<y>\d{4}) ?(?P<r>r\.|roku|rok)(?!\w)"
    if lang.code == "uk":
        return r"(?<![\w.,])(?P<y>\d{4}) ?(?P<r>р\.|року|році|рік)(?!\w)"
    return _NEVER


def read_year(reader: Reader, match: re.Match[str]) -> str | None:
    year, code = int(match.group("y")), reader.code
    if code not in ("pl", "uk"):
        return _year(reader, year)
    word = match.group("r")
    after_in = reader.previous_word(match) in ("w", "we", "у", "в")
    if word in ("rok", "рік"):
        case, said = "nom", word
    elif after_in and word in ("r.", "roku", "р.", "році"):
        case, said = (
            "loc",
            ("roku" if code == "pl" else "році"),
        )  # "w 2024 r." -> "w ... czwartym roku"
    else:
        case, said = "gen", ("roku" if code == "pl" else "року")
    spoken = slavic_ordinal(year, code, case)
    return spoken and f"{spoken} {said}"


# Clock times ----------------------------------------------------------------


def time_pattern(lang: Language, number: str) -> str:
    hours = lang.hour_words
    h_sep = "| ?h ?" if "h" in hours.split("|") else ""
    return (
        rf"(?<![\w.,:])(?P<h>[01]?\d|2[0-4])(?:(?::{h_sep})(?P<m>[0-5]\d)(?![\d:])(?: ?(?:{hours})(?!\w))?"
        rf"|\.(?P<m2>[0-5]\d) ?(?:{hours})(?!\w)| ?(?:{hours})(?!\w))"
    )


def read_time(reader: Reader, match: re.Match[str]) -> str | None:
    hour, code = int(match.group("h")), reader.code
    minute = int(match.group("m") or match.group("m2") or 0)
    if code in ("pl", "uk"):
        return _slavic_time(reader, match, hour, minute)
    spoken_minute = words(minute, code) if minute else ""
    if code == "fr":
        spoken_hour = (
            "zéro heure"
            if hour == 0
            else reader.counted(str(hour), ("heure", "heures"), feminine=True)
        )
        return spoken_hour and f"{spoken_hour} {spoken_minute}".strip()
    spoken_hour = words(hour, code)
    if spoken_hour is None or spoken_minute is None:
        return None
    if code in ("de", "nl"):  # "vierzehn Uhr dreißig", "ein Uhr", "veertien uur dertig"
        clock = "Uhr" if code == "de" else "uur"
        return f"{before_noun(spoken_hour, code)} {clock} {spoken_minute}".strip()
    spoken_hour = before_noun(
        spoken_hour, code, feminine=True
    )  # "la una", "l'una", "uma hora"
    if minute:
        return f"{spoken_hour} {'y' if code == 'es' else 'e'} {spoken_minute}"
    if code == "it":
        return spoken_hour  # "alle quattordici"
    return f"{spoken_hour} {'hora' if hour == 1 else 'horas'}"


def _slavic_time(
    reader: Reader, match: re.Match[str], hour: int, minute: int
) -> str | None:
    """Polish and Ukrainian say the hour as a feminine ordinal: 'czternasta', 'о чотирнадцятій'."""
    code = reader.code
    before = reader.text[max(0, match.start() - 16) : match.start()]
    at = re.search(
        r"(?:^|\s)(?:o|о|об)(?: (?:godz\.?|godzinie|год\.?|годині))? $", before
    )
    zero = "zero" if code == "pl" else "нуль"
    spoken_hour = (
        slavic_ordinal(hour, code, "femloc" if at else "fem") if hour else zero
    )
    if spoken_hour is None:
        return None
    if not minute:
        return spoken_hour
    spoken_minute = words(minute, code)
    return f"{spoken_hour} {zero + ' ' if minute < 10 else ''}{spoken_minute}"


# Ranges, money, percent -------------------------------------------------------


def range_pattern(lang: Language, number: str) -> str:
    return (
        rf"(?P<a>{number})(?: ?[–—] ?|-)(?P<b>{number})(?![-–]\d)"
        rf"(?: ?(?P<u>%|{_SYMBOLS})(?!\w))?"
    )


def _value(written: str) -> float:
    whole, _, fraction = written.partition(",")
    return float(re.sub(r"\D", "", whole) + "." + (fraction or "0"))


def read_range(reader: Reader, match: re.Match[str]) -> str | None:
    """'3–5' -> 'drei bis fünf', 'de trois à cinq', 'od trzech do pięciu'; a score ('3-1') is no range."""
    a, b, unit = match.group("a", "b", "u")
    if _value(a) >= _value(b):
        return None
    code, lang = reader.code, reader.lang
    first, second = (_plain(reader, a), _plain(reader, b))
    if first is None or second is None:
        return None
    if code in ("pl", "uk"):
        first, second = slavic_genitive(first, code), slavic_genitive(second, code)
    before, between = lang.range_words
    if reader.previous_word(match) in (before, "entre", "tra", "zwischen"):
        before = ""
    spoken = f"{before} {first} {between} {second}".strip()
    if unit:
        forms = lang.percent if unit == "%" else lang.currencies[SYMBOLS[unit]]
        spoken += " " + (forms[2] if code in ("pl", "uk") else forms[1])
    return spoken


def _plain(reader: Reader, written: str) -> str | None:
    if re.fullmatch(r"1[1-9]\d\d", written):
        return _year(reader, int(written))
    return reader.number(written)


def money_pattern(lang: Language, number: str) -> str:
    return (
        rf"{_SIGN}(?P<n>{number}) ?(?P<s>{_SYMBOLS})(?!\w)"
        rf"|(?<!\w)(?P<s2>{_SYMBOLS}) ?(?P<n2>{number})"
    )


def read_money(reader: Reader, match: re.Match[str]) -> str | None:
    """'5,50 €' -> 'fünf Euro fünfzig', 'pięć złotych pięćdziesiąt groszy'."""
    written = match.group("n") or match.group("n2")
    code = SYMBOLS[match.group("s") or match.group("s2")]
    lang, negative = reader.lang, bool(match.group("neg"))
    forms, feminine = lang.currencies[code], code in lang.feminine
    whole, _, cents = written.partition(",")
    if len(cents) != 2:
        return reader.counted(written, forms, feminine, negative)
    spoken = reader.counted(whole, forms, feminine, negative)
    if spoken is None or cents == "00":
        return spoken
    if lang.minor:
        spoken_cents = reader.counted(
            cents.lstrip("0"), lang.minor[code], feminine=code == "UAH"
        )
    else:
        spoken_cents = words(int(cents), reader.code)
    return spoken_cents and " ".join(
        part for part in (spoken, lang.money_joint, spoken_cents) if part
    )


def percent_pattern(lang: Language, number: str) -> str:
    return rf"{_SIGN}(?P<n>{number}) ?%"


def read_percent(reader: Reader, match: re.Match[str]) -> str | None:
    # "ein Prozent", "jeden procent", but "uno por ciento", not "un por ciento".
    apocope = reader.code in ("de", "pl", "uk")
    return reader.counted(
        match.group("n"),
        reader.lang.percent,
        negative=bool(match.group("neg")),
        apocope=apocope,
    )


# Plain numbers ------------------------------------------------------------


def cardinal_pattern(lang: Language, number: str) -> str:
    return rf"{_SIGN}(?P<n>{number})"


def read_cardinal(reader: Reader, match: re.Match[str]) -> str | None:
    return reader.number(match.group("n"), negative=bool(match.group("neg")))
