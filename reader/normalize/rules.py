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
from . import rules_dates as dates
from . import rules_numbers as nums
from . import rules_phones as phones
from .rules_numbers import (
    AMOUNT,
    CUR_CODE,
    CUR_SYMBOL,
    DASH,
    MINUS,
    NUM,
    PER,
    SCALE,
    UNIT,
    VULGAR,
)
from .words import (
    ABBREVIATIONS,
    ACRONYMS,
    BARE_ABBREVIATIONS,
    NOT_INITIALISMS,
    SYMBOLS,
    TITLE_PAIRS,
    TITLES,
)

Speak = Callable[[re.Match[str], str], "str | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    speak: Speak


_ENUMERATOR = r"^\(?(?P<n>\d{1,2})[.)]\s+(?=[\"“‘(]?[A-Z])"
# Footnote marks glued to the text before them: "martyr.[1]", "[citation needed]", "[a]", "[note 3]".
_FOOTNOTE = r"(?<=[\w.,;:!?)\]\"'”’])\[(?:\d{1,3}|[a-z]{1,2}|(?:note|nb|n) \d{1,3}|[a-z][a-z ,–-]{2,40}\??)\]"


def _enumerator(match: re.Match[str], text: str) -> str:
    """"1. Wages grew" -> "one, Wages grew": the list item's number is said, then a pause."""
    return num.cardinal(match.group("n")) + ","


def _footnote(match: re.Match[str], text: str) -> str:
    return ""


def _spoken_domain(host: str) -> str:
    host = re.sub(r"^www\.", "", host.lower())
    return " dot ".join(host.split("."))


def _url(match: re.Match[str], text: str) -> str:
    url = match.group(0)
    rest = re.sub(r"^(?:https?://)?", "", url, flags=re.IGNORECASE)
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


def _title_abbreviation(match: re.Match[str], text: str) -> str | None:
    first = match.group("t1").lower()
    second = (match.group("t2") or "").lower()
    if second:
        pair = TITLE_PAIRS.get((first, second))
        return pair
    return TITLES.get(first)


def _saint_or_street(match: re.Match[str], text: str) -> str:
    after = text[match.end() : match.end() + 40]
    # "St. Mary's", "St Petersburg": a name follows; "Baker St." or "on 5th St. near": a street.
    # After a house number and a name ("1428 Elm St.") it is a street, whatever follows.
    if re.search(r"\d\w*\s(?:[A-Z][a-z]+\s){1,3}$", text[max(0, match.start() - 40) : match.start()]):
        return "Street"
    if re.match(r"\s*[A-Z]", after) and not re.search(r"(?:\d(?:st|nd|rd|th)|[a-z]\w*)\s$", text[max(0, match.start() - 40) : match.start()] + " "):
        return "Saint"
    return "Street"


_WEEKDAYS = frozenset(("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"))
_DATE_AFTER = re.compile(rf",?\s(?:{dates.MONTH}\b|\d{{1,2}}(?:st|nd|rd|th)?\s{dates.MONTH}\b|\d{{1,2}}/\d{{1,2}}\b)")


_PAGE, _YEAR = re.compile(r"\s?\d"), re.compile(r"\s?\d{3,4}\b")
_BEFORE_NUMBER = {"p": _PAGE, "pp": _PAGE, "c": _YEAR, "ca": _YEAR}
"""Letters that are an abbreviation only before a number: pages, and circa before a year."""


def _abbreviation(match: re.Match[str], text: str) -> str | None:
    word = match.group("abbr").lower()
    if word == "no":
        return "number" if re.match(r"\s*\d", text[match.end() : match.end() + 5]) else None
    if word in _WEEKDAYS:  # "Wed." is a weekday only before a date: "Mon., Jan. 5", "Fri., 12 May", "Tue 3 Mar"
        written_as_name = match.group("dot") or match.group("abbr")[0].isupper()
        return ABBREVIATIONS[word] if written_as_name and _DATE_AFTER.match(text, match.end()) else None
    if word in _BEFORE_NUMBER:  # "p. 55", "pp. 12-15", "c. 1850": only with the dot, before the number they name
        return ABBREVIATIONS[word] if match.group("dot") and _BEFORE_NUMBER[word].match(text, match.end()) else None
    if word in ("mar", "may", "jun", "jul", "dec") and not re.match(r"\s*\d", text[match.end() : match.end() + 5]):
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
    if symbol == "~" and not re.match(r"\s?\d", text[match.end() : match.end() + 3]):
        return None
    return SYMBOLS.get(symbol)


def _arithmetic(match: re.Match[str], text: str) -> str:
    return " times " if "*" in match.group(0) else " divided by "


_DATE_OR_NUMBER = re.compile(rf"(?:{dates.MONTH}\b|\$?\d)")
_DATE_OR_NUMBER_BEFORE = re.compile(rf"(?:\d|\d\s{dates.MONTH}\.?)$")


def _dash(match: re.Match[str], text: str) -> str:
    """A spaced dash is a pause, but between two dates or numbers it is "to" ("Jan 5 – Feb 3", "20 July – 5 August")."""
    before = _DATE_OR_NUMBER_BEFORE.search(text, max(0, match.start() - 14), match.start())
    between = before and _DATE_OR_NUMBER.match(text, match.end())
    return " to " if between else ", "


_MONEY_BEFORE = rf"(?:(?<![\w.])(?P<neg>[-−]))?(?:(?P<cur>{CUR_SYMBOL})\s?|\b(?P<code>{CUR_CODE})\s)(?P<low>{NUM}|\.\d+)(?:(?:{DASH})(?:{CUR_SYMBOL})?(?P<high>{NUM}))?(?:\s?(?P<scale>{SCALE}))?(?:\s(?P<code2>{CUR_CODE})\b)?(?P<per>{PER})?"
_MONEY_AFTER = rf"(?P<neg>)\b(?P<low>{NUM})(?:(?:{DASH})(?P<high>{NUM}))?(?:\s?(?P<scale>(?:thousand|million|billion|trillion|bn|mn)\b))?\s?(?P<code2>{CUR_CODE}|{CUR_SYMBOL})(?P<cur>)(?P<code>)(?P<per>{PER})?(?!\w)"
_MEASURE = rf"(?<![\w.,])(?:(?P<by>\d+(?:\.\d+)?)\s?[x×]\s?)?(?P<low>{MINUS}?(?:{AMOUNT}))(?:(?:{DASH})(?P<high>{AMOUNT}))?(?:(?P<hyphen>-)|\s?)(?P<unit>{UNIT})(?:/(?P<per>{UNIT}|hr|s)\b)?(?![\w²])"

RULES: tuple[Rule, ...] = tuple(
    Rule(name, re.compile(pattern), speak)
    for name, pattern, speak in [
        ("enumerator", _ENUMERATOR, _enumerator),
        ("footnote", _FOOTNOTE, _footnote),
        ("email", r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b", _email),  # bounded: linear on long runs
        ("url", r"\b(?:https?://|www\.)[^\s<>\"']{0,2000}[^\s<>\"'.,;:!?)\]]|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|org|net|gov|edu|io|info|co\.uk|ua|de|fr)\b(?:/[^\s]*[^\s.,;:!?)\]])?", _url),
        ("handle", r"(?<![\w@])@([A-Za-z_]\w{0,30})\b", _handle),
        ("number", r"(?<![\w&#])#(?P<n>\d{1,6})\b", nums.hash_number),
        ("hashtag", r"(?<![\w&#])#([A-Za-z]\w*)", _hashtag),
        ("phone", r"(?<![\w+-])1[\s.-]8\d\d(?:[\s.-][A-Z0-9]{1,8}){1,5}(?![\w-])", phones.vanity_phone),
        ("phone", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?(?:\(\d{1,4}\)|\d{1,5})){2,6}(?![\w])", phones.phone),
        ("phone", r"(?<![\w+])(?:1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:[\s.-]\d{1,4})?(?![\w])", phones.phone),
        ("phone", r"(?<![\w.,-])[2-9]\d\d-\d{4}(?![\w-]|[.,]\d)", phones.local_phone),
        ("money", r"(?<![\w.,])(?P<n>\d{1,2})p\b(?![.'’]\w)", nums.pence),
        ("address", r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)", nums.dotted_digits),
        ("power", r"(?<![\w.,^])(?P<base>\d+(?:\.\d+)?)(?:\^(?P<exp>[-−]?\d{1,3})|(?P<sup>[²³]|(?<=10)[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\w^]|[.,]\d)", nums.power),
        ("serial", r"(?<![\w.,-])\d{1,6}(?:-\d{1,7}){3,}(?![\w-])", phones.serial),  # ISBNs, part numbers: digits by groups
        ("measure", r"(?<![\w.])(?P<deg>\d{1,3})°\s?(?:(?P<min>\d{1,2}(?:\.\d+)?)[′'’]\s?)?(?:(?P<sec>\d{1,2}(?:\.\d+)?)[″\"”]\s?)?(?P<dir>[NSEW])\b", phones.coordinate),
        dates.QUARTER,
        ("code", r"(?<![\w-])(?P<letters>[A-Z]{1,6})-?(?P<digits>\d{1,4})(?![\w-])", nums.code),
        ("money", _MONEY_BEFORE, nums.money),
        ("money", _MONEY_AFTER, nums.money),
        *[(name, pattern, speak) for name, pattern, speak in dates.PATTERNS],
        ("phone", r"(?<![\w.,+-])0\d{0,4}(?:[\s-]\d{2,4}){2,4}(?![\w]|[.,]\d)", phones.phone),
        ("phone", r"(?<![\w.,-])\d{2,4}(?:-\d{2,4}){2,3}(?![\w-])", phones.phone),
        ("percent", rf"(?P<low>{MINUS}?(?:{NUM}))(?:\s?%?(?:{DASH})(?P<high>{NUM}))?\s?(?:%|\spercent\b|\sper cent\b)", nums.percent),
        ("measure", r"\b(?P<feet>\d{1,2})\s?(?:ft|')\s?(?P<inches>\d{1,2})\s?(?:in\b|\"|″)", nums.feet_inches),
        ("measure", _MEASURE, nums.measure),
        ("number", rf"(?<![\w.,])(?P<low>{NUM})(?:\s?(?P<scale>bn|mn|tn|mln|bln)|(?P<letter>(?<=\.\d)[MB]|(?<=\.\d\d)[MB]))\b", nums.glued_scale),
        ("number", r"(?:(?<=\s)|^)[-−]?\.\d+(?![\w.,]|\.\d)", nums.number),
        ("measure", rf"\b(?P<low>{NUM})/(?P<unit>{UNIT})(?![\w²/])", nums.per_unit),
        ("special", r"(?<![\w/])(?:\d{3}|24/7|9/11|7/7)(?![\w/])", phones.special),
        ("fraction", r"(?:(?<![\w/.-])(?P<neg>[-−]))?(?<![\w/.])(?:(?P<whole>\d+)\s)?(?P<num>\d{1,6})/(?P<den>\d{1,6})(?:st|nd|rd|th|ST|ND|RD|TH)?(?![\w/]|\.\d)", nums.fraction),
        ("fraction", rf"(?<![\w.,])(?:\d+\s?)?{VULGAR}", nums.vulgar_fraction),
        ("range", rf"(?<![\w.,-])(?P<low>{MINUS}?(?:{NUM}))(?:\s?[-–—]\s?)(?P<high>{MINUS}?(?:{NUM}))(?![\w.,-]\d|\w)", nums.range_),
        ("range", r"(?<![\w.,/-])(?P<low>1[89]\d\d|20\d\d)/(?P<high>\d\d)(?![\w/-])", nums.range_),
        ("range", r"(?<![\w.,:])(?P<low>\d{1,3}):(?P<high>\d)(?![\w:]|[.,]\d)", nums.range_),  # "3:1", never a clock
        ("ordinal", r"\b(?P<a>\d{1,4})(?P<sa>st|nd|rd|th)\s?[-–]\s?(?P<b>\d{1,4})(?P<sb>st|nd|rd|th)\b", nums.ordinal_range),
        ("ordinal", r"\b(\d{1,3}(?:,\d{3})*|\d+)(st|nd|rd|th)\b", nums.ordinal),
        ("times", r"(?<![\w.,])(?:(?P<n>\d+(?:\.\d+)?)x\b|(?P<a>\d+(?:\.\d+)?)\s?[x×]\s?(?P<b>\d+(?:\.\d+)?)(?![\w.,]\d|\w))", nums.multiply),
        ("decade", r"(?:\b(?P<century>1[0-9]|20)|'|\b)(?P<decade>\d)0(?P<plural>['’]?s|(?=[-–]\d0['’]?s\b))(?:[-–](?:(?P<century2>1[0-9]|20)|')?(?P<decade2>\d)0['’]?s)?\b", nums.decade),
        ("model", r"(?<![\w.,])\d{3,4}(?![\w]|[.,]\d)", nums.model_number),
        ("year", r"(?<![\w.,$€£-])\d{4}(?![\w.,]\d|\w)|(?<=[a-z]-)\d{4}(?![\w.,]\d|\w)", dates.year),
        ("number", rf"(?:(?<=\s)|^|(?<=[(\[])){MINUS}?(?:{NUM})(?![\w]|[.,]\d)|(?<![\w.,])(?:{NUM})(?![\w]|[.,]\d)", nums.number),
        ("roman", r"(?<=\s)(?P<numeral>[IVX]{1,5})\b(?!['’]\w)", _roman),
        ("title", r"\b(?P<t1>Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cmdr|Adm|Brig|Sen|Rep|Gov|Pres|Rev|Hon|Fr|Supt|Insp|Det|Amb)\.?(?:\s(?P<t2>Col|Gen)\.?)?(?=\s+[A-Z])", _title_abbreviation),
        ("saint", r"\bSt\.?(?=\s|$)", _saint_or_street),
        ("abbreviation", r"(?<![\w.])(?P<abbr>vs|etc|ca?|ext|pp?|e\.g|i\.e|approx|Inc|Corp|Ltd|Co|Bros|Jr|Sr|Dept|Univ|est|Ave|Blvd|Rd|Hwy|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|Fig|Vol|No|govt|Govt|intl)(?P<dot>\.)?(?!\w)", _abbreviation),
        ("initialism", r"(?<![\w.])(?:[A-Za-z]\.){2,}(?![\w])", _dotted_initialism),
        ("capitals", r"(?<![\w'-])(?P<caps>[A-Z]{2,6})(?P<plural>s)?(?![\w'’]|-[a-z])", _capitals),
        ("symbol", r"(?<=\d) ?[*÷] ?(?=\d)", _arithmetic),  # "2*3": only between numbers ("*" alone marks a footnote)
        ("symbol", r"[&+=×±№~≈→<>≥≤≠]|(?<=[A-Za-z])/(?=[A-Za-z])", _symbol),
        ("dash", r"\s[—–-]\s|(?<=\w)—(?=\w)", _dash),
    ]
)
