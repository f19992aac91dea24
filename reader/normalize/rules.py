"""The rewrite rules: a pattern and a function that says the match aloud.

Each rule's ``speak(match, text)`` returns the spoken form, or None to leave
the match to later rules. Rules run in priority order over the original
sentence; a span claimed by one rule is never touched by another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import numbers as num
from .words import (
    ABBREVIATIONS, ACRONYMS, BARE_ABBREVIATIONS, CURRENCIES, MONTH_NUMBER, MONTHS, NOT_INITIALISMS, SCALES,
    SYMBOLS, TITLE_PAIRS, TITLES, UNITS,
)  # fmt: skip

Speak = Callable[[re.Match[str], str], "str | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    speak: Speak


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DASH = r"\s?[-–—]\s?|\s(?:to)\s"
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_CUR_SYMBOL = r"[$€£₴¥₽₹]"
_CUR_CODE = r"USD|EUR|GBP|UAH|JPY|RUB|INR|CHF|CAD|AUD"
_SCALE = r"thousand|million|billion|trillion|bn|mn|tn|[kmb](?![\w/])"
_CASED_UNITS = ["°C", "°F", "kWh", "GB", "MB", "TB", "kHz", "MHz", "GHz", "kW", "MW", "GW", "Hz"]
_UNIT = "|".join(re.escape(u) for u in sorted([*UNITS, *_CASED_UNITS], key=len, reverse=True))


def _spoken_domain(host: str) -> str:
    host = re.sub(r"^www\.", "", host.lower())
    return " dot ".join(host.split("."))


def _url(match: re.Match[str], text: str) -> str:
    url = match.group(0)
    rest = re.sub(r"^(?:https?://)?", "", url, flags=re.I)
    host, _, path = rest.partition("/")
    path = path.strip("/")
    if not path:
        return _spoken_domain(host)
    if len(path) <= 16 and re.fullmatch(r"[A-Za-z]+", path):
        return f"{_spoken_domain(host)} slash {path}"
    return f"a link to {_spoken_domain(host)}"


def _email(match: re.Match[str], text: str) -> str:
    user, _, host = match.group(0).partition("@")
    return f"{' dot '.join(re.split(r'[.]', user))} at {_spoken_domain(host)}".replace("_", " underscore ")


def _handle(match: re.Match[str], text: str) -> str:
    return "at " + _split_camel(match.group(1))


def _hashtag(match: re.Match[str], text: str) -> str:
    return "hashtag " + _split_camel(match.group(1))


def _split_camel(word: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", word).strip()


def _phone(match: re.Match[str], text: str) -> str:
    groups = re.findall(r"\d+", match.group(0))
    prefix = "plus " if match.group(0).lstrip().startswith("+") else ""
    return prefix + ", ".join(num.digits(g) for g in groups)


def _amount_words(amount: str, scale: str | None) -> str:
    words = num.cardinal(amount)
    return f"{words} {SCALES[scale.lower()]}" if scale else words


def _money(match: re.Match[str], text: str) -> str | None:
    currency = (match.group("cur") or match.group("code") or match.group("code2") or "").lower()
    names = CURRENCIES.get(currency)
    if names is None:
        return None
    one, many, cent_one, cents = names
    low, high, scale = match.group("low"), match.group("high"), match.group("scale")
    if high:
        return f"{_amount_words(low, None)} to {_amount_words(high, scale)} {many}"
    whole, _, fraction = low.replace(",", "").partition(".")
    if scale or len(fraction) not in (0, 2):
        return f"{_amount_words(low, scale)} {many}"
    unit = one if whole in ("1",) else many
    spoken = f"{num.cardinal(whole)} {unit}"
    if fraction and int(fraction):
        spoken += f" and {num.cardinal(str(int(fraction)))} {cent_one if int(fraction) == 1 else cents}"
    return spoken


def _named_date(match: re.Match[str], day_first: bool) -> str | None:
    """"March 7, 2023" -> "March seventh, ..."; "7 March 2023" -> "the seventh of March, ..."."""
    month = MONTH_NUMBER.get(match.group("month").lower().rstrip("."))
    day = int(match.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    name, nth = MONTHS[month - 1], num.ordinal(day)
    spoken = f"the {nth} of {name}" if day_first else f"{name} {nth}"
    if match.group("year"):
        spoken += f", {num.year(int(match.group('year')))}"
    return spoken


def _date_mdy(match: re.Match[str], text: str) -> str | None:
    return _named_date(match, day_first=False)


def _date_dmy(match: re.Match[str], text: str) -> str | None:
    return _named_date(match, day_first=True)


def _date_numeric(match: re.Match[str], text: str) -> str | None:
    if match.group("iso"):
        year, month, day = (int(g) for g in match.group("iso").split("-"))
    else:
        first, second, year = (int(g) for g in re.split(r"[/.]", match.group("slashed")))
        month, day = (first, second) if first <= 12 else (second, first)  # US order unless impossible
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    return f"{MONTHS[month - 1]} {num.ordinal(day)}, {num.year(year)}"


def _time(match: re.Match[str], text: str) -> str | None:
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    meridiem = match.group("ampm")
    if minute > 59 or hour > (12 if meridiem else 24):
        return None
    if match.group("second"):
        return _duration(hour, minute, int(match.group("second")))
    hour_words = num.cardinal(str(hour))
    if minute == 0:
        spoken = f"{hour_words} o'clock" if not meridiem and hour <= 12 else f"{hour_words} hundred" if not meridiem else hour_words
    elif minute < 10:
        spoken = f"{hour_words} oh {num.cardinal(str(minute))}"
    else:
        spoken = f"{hour_words} {num.cardinal(str(minute))}"
    if meridiem:
        spoken += " A M" if meridiem[0].lower() == "a" else " P M"
    return spoken


def _duration(hours: int, minutes: int, seconds: int) -> str:
    parts = [(hours, "hour"), (minutes, "minute"), (seconds, "second")]
    said = [f"{num.cardinal(str(n))} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    return " ".join(said) or "zero seconds"


def _percent(match: re.Match[str], text: str) -> str:
    low, high = match.group("low"), match.group("high")
    if high:
        return f"{num.cardinal(low)} to {num.cardinal(high)} percent"
    return f"{num.cardinal(low)} percent"


def _measure(match: re.Match[str], text: str) -> str | None:
    unit = UNITS.get(match.group("unit")) or UNITS.get(match.group("unit").lower())
    if unit is None:
        return None
    low, high = match.group("low"), match.group("high")
    if high:
        return f"{num.cardinal(low)} to {num.cardinal(high)} {unit[1]}"
    return f"{num.cardinal(low)} {unit[0] if num.is_one(low) else unit[1]}"


def _range(match: re.Match[str], text: str) -> str | None:
    low, high = match.group("low"), match.group("high")
    if _looks_like_year(low) and _looks_like_year(high):
        return f"{num.year(int(low))} to {num.year(int(high))}"
    if len(high) == 2 and _looks_like_year(low):  # 2014-15
        return f"{num.year(int(low))} to {num.year(int(low[:2] + high))}"
    return f"{num.cardinal(low)} to {num.cardinal(high)}"


def _looks_like_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1000 <= int(value) <= 2199


def _ordinal(match: re.Match[str], text: str) -> str:
    return num.ordinal(int(match.group(1).replace(",", "")))


def _decade(match: re.Match[str], text: str) -> str:
    return num.decade(match.group("century") or "", match.group("decade"))


def _special(match: re.Match[str], text: str) -> str:
    return {"911": "nine one one", "24/7": "twenty four seven", "9/11": "nine eleven", "7/7": "seven seven"}[match.group(0)]


def _fraction(match: re.Match[str], text: str) -> str | None:
    numerator, denominator = int(match.group("num")), int(match.group("den"))
    if not 2 <= denominator <= 16 or numerator >= denominator * 4:
        return None
    spoken = num.fraction(numerator, denominator)
    if match.group("whole"):
        spoken = f"{num.cardinal(match.group('whole'))} and {'a' if numerator == 1 else ''} {spoken.split(' ', 1)[1] if numerator == 1 else spoken}"
    return re.sub(r"\s+", " ", spoken)


_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|of|by|from|until|till|to|before|after|during|year|years|early|late|mid|circa|c\.|"
    r"spring|summer|autumn|fall|winter|through|and|between)\s+|[(,]\s*)$",
    re.I,
)


def _year(match: re.Match[str], text: str) -> str | None:
    value = match.group(0)
    before = text[max(0, match.start() - 12) : match.start()]
    if _looks_like_year(value) and (_YEAR_CONTEXT.search(before) or re.match(r"\s*[.,;:)]|\s*$", text[match.end() :])):
        return num.year(int(value))
    return None


def _number(match: re.Match[str], text: str) -> str:
    return num.cardinal(match.group(0))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_KEYWORDS = re.compile(
    r"\b(?:World War|Chapter|Part|Volume|Vol\.|Book|Act|Phase|Title|Article|Section|Super Bowl|Apollo|"
    r"Vatican|Star Wars Episode|Episode|Class|Category|Stage|Level|Round)\s$"
)


def _roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        total += -value if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > value else value
    return total


def _roman(match: re.Match[str], text: str) -> str | None:
    numeral = match.group("numeral")
    before = text[max(0, match.start() - 30) : match.start()]
    value = _roman_value(numeral)
    if _ROMAN_KEYWORDS.search(before):
        return num.cardinal(str(value))
    if re.search(r"\b[A-Z][a-z]+\s$", before) and (len(numeral) > 1 or numeral in "V"):
        return "the " + num.ordinal(value)  # Charles III, Henry V
    return None


def _code(match: re.Match[str], text: str) -> str:
    """COVID-19, F-16, G7, MH17: the name, then the number."""
    letters, digits = match.group("letters"), match.group("digits")
    name = letters.capitalize() if letters in ACRONYMS else _letters(letters)
    number = num.digits(digits) if digits.startswith("0") else num.cardinal(digits)
    return f"{name} {number}"


def _title_abbreviation(match: re.Match[str], text: str) -> str | None:
    first = match.group("t1").lower()
    second = (match.group("t2") or "").lower()
    if second:
        pair = TITLE_PAIRS.get((first, second))
        return pair
    return TITLES.get(first)


def _saint_or_street(match: re.Match[str], text: str) -> str:
    after = text[match.end() :]
    # "St. Mary's", "St Petersburg": a name follows; "Baker St." or "on 5th St. near": a street.
    if re.match(r"\s*[A-Z]", after) and not re.search(r"(?:\d(?:st|nd|rd|th)|[a-z]\w*)\s$", text[: match.start()] + " "):
        return "Saint"
    return "Street"


def _abbreviation(match: re.Match[str], text: str) -> str | None:
    word = match.group("abbr").lower()
    if word == "no":
        return "number" if re.match(r"\s*\d", text[match.end() :]) else None
    if word in ("mar", "may", "jun", "jul", "dec") and not re.match(r"\s*\d", text[match.end() :]):
        return None  # "mar" the verb; a month abbreviation is followed by a day
    if not match.group("dot") and word not in BARE_ABBREVIATIONS:
        return None
    return ABBREVIATIONS.get(word)


def _letters(word: str) -> str:
    return " ".join(word)


def _dotted_initialism(match: re.Match[str], text: str) -> str:
    return _letters(match.group(0).replace(".", "").upper()) if len(match.group(0)) > 2 else match.group(0)


def _capitals(match: re.Match[str], text: str, acronyms: frozenset[str] = ACRONYMS) -> str | None:
    word, plural = match.group("caps"), match.group("plural")
    if word in NOT_INITIALISMS or _shouting(text):
        return None
    if word in acronyms:
        return word.capitalize() + (plural or "")
    spoken = _letters(word)
    return spoken + "'s" if plural else spoken


def _shouting(text: str) -> bool:
    """A sentence in capitals (a shouted headline): its words are words, not initialisms."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _symbol(match: re.Match[str], text: str) -> str | None:
    symbol = match.group(0)
    if symbol == "/":
        return " or " if re.match(r"[A-Za-z]", text[match.end() : match.end() + 1] or " ") else None
    if symbol == "~" and not re.match(r"\s?\d", text[match.end() :]):
        return None
    return SYMBOLS.get(symbol)


def _dash(match: re.Match[str], text: str) -> str:
    return ", "


RULES: tuple[Rule, ...] = tuple(
    Rule(name, re.compile(pattern), speak)
    for name, pattern, speak in [
        ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", _email),
        ("url", r"\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|ua|de|fr)\b(?:/[^\s]*[^\s.,;:!?)\]])?", _url),
        ("handle", r"(?<![\w@])@([A-Za-z_]\w{0,30})\b", _handle),
        ("hashtag", r"(?<![\w&#])#([A-Za-z]\w*)", _hashtag),
        ("code", r"(?<![\w-])(?P<letters>[A-Z]{1,6})-?(?P<digits>\d{1,4})(?![\w-])", _code),
        ("phone", r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w])", _phone),
        ("money", rf"(?:(?P<cur>{_CUR_SYMBOL})\s?|\b(?P<code>{_CUR_CODE})\s)(?P<low>{_NUM})(?:(?:{_DASH})(?:{_CUR_SYMBOL})?(?P<high>{_NUM}))?(?:\s?(?P<scale>{_SCALE}))?(?:\s(?P<code2>{_CUR_CODE})\b)?", _money),
        ("money", rf"\b(?P<low>{_NUM})(?:(?:{_DASH})(?P<high>{_NUM}))?(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn))?\s?(?P<code2>{_CUR_CODE}|{_CUR_SYMBOL})(?P<cur>)(?P<code>)(?!\w)", _money),
        ("date", r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<slashed>\d{1,2}/\d{1,2}/\d{4}))\b", _date_numeric),
        ("date", rf"\b(?P<month>{_MONTH})\.?\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s(?P<year>\d{{4}})\b)?", _date_mdy),
        ("date", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month>{_MONTH})\.?(?:,?\s(?P<year>\d{{4}})\b)?", _date_dmy),
        ("time", r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?))?(?![\d.]\d)", _time),
        ("percent", rf"(?P<low>-?(?:{_NUM}))(?:\s?%?(?:{_DASH})(?P<high>{_NUM}))?\s?(?:%|\spercent\b|\sper cent\b)", _percent),
        ("measure", rf"(?P<low>-?(?:{_NUM}))(?:(?:{_DASH})(?P<high>{_NUM}))?\s?(?P<unit>{_UNIT})(?![\w²])", _measure),
        ("special", r"(?<![\w/])(?:911|24/7|9/11|7/7)(?![\w/])", _special),
        ("fraction", r"(?<![\w/.])(?:(?P<whole>\d+)\s)?(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![\w/])", _fraction),
        ("range", r"(?<![\w.,-])(?P<low>\d+)(?:\s?[-–—]\s?)(?P<high>\d+)(?![\w.,-]\d)", _range),
        ("ordinal", r"\b(\d{1,3}(?:,\d{3})*|\d+)(?:st|nd|rd|th)\b", _ordinal),
        ("decade", r"(?:\b(?P<century>1[0-9]|20)|')(?P<decade>\d)0s\b", _decade),
        ("year", r"(?<![\w.,$€£-])\d{4}(?![\w.,]\d|\w)", _year),
        ("number", rf"(?:(?<=\s)|^|(?<=[(\[]))-?(?:{_NUM})(?![\w]|[.,]\d)|(?<![\w.,])(?:{_NUM})(?![\w]|[.,]\d)", _number),
        ("roman", r"(?<=\s)(?P<numeral>[IVX]{1,5})\b(?!['’]\w)", _roman),
        ("title", r"\b(?P<t1>Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Adm|Brig|Sen|Rep|Gov|Pres|Rev|Hon|Fr|Supt|Insp|Det|Amb)\.?(?:\s(?P<t2>Col|Gen)\.?)?(?=\s+[A-Z])", _title_abbreviation),
        ("saint", r"\bSt\.?(?=\s|$)", _saint_or_street),
        ("abbreviation", r"(?<![\w.])(?P<abbr>vs|etc|e\.g|i\.e|approx|Inc|Corp|Ltd|Co|Bros|Jr|Sr|Dept|Univ|est|Ave|Blvd|Rd|Hwy|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Fig|Vol|No|govt|Govt|intl)(?P<dot>\.)?(?!\w)", _abbreviation),
        ("initialism", r"(?<![\w.])(?:[A-Za-z]\.){2,}(?![\w])", _dotted_initialism),
        ("capitals", r"(?<![\w'-])(?P<caps>[A-Z]{2,6})(?P<plural>s)?(?![\w'’]|-[a-z])", _capitals),
        ("symbol", r"[&+=×±№~≈→<>]|(?<=[A-Za-z])/(?=[A-Za-z])", _symbol),
        ("dash", r"\s[—–]\s|(?<=\w)—(?=\w)", _dash),
    ]
)
