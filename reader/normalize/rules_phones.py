"""Telephone numbers and numbers said their own way (911, 24/7), for the English normalizer's rules.

A phone number is read digit by digit in its written groups, with a pause
between groups; toll-free prefixes are said as numbers ("one, eight
hundred"). Which shapes count as phones is decided by the patterns in
``rules.py``; these functions only say them, and decline (None) where the
words around say it is something else (a range, a quantity).
"""

from __future__ import annotations

import re

from . import numbers as num


def phone(match: re.Match[str], text: str) -> str | None:
    written = match.group(0)
    groups = re.findall(r"\d+", written)
    if sum(map(len, groups)) < 7:
        return None
    prefix = "plus " if written.lstrip().startswith("+") else ""
    # a toll-free or premium prefix is said as a number: "one, eight hundred, ..."
    toll_free = [i for i, g in enumerate(groups[:2]) if g in ("800", "900") and groups[:i] in ([], ["1"])]
    said = [num.cardinal(g) if i in toll_free else num.digits(g) for i, g in enumerate(groups)]
    return prefix + ", ".join(said)


_RANGE_WORDS_BEFORE = re.compile(r"\b(?:from|between|pages?|pp\.?|ages?|years?|nos?\.?|numbers?|items?|lines?|rows?|verses?)\s$", re.IGNORECASE)


def local_phone(match: re.Match[str], text: str) -> str | None:
    """'555-1234' -> 'five five five, one two three four': a local number, unless the words say range."""
    low, high = match.group(0).split("-")
    if (low.endswith("0") and high.endswith("0")) or _RANGE_WORDS_BEFORE.search(text[max(0, match.start() - 10) : match.start()]):
        return None  # "200-1000", "pages 312-1317": a range
    return f"{num.digits(low)}, {num.digits(high)}"


def vanity_phone(match: re.Match[str], text: str) -> str | None:
    """'1-800-GO-U-HAUL' -> 'one, eight hundred, GO U HAUL': the digits as a phone, the letters as words."""
    parts = [p for p in re.split(r"[\s.-]+", match.group(0)) if p]
    if not any(p.isalpha() for p in parts):
        return None
    said, words = [], []
    for index, part in enumerate(parts):
        if part.isalpha():
            words.append(part)
            continue
        if words:
            said.append(" ".join(words))
            words = []
        toll_free = index == 1 and part in ("800", "900")
        said.append(num.cardinal(part) if toll_free else num.digits(part))
    if words:
        said.append(" ".join(words))
    return ", ".join(said)


_EMERGENCY_BEFORE = re.compile(r"\b(?:call|calls|called|calling|dial|dialed|dialled|dialing|ring|phone|text|number|hotline|line)\s$", re.IGNORECASE)


def special(match: re.Match[str], text: str) -> str | None:
    """Numbers said their own way: 24/7, 9/11, 911, and a short number one calls ("dial 112")."""
    written = match.group(0)
    fixed = {"911": "nine one one", "24/7": "twenty four seven", "9/11": "nine eleven", "7/7": "seven seven"}
    if written in fixed:
        return fixed[written]
    if _EMERGENCY_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return num.digits(written)
    return None


def serial(match: re.Match[str], text: str) -> str | None:
    """'978-3-16-148410-0' -> 'nine seven eight, three, one six, ...': an identifier, not a sum or a range."""
    groups = match.group(0).split("-")
    if all(len(g) == 4 and "1000" <= g <= "2199" for g in groups):
        return None  # "2019-2020-2021": years, for the other rules
    return ", ".join(num.digits(group) for group in match.group(0).split("-"))


_COMPASS = {"N": "north", "S": "south", "E": "east", "W": "west"}


def coordinate(match: re.Match[str], text: str) -> str:
    """'51°30′N' -> 'fifty one degrees thirty minutes north'."""
    said = [f"{num.cardinal(match.group('deg'))} degree{'' if match.group('deg') == '1' else 's'}"]
    for part, unit in (("min", "minute"), ("sec", "second")):
        if match.group(part):
            value = match.group(part).lstrip("0") or "0"  # "00′" is zero minutes
            said.append(f"{num.cardinal(value)} {unit}{'' if value == '1' else 's'}")
    return f"{' '.join(said)} {_COMPASS[match.group('dir')]}"
