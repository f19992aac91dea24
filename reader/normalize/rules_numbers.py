"""Numbers with a meaning: money, measures, percentages, ranges, fractions, phones, codes.

Every pattern here ends at a word boundary: a rewrite never takes part of
the next word ("$2 billionaire" keeps "billionaire").
"""

from __future__ import annotations

import re

from . import numbers as num
from .words import (
    ACRONYMS,
    CASE_SENSITIVE_UNITS,
    CASED_UNITS,
    CURRENCIES,
    MONTHS,
    NOT_NOUNS,
    SCALES,
    UNITS,
)

# Thousands grouped by commas, or by spaces as in Europe and SI style ("10 000", "1 234 567"): spaces only
# when every group after a 1-3 digit lead has exactly three digits and no digit follows ("10 0000", "5 200 3").
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?: \d{3})+(?!\d| \d)(?:\.\d+)?|\d+(?:\.\d+)?"
MINUS = r"[-−]"
VULGAR = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅐⅑⅒]"
AMOUNT = rf"(?:{NUM})(?:\s?{VULGAR}|\s\d{{1,2}}/\d{{1,2}}(?![\d/]))?|{VULGAR}"
DASH = r"\s?[-–—]\s?|\s(?:to)\s"
PER = r"/(?:(?:yr|hr|mo|wk|year|month|week|day|night|hour|person|head|share|barrel|kg|lb|oz)(?![a-z])|[a-z]{1,3}(?=[\s.,;:!?)]|$))"
CUR_SYMBOL = r"(?:US|A|C|HK|NZ|S|R)\$|[$€£₴¥₽₹₩₺₪₦₱฿₫₸₾]|zł|\bRs\.?(?=\s?\d)"
CUR_CODE = (
    r"USD|EUR|GBP|UAH|JPY|RUB|INR|CHF|CAD|AUD|KRW|TRY|ILS|BRL|SEK|NOK|DKK|PLN|NGN|PHP|THB|VND|KZT|GEL|CNY|RMB"
    r"|MXN|ZAR|HKD|SGD|NZD|CZK|HUF|kr|Fr\."
)
SCALE = r"(?:thousand|million|billion|trillion|bn|mn|tn|crores?|lakhs?)\b|[kKmMbB](?![\w/])"
_CASED_UNITS = ["°C", "°F", "kWh", "GB", "MB", "TB", "kHz", "MHz", "GHz", "kW", "MW", "GW", "Hz", "Mbps", "Gbps", "mAh"]


def _unit_alternation() -> str:
    """Every unit as written in the table, plus its capitals where capitals can mean nothing else ("12KG")."""
    units = {*UNITS, *_CASED_UNITS, *CASED_UNITS}
    units |= {u.upper() for u in UNITS if u not in CASE_SENSITIVE_UNITS and u.isascii()}
    units |= {u.capitalize() for u in UNITS if u not in CASE_SENSITIVE_UNITS and u.isascii()}
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


UNIT = _unit_alternation()


def amount(text: str) -> str:
    """'4 1/2' -> 'four and a half', '4½' -> 'four and a half', '¾' -> 'three quarters', '2.5' -> 'two point five'."""
    text = text.strip()
    if re.fullmatch(VULGAR, text[-1]):
        whole = text[:-1].strip()
        return num.mixed(whole or None, *num.vulgar(text[-1]))
    mixed = re.fullmatch(r"(\d+)\s(\d{1,2})/(\d{1,2})", text)
    if mixed and int(mixed.group(3)) > 1:
        return num.mixed(mixed.group(1), int(mixed.group(2)), int(mixed.group(3)))
    return num.cardinal(text)


def next_is_noun(text: str, end: int) -> bool:
    """A number and its unit modify the word after them: "a $5 million contract", "4 TB disks"."""
    after = re.match(r"\s+([a-z][a-z]*)(?![\w'’-])", text[end : end + 40])
    if not after:
        return False
    word = after.group(1)
    return word not in NOT_NOUNS and not word.endswith(("ly", "ed")) and not _DIRECTION.fullmatch(word)


_DIRECTION = re.compile(
    r"(?:north|south|east|west)\w*|inland|offshore|further|farther|short|closer|apart|behind|ahead|across|along|"
    r"beyond|downstream|upstream|underground|uphill|downhill|deeper|higher|lower|wide|thick|tall|deep|high|long"
)


def pence(match: re.Match[str], text: str) -> str:
    """'50p' -> 'fifty pence', '1p' -> 'one penny'."""
    n = match.group("n")
    return f"{num.cardinal(n)} {'penny' if n == '1' else 'pence'}"


def _amount_words(amount_text: str, scale: str | None) -> str:
    words = num.cardinal(amount_text)
    return f"{words} {SCALES[scale.lower()]}" if scale else words


def _one_sum(low: str, scale: str | None, names: tuple[str, str, str, str], modifier: bool) -> str:
    """'4.99' -> 'four dollars and ninety nine cents'; with a scale, '1.5 billion dollars'."""
    one, many, cent_one, cents = names
    if scale:
        return f"{_amount_words(low, scale)} {one if modifier else many}"
    whole, _, fraction = low.replace(",", "").replace(" ", "").partition(".")
    fraction = fraction[:2] + fraction[2:].rstrip("0")  # "$20.010" is twenty dollars one cent
    if len(fraction) == 1:
        fraction += "0"  # "$20.5" is twenty dollars fifty
    if len(fraction) not in (0, 2):
        return f"{num.cardinal(low or '0')} {many}"
    cents_value = int(fraction or 0)
    if whole in ("", "0") and cents_value:
        return f"{num.cardinal(str(cents_value))} {cent_one if cents_value == 1 else cents}"
    unit = one if whole == "1" or (modifier and not cents_value) else many
    spoken = f"{num.cardinal(whole or '0')} {unit}"
    if cents_value:
        spoken += f" {num.cardinal(str(cents_value))} {cent_one if cents_value == 1 else cents}"
    return spoken


def money(match: re.Match[str], text: str) -> str | None:
    currency = (match.group("cur") or match.group("code") or match.group("code2") or "").lower()
    names = CURRENCIES.get(currency)
    if names is None:
        return None
    low, high, scale = match.group("low"), match.group("high"), match.group("scale")
    per = _per(match.group("per"))
    modifier = not high and not per and next_is_noun(text, match.end())
    if not high:
        return ("minus " if match.group("neg") else "") + _one_sum(low, scale, names, modifier) + per
    if "." in low + high and not scale:
        return f"{_one_sum(low, None, names, False)} to {_one_sum(high, None, names, False)}{per}"
    return f"{_amount_words(low, None)} to {_amount_words(high, scale)} {names[1]}{per}"


_PER = {"yr": "year", "hr": "hour", "mo": "month", "wk": "week", "h": "hour", "d": "day"}


def _per(written: str | None) -> str:
    """'/yr' -> ' per year', '/kg' -> ' per kilogram'."""
    if not written:
        return ""
    word = written[1:]
    unit = UNITS.get(word) or UNITS.get(word.lower())
    return f" per {unit[0] if unit else _PER.get(word.lower(), word)}"


def percent(match: re.Match[str], text: str) -> str:
    low, high = match.group("low"), match.group("high")
    if high:
        return f"{num.cardinal(low)} {to(match, text)} {num.cardinal(high)} percent"
    return f"{num.cardinal(low)} percent"


def _unit(written: str) -> tuple[str, str] | None:
    return UNITS.get(written) or CASED_UNITS.get(written) or UNITS.get(written.lower())


_TEMPERATURE_BEFORE = re.compile(r"\b(?:temperatures?|highs?|lows?|heat|cold|warm|hot|degrees|thermometer|mercury)\b", re.IGNORECASE)


_MILLIONS_BEFORE = re.compile(r"\d\s?(?:million|mn)\b|[$€£]\s?\d[\d.,]*\s?m\b", re.IGNORECASE)
_METERS_AFTER = re.compile(r"\s(?:away|above|below|from|off|under|over|of|in (?:length|height|width|depth|diameter))\b")


def _counts_millions(match: re.Match[str], text: str) -> bool:
    """'2.3 million came, up from 1.9m': a glued "m" is a million where the sentence counts in millions,
    unless a dimension follows ("a 300m-high tower", "300m high", "3m away")."""
    after = re.match(r"\s(\w+)", text[match.end() : match.end() + 30])
    if match.group("hyphen") or (after and _DIRECTION.fullmatch(after.group(1))) or _METERS_AFTER.match(text, match.end()):
        return False
    return match.group("unit") == "m" and not match.group("high") and bool(_MILLIONS_BEFORE.search(text, 0, match.start()))


def measure(match: re.Match[str], text: str) -> str | None:
    unit = _unit(match.group("unit"))
    if unit is None:
        return None
    if _counts_millions(match, text):
        return f"{amount(match.group('low'))} million"
    # "30C" is a temperature; "5 C" only where the sentence speaks of one ("grade 5 C" is not)
    spaced_letter = match.group("unit") in ("C", "F") and text[match.start("unit") - 1].isspace()
    if spaced_letter and not _TEMPERATURE_BEFORE.search(text[max(0, match.start() - 60) : match.start()]):
        return None
    per = _unit(match.group("per") or "") or _PER_TIME.get(match.group("per") or "")
    if per:
        unit = (f"{unit[0]} per {per[0]}", f"{unit[1]} per {per[0]}")
    low, high = match.group("low"), match.group("high")
    if match.group("hyphen") or next_is_noun(text, match.end()):
        said = unit[0]  # in modifier position the unit is singular: "a four terabyte disk"
    else:
        said = unit[0] if num.is_one(low) and not high else unit[1]
    by = f"{num.cardinal(match.group('by'))} by " if match.group("by") else ""  # "4x100m", "3 x 4 m"
    if high:
        return f"{by}{amount(low)} {to(match, text)} {amount(high)} {said}"
    return f"{by}{amount(low)} {said}"


def feet_inches(match: re.Match[str], text: str) -> str:
    """5 ft 6 in -> 'five feet six inches'."""
    feet, inches = match.group("feet"), match.group("inches")
    return f"{num.cardinal(feet)} {'foot' if feet == '1' else 'feet'} {num.cardinal(inches)} {'inch' if inches == '1' else 'inches'}"


_PER_TIME = {"hr": ("hour", "hours"), "h": ("hour", "hours"), "s": ("second", "seconds"), "sec": ("second", "seconds")}


def per_unit(match: re.Match[str], text: str) -> str | None:
    """'12/kg' -> 'twelve per kilogram'."""
    unit = _unit(match.group("unit"))
    return f"{num.cardinal(match.group('low'))} per {unit[0]}" if unit else None


_BETWEEN = re.compile(r"\bbetween\s$", re.IGNORECASE)


def to(match: re.Match[str], text: str) -> str:
    """The word a range is read with: "to", but "between 10-20" is "between ten and twenty"."""
    return "and" if _BETWEEN.search(text[max(0, match.start() - 8) : match.start()]) else "to"


def range_(match: re.Match[str], text: str) -> str | None:
    low, high = match.group("low"), match.group("high")
    if _looks_like_year(low) and _looks_like_year(high):
        return f"{num.year(int(low))} {to(match, text)} {num.year(int(high))}"
    if len(high) == 2 and _looks_like_year(low):  # "2014-15": said as written
        if low[2:] < high:
            return f"{num.year(int(low))} to {num.short_year(high)}"
        if low[2:] == "99" and high == "00":  # "1999-00": across the century, said in full
            return f"{num.year(int(low))} to {num.year(int(low) + 1)}"
        if "01" <= high <= "12":  # "2012-07": a year and its month, as ISO writes it
            return f"{MONTHS[int(high) - 1]} {num.year(int(low))}"
    if len(low) == 2 and "01" <= low <= "09" and _looks_like_year(high):  # "07-2012": a zero-padded month
        return f"{MONTHS[int(low) - 1]} {num.year(int(high))}"
    if len(low) == 3 and high.endswith("00") and _NAME_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
        return f"{num.pairs(low)} {num.cardinal(high)}"  # "Boeing 747-400": a model and its series
    if re.match(r"\s?=", text[match.end() :]):  # "5-3=2": a sum, not a range
        return f"{num.cardinal(low)} minus {num.cardinal(high)}"
    return f"{num.cardinal(low)} {to(match, text)} {num.cardinal(high)}"


def ordinal_range(match: re.Match[str], text: str) -> str | None:
    """'1st-3rd' -> 'first to third'."""
    first, second = ordinal_match(match.group("a"), match.group("sa")), ordinal_match(match.group("b"), match.group("sb"))
    return f"{first} {to(match, text)} {second}"


def multiply(match: re.Match[str], text: str) -> str:
    """'2x8' -> 'two by eight' (sizes, '4x100m' relays); '4.4x' -> 'four point four times' (a multiple)."""
    if match.group("n"):
        return f"{num.cardinal(match.group('n'))} times"
    return f"{num.cardinal(match.group('a'))} by {num.cardinal(match.group('b'))}"


def _looks_like_year(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1000 <= int(value) <= 2199


def ordinal(match: re.Match[str], text: str) -> str:
    """'21st' -> 'twenty first'; a suffix that does not fit the number ('21th') is read as written."""
    return ordinal_match(match.group(1), match.group(2))


def ordinal_match(written: str, suffix: str) -> str:
    value = int(written.replace(",", ""))
    if suffix.lower() != _ordinal_suffix(value):
        return f"{num.cardinal(str(value))} {suffix.lower()}"
    return num.ordinal(value)


def _ordinal_suffix(value: int) -> str:
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def decade(match: re.Match[str], text: str) -> str:
    """'1970s' -> 'nineteen seventies'; '1960s-80s' -> 'nineteen sixties to eighties'; '1960-70s' as written."""
    century, tens = match.group("century") or "", match.group("decade")
    if match.group("plural"):
        spoken = num.decade(century, tens)
    else:  # "1960-70s": a year, then a decade
        spoken = num.year(int(century + tens + "0")) if century else num.cardinal(tens + "0")
    if match.group("decade2"):
        spoken += " to " + num.decade(match.group("century2") or "", match.group("decade2"))
    return spoken


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def power(match: re.Match[str], text: str) -> str:
    """'3²' -> 'three squared', '10^6' -> 'ten to the power of six'."""
    base = num.cardinal(match.group("base"))
    exponent = match.group("exp") or match.group("sup").translate(_SUPERSCRIPTS)
    if exponent in ("2", "3"):
        return f"{base} {'squared' if exponent == '2' else 'cubed'}"
    return f"{base} to the power of {num.cardinal(exponent)}"


_ON_DATE_BEFORE = re.compile(r"\b(?:on|(?:Mon|Tues?|Wed|Wednes|Thu|Thurs?|Fri|Sat|Satur|Sun)(?:day|\.)?,?)\s$", re.IGNORECASE)


_SEASON_AFTER = re.compile(r"\s(?:season|campaign|term|school year|academic year|financial year|fiscal year|tax year|budget|winter|harvest)\b", re.IGNORECASE)


def _is_short_season(match: re.Match[str], text: str) -> bool:
    """'21/22' before 'season': two consecutive two-digit years, not twenty-one twenty-seconds."""
    a, b = match.group("num"), match.group("den")
    return len(a) == len(b) == 2 and (int(a) + 1) % 100 == int(b) and bool(_SEASON_AFTER.match(text, match.end()))


def fraction(match: re.Match[str], text: str) -> str | None:
    """'3/4' -> 'three quarters', '22/3' -> 'twenty two thirds', '50/50' -> 'fifty fifty', 'on 3/15' -> a date."""
    written_num, written_den = match.group("num"), match.group("den")
    numerator, denominator = int(written_num), int(written_den)
    if denominator < 2 or (len(written_num) == 4 and len(written_den) == 2) or written_den.startswith("0"):
        return None  # "2024/25" is a season, left to the range rule
    before = text[max(0, match.start() - 12) : match.start()]
    # "08/2019": a zero-padded month and a year, as on a card; "1/2000" stays a fraction
    if not match.group("whole") and re.fullmatch(r"0[1-9]", written_num) and re.fullmatch(r"19[5-9]\d|20\d\d", written_den):
        return f"{MONTHS[numerator - 1]} {num.year(denominator)}"
    if not match.group("whole") and _ON_DATE_BEFORE.search(before) and 1 <= numerator <= 12 and denominator <= 31:
        return f"{MONTHS[numerator - 1]} {num.ordinal(denominator)}"  # "on 3/15": a US month and day
    if numerator == denominator:
        return f"{num.cardinal(written_num)} {num.cardinal(written_den)}"  # "50/50", "20/20 vision"
    if _is_short_season(match, text):
        return f"{num.short_year(written_num)} {num.short_year(written_den)}"  # "the 21/22 season"
    # "a 1/4-mile track": a compound modifier, "a quarter-mile"; "a 1/2 cup": "a half cup".
    compound = text.startswith("-", match.end()) and text[match.end() + 1 : match.end() + 2].isalpha()
    spoken = num.mixed(match.group("whole"), numerator, denominator, singular=compound)
    if numerator == 1 and not match.group("whole") and re.search(r"\ban?\s$", before, re.IGNORECASE):
        spoken = spoken.split(" ", 1)[1]
    return "minus " + spoken if match.group("neg") else spoken


def vulgar_fraction(match: re.Match[str], text: str) -> str:
    """'2½' -> 'two and a half'; 'a ¼-mile walk' -> 'a quarter-mile walk', as with '1/4'."""
    written = match.group(0)
    numerator, denominator = num.vulgar(written[-1])
    if len(written) > 1:
        return amount(written)
    compound = text.startswith("-", match.end()) and text[match.end() + 1 : match.end() + 2].isalpha()
    spoken = num.fraction(numerator, denominator, singular=compound)
    if numerator == 1 and re.search(r"\ban?\s$", text[max(0, match.start() - 4) : match.start()], re.IGNORECASE):
        spoken = spoken.split(" ", 1)[1]
    return spoken


def glued_scale(match: re.Match[str], text: str) -> str:
    """'2.5bn', '2.5 bn', '1.5B' -> 'two point five billion' (a lone letter only after a decimal: "5K" is a race)."""
    scale = (match.group("scale") or match.group("letter")).lower()
    return f"{num.cardinal(match.group('low'))} {SCALES[scale]}"


def dotted_digits(match: re.Match[str], text: str) -> str:
    """An IP address or a four-part version, '192.168.0.1' -> 'one nine two dot one six eight dot zero dot one'."""
    return " dot ".join(num.digits(group) for group in match.group(0).split("."))


def hash_number(match: re.Match[str], text: str) -> str:
    """'#1' -> 'number one'."""
    return "number " + num.cardinal(match.group("n"))


def number(match: re.Match[str], text: str) -> str:
    return num.cardinal(match.group(0))


def code(match: re.Match[str], text: str) -> str:
    """COVID-19, F-16, G7, MH17, A320, FY2025: the name, then the number (three or four digits in pairs)."""
    letters, digits = match.group("letters"), match.group("digits")
    name = letters.capitalize() if letters in ACRONYMS else " ".join(letters)
    if digits.startswith("0"):
        number_words = num.digits(digits)
    elif len(digits) >= 3:
        number_words = num.pairs(digits)
    else:
        number_words = num.cardinal(digits)
    return f"{name} {number_words}"


_NAME_BEFORE = re.compile(r"(?<=[\w,;:] )[A-Z][A-Za-z]+\s$")


_STREET_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]+\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Expy|Hwy|Highway)\b"
)


def model_number(match: re.Match[str], text: str) -> str | None:
    """Three digits right after a name ("Boeing 737", "Flight 370", "Room 101"), or a house number
    before a street ("1428 Elm St."): said in pairs, as people say them."""
    written = match.group(0)
    if _STREET_AFTER.match(text, match.end()) and len(written) in (3, 4) and not written.startswith("0"):
        return num.pairs(written)
    before = text[max(0, match.start() - 30) : match.start()]
    if len(written) != 3 or not _NAME_BEFORE.search(before):
        return None
    return num.pairs(written)
