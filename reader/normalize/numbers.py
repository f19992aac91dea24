"""Numbers as words, the way an American newsreader says them.

num2words gives the words; this module picks the reading (cardinal, year,
ordinal, digits) and the style: no "and" inside numbers ("two hundred ten"),
no hyphens, and a digit-by-digit reading where a number is too long to say.
"""

from __future__ import annotations

import re
import unicodedata

from num2words import num2words

MAX_CARDINAL_DIGITS = 15
"""Longer digit strings are read digit by digit (an ID, not a quantity)."""

_DIGITS = "zero one two three four five six seven eight nine".split()
_FRACTIONS = {2: ("half", "halves"), 4: ("quarter", "quarters")}


def _style(words: str) -> str:
    words = words.replace("-", " ").replace(",", "")
    return re.sub(r"\band\b\s*", "", words).strip() if " " in words else words


def digits(text: str) -> str:
    """'911' -> 'nine one one'."""
    return " ".join(_DIGITS[int(ch)] for ch in text if ch.isdigit())


def cardinal(text: str) -> str:
    """'2,500' -> 'two thousand five hundred'; '-3.75' -> 'minus three point seven five'."""
    grouped = ("," in text or " " in text) and len(text) <= 27  # written in thousands: a quantity, however long
    text = text.replace(",", "").replace(" ", "").replace("\u2212", "-")
    negative = text.startswith("-")
    text = text.lstrip("+-")
    whole, _, fraction = text.partition(".")
    if not whole:
        return ("minus " if negative else "") + "point " + digits(fraction)  # ".5" is "point five"
    if (len(whole) > MAX_CARDINAL_DIGITS and not grouped) or (len(whole) > 1 and whole.startswith("0")):
        spoken = digits(whole)
    else:
        spoken = _style(num2words(int(whole)))
    if fraction:
        spoken += " point " + digits(fraction)
    return ("minus " + spoken) if negative else spoken


def ordinal(number: int) -> str:
    """21 -> 'twenty first'."""
    return _style(num2words(number, to="ordinal"))


def year(number: int) -> str:
    """1990 -> 'nineteen ninety', 2001 -> 'two thousand one', 2023 -> 'twenty twenty three'."""
    if 2000 <= number <= 2009:
        return cardinal(str(number))
    if number % 100 == 0 and number % 1000 != 0:
        return cardinal(str(number // 100)) + " hundred"
    return _style(num2words(number, to="year")).replace("oh ", "oh ")


def short_year(yy: str) -> str:
    """A year written without its century, as said: '08' -> 'oh eight', '15' -> 'fifteen', '00' -> 'oh oh'."""
    if yy[0] != "0":
        return cardinal(yy)
    return "oh " + ("oh" if yy == "00" else _DIGITS[int(yy[1])])


def decade(century: str, decade_digit: str) -> str:
    """('19', '9') -> 'nineteen nineties'; ('20', '0') -> 'two thousands'."""
    tens = int(decade_digit) * 10
    if century == "20" and tens == 0:
        return "two thousands"
    plural = plural_of(cardinal(str(tens))) if tens else "hundreds"
    return f"{cardinal(century)} {plural}" if century else plural


def plural_of(words: str) -> str:
    """'ninety' -> 'nineties', 'six' -> 'sixes'."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith(("x", "s")):
        return words + "es"
    return words + "s"


def fraction(numerator: int, denominator: int, singular: bool = False) -> str:
    """(3, 4) -> 'three quarters', (2, 3) -> 'two thirds', (1, 2) -> 'one half'.

    ``singular`` for a fraction inside a compound modifier: "a 3/4-inch pipe" is a "three quarter inch" pipe.
    """
    one = numerator == 1 or singular
    if denominator in _FRACTIONS:
        name = _FRACTIONS[denominator][0 if one else 1]
    else:
        name = re.sub(r"^one (?=hundredth|thousandth|millionth)", "", ordinal(denominator))  # "three hundredths"
        name = name if one else plural_of(name)
    return f"{cardinal(str(numerator))} {name}"


def pairs(text: str) -> str:
    """A model or route number read in pairs: '737' -> 'seven thirty seven', '101' -> 'one oh one'."""
    if len(text) == 4:
        return year(int(text))
    head, tail = text[:-2], text[-2:]
    if tail == "00":
        return f"{cardinal(head)} hundred"
    return f"{cardinal(head)} {'oh ' + _DIGITS[int(tail[1])] if tail[0] == '0' else cardinal(tail)}"


def vulgar(symbol: str) -> tuple[int, int]:
    """'¾' -> (3, 4), from the character's Unicode decomposition ('<fraction> 0033 2044 0034')."""
    parts = unicodedata.decomposition(symbol).split()
    slash = parts.index("2044")
    numerator = "".join(chr(int(p, 16)) for p in parts[1:slash])
    denominator = "".join(chr(int(p, 16)) for p in parts[slash + 1 :])
    return int(numerator), int(denominator)


def mixed(whole: str | None, numerator: int, denominator: int, singular: bool = False) -> str:
    """'4', 1, 2 -> 'four and a half'; None, 3, 4 -> 'three quarters'."""
    spoken = fraction(numerator, denominator, singular)
    if not whole:
        return spoken
    if numerator == 1:
        spoken = "a " + spoken.split(" ", 1)[1]
    return f"{cardinal(whole)} and {spoken}"


def is_one(text: str) -> bool:
    return text.replace(",", "").replace(" ", "").lstrip("+") in ("1", "1.0", "1.00")
