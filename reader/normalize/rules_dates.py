"""Dates and clock times: how each is written, and how a newsreader says it.

A number with a period ("9.30") is a clock time only where the sentence says
so (am/pm, a time zone, "at 9.30"); anywhere else it is a decimal, left to
the number rules.
"""

from __future__ import annotations

import re

from . import numbers as num
from .words import MONTH_NUMBER, MONTHS, TIME_ZONES

MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_ZONES = "|".join(sorted(TIME_ZONES))
_AMPM = r"[AaPp]\.?\s?[Mm]\b\.?"


def clock(n: str) -> str:
    """A clock time's pattern, its groups suffixed with ``n`` so that two can share one rule."""
    return (
        rf"(?P<hour{n}>\d{{1,2}})(?:(?P<sep{n}>[:.])(?P<minute{n}>\d{{2}})(?::(?P<second{n}>\d{{2}}))?)?"
        rf"(?!\d|\.\d)(?:\s?(?P<ampm{n}>{_AMPM}))?"
    )


# A period-separated time needs one of these before it ("at 9.30") or after it ("9.30 GMT").
_TIME_BEFORE = re.compile(r"\b(?:at|until|till|before|after|around)\s$", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"\s?(?:{_ZONES}|o'clock|local\b|hours\b|hrs\b|this\s+(?:morning|evening)|tonight)", re.IGNORECASE)
_NOT_TIME_AFTER = re.compile(
    r"\s?(?:%|percent|per\b|points?\b|thousand|million|billion|trillion|[a-z]*(?:meter|metre|gram|second|minute)"
    r"|(?:dollar|euro|pound|cent|yen|yuan|franc|pence|rupee|ruble|rouble)s?\b|(?:a|an|per)\s(?:share|ounce|barrel|gallon|litre|liter)\b)",
    re.IGNORECASE,
)
# A price is "at" a number too: "Shares closed at 1.25", "the euro traded at 1.08" are decimals, not times.
# Verbs only prices do are enough; "closed", "opened", "ended" need a market word before them ("the museum
# opened at 9.30" is a time).
_PRICE_VERB = (
    r"trade[ds]?|trading|rose|risen|fell|fallen|settled|dropped|climbed|jumped|slipped|slid|gained|priced|valued|"
    r"peaked|bottomed|sank|surged|eased|edged|tumbled|plunged|rallied|hovered|quoted"
)
_PRICE_BEFORE = re.compile(
    rf"\b(?:{_PRICE_VERB})(?:\s(?:up|down|higher|lower|flat|back))?\s+at\s$|[$€£¥]\s?\d[\d,.]*\s(?:\w+\s){{0,6}}at\s$",
    re.IGNORECASE,
)
_MARKET_BEFORE = re.compile(
    r"\b(?:shares?|stocks?|index|indices|yields?|bonds?|futures|prices?|rates?|dollar|euro|pound|sterling|yen|yuan|"
    r"franc|rupee|ruble|bitcoin|gold|silver|oil|crude|brent|Dow|Nasdaq|S&P|FTSE|DAX|Nikkei|market)\b"
    r"(?:\s[\w.,$-]+){0,4}\s(?:close[ds]?|closing|open(?:ed|s|ing)?|end(?:ed|s|ing)?|finish(?:ed|es|ing)?|st(?:oo|an)d|started)(?:\s(?:the\s\w+|up|down|higher|lower|flat))?\s+at\s$",
    re.IGNORECASE,
)


def _named_date(match: re.Match[str], text: str, day_first: bool) -> str | None:
    """"March 7, 2023" -> "March seventh, ..."; "7 March 2023" -> "the seventh of March, ..."."""
    month = MONTH_NUMBER.get(match.group("month").lower().rstrip("."))
    day = int(match.group("day"))
    last = match.group("day2")
    if month is None or not 1 <= day <= 31 or (last and not day < int(last) <= 31):
        return None
    name, nth = MONTHS[month - 1], num.ordinal(day)
    if last:
        nth = f"{nth} to {num.ordinal(int(last))}"
    article = "" if re.search(r"\bthe\s$", text[max(0, match.start() - 5) : match.start()], re.IGNORECASE) else "the "
    spoken = f"{article}{nth} of {name}" if day_first else f"{name} {nth}"
    year = (match.group("year") or "").lstrip("'’")
    if len(year) == 2:  # "25-Jul-12", "July 25 '12": a two-digit year, as forms and headlines write it
        spoken += f", {num.year(_full_year(int(year)))}"
    elif year:
        spoken += f", {num.year(int(year))}"
    return spoken


def _full_year(yy: int) -> int:
    """A two-digit year in a date: 2000s up to '40, 1900s after, as US forms mean it."""
    return yy + (2000 if yy <= 40 else 1900)


def date_mdy(match: re.Match[str], text: str) -> str | None:
    return _named_date(match, text, day_first=False)


def date_dmy(match: re.Match[str], text: str) -> str | None:
    return _named_date(match, text, day_first=True)


def date_numeric(match: re.Match[str], text: str) -> str | None:
    """ISO (2023-03-07, 2016/07/03), US slashes (03/07/2023), European dots (15.01.2020)."""
    if match.group("iso"):
        year, month, day = (int(g) for g in re.split(r"[-/.]", match.group("iso")))
        day_first = False
    elif match.group("dotted"):
        day, month, year = (int(g) for g in match.group("dotted").split("."))
        day_first = True
    else:
        first, second, year = (int(g) for g in re.split(r"[-/]", match.group("slashed")))
        year = year if year >= 100 else _full_year(year)  # "1/5/24"
        month, day = (first, second) if first <= 12 else (second, first)  # US order unless impossible
        day_first = False
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    if day_first:
        return f"the {num.ordinal(day)} of {MONTHS[month - 1]}, {num.year(year)}"
    return f"{MONTHS[month - 1]} {num.ordinal(day)}, {num.year(year)}"


def _is_price(text: str, start: int) -> bool:
    before = text[max(0, start - 80) : start]
    return bool(_PRICE_BEFORE.search(before) or _MARKET_BEFORE.search(before))


def era_year(match: re.Match[str], text: str) -> str:
    """"753 BC" -> "seven fifty three B C", "AD 79" -> "A D seventy nine": a year, whatever its length."""
    era = " ".join(re.sub(r"[^A-Z]", "", match.group("era") or match.group("era2")))
    if match.group("era"):
        return f"{era} {num.year(int(match.group('year')))}"
    return f"{num.year(int(match.group('year2')))} {era}"


def short_year(match: re.Match[str], text: str) -> str | None:
    """"in '08" -> "in oh eight", "class of '99" -> "class of ninety nine": a year with its century left out.

    Only where the words before say year: elsewhere the apostrophe may open a quotation ("'12 points'").
    """
    before = text[max(0, match.start() - 12) : match.start()]
    if not (_YEAR_CONTEXT.search(before) or re.search(r"\bthe\s$", before, re.IGNORECASE)):
        return None
    yy = match.group("yy")
    return num.short_year(yy)


def _is_clock(match: re.Match[str], text: str, n: str) -> bool:
    """A written number is a time when it has a colon, am/pm, or, with a period, a time word nearby."""
    sep, ampm = match.group(f"sep{n}"), match.group(f"ampm{n}")
    if ampm or sep == ":":
        return True
    if sep != ".":
        return False
    after = text[match.end() : match.end() + 40]  # windows, not slices to the end: linear time
    if _NOT_TIME_AFTER.match(after) or _is_price(text, match.start()):
        return False
    return bool(_TIME_BEFORE.search(text[max(0, match.start() - 10) : match.start()]) or _TIME_AFTER.match(after))


def _say_clock(match: re.Match[str], n: str) -> str | None:
    hour, minute = int(match.group(f"hour{n}")), int(match.group(f"minute{n}") or 0)
    meridiem = match.group(f"ampm{n}")
    if minute > 59 or hour > (12 if meridiem else 24):
        return None
    second = int(match.group(f"second{n}") or 0)
    if second > 59:
        return None
    if match.group(f"second{n}") and not meridiem:
        return _duration(hour, minute, second)
    hour_words = num.cardinal(str(hour))
    if not match.group(f"sep{n}") and not meridiem:
        return hour_words  # "3-4 pm": the first hour borrows the second's meridiem
    if minute == 0:
        spoken = hour_words if meridiem else f"{hour_words} o'clock" if hour <= 12 else f"{hour_words} hundred"
    elif minute < 10:
        spoken = f"{hour_words} oh {num.cardinal(str(minute))}"
    else:
        spoken = f"{hour_words} {num.cardinal(str(minute))}"
    if second:
        spoken += f" and {num.cardinal(str(second))} second{'s' if second > 1 else ''}"
    if meridiem:
        spoken += " A M" if meridiem[0].lower() == "a" else " P M"
    return spoken


def time(match: re.Match[str], text: str) -> str | None:
    if not _is_clock(match, text, "1"):
        return None
    return _say_clock(match, "1")


def time_range(match: re.Match[str], text: str) -> str | None:
    """"9am-5pm", "10:00-11:30": both ends are times, read with "to"."""
    if not (match.group("ampm2") or match.group("sep2") == ":" or _is_clock(match, text, "1")):
        return None
    first, second = _say_clock(match, "1"), _say_clock(match, "2")
    return f"{first} to {second}" if first and second else None


def military_time(match: re.Match[str], text: str) -> str | None:
    """"1830 GMT" -> "eighteen thirty"; "0600 hours" -> "oh six hundred"."""
    hours, minutes = match.group("hh"), match.group("mm")
    spoken = ("oh " if hours.startswith("0") else "") + num.cardinal(str(int(hours)))
    if minutes == "00":
        return f"{spoken} hundred"
    return f"{spoken} {'oh ' if minutes.startswith('0') else ''}{num.cardinal(str(int(minutes)))}"


def month_year(match: re.Match[str], text: str) -> str | None:
    """'jan 2020' -> 'January twenty twenty'."""
    month = MONTH_NUMBER.get(match.group("month").lower().rstrip("."))
    year = int(match.group("year"))
    return f"{MONTHS[month - 1]} {num.year(year)}" if month and 1000 <= year <= 2999 else None


def zoned_time(match: re.Match[str], text: str) -> str | None:
    """'1:59 p.m. est' -> 'one fifty nine P M E S T': a zone after a time is letters, whatever its case."""
    spoken = time(match, text)
    zone = re.sub(r"[^A-Za-z]", "", match.group("zone")).upper()
    return f"{spoken} {' '.join(zone)}" if spoken else None


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|its|their|his|her|our|this|that|last|next|each|every|per)\s$", re.IGNORECASE)


_NOUN_AFTER = re.compile(  # what a quarter modifies: "Q4 revenue" is "fourth quarter revenue", no "the"
    r"\s(?:revenues?|results?|earnings|sales|profits?|loss(?:es)?|growth|GDP|output|deliveries|shipments|figures|"
    r"numbers|reports?|guidance|margins?|income|performance|update|outlook|forecasts?|estimates?|data|financials)\b"
)


def quarter(match: re.Match[str], text: str) -> str | None:
    """'Q3 2024' -> 'the third quarter of twenty twenty four'; '2Q22', 'H1' likewise; 'FY2025' -> 'fiscal year ...'."""
    year = match.group("year")
    if match.group("kind") == "H" and not year:
        return None  # "H1" alone may be a visa or a heading; with a year it is a half
    if match.group("fiscal"):
        spoken = "fiscal year"
    else:
        part = "half" if match.group("kind") == "H" else "quarter"
        spoken = f"{num.ordinal(int(match.group('n') or match.group('n2')))} {part}"
        determined = _DETERMINER_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
        if not determined and (year or not _NOUN_AFTER.match(text, match.end())):
            spoken = "the " + spoken  # but "Q4 revenue" is "fourth quarter revenue"
        spoken += " of" if year else ""
    if year:
        year = year.lstrip("'’")
        spoken += " " + (num.year(int(year)) if len(year) == 4 else num.short_year(year))
    return spoken


def _duration(hours: int, minutes: int, seconds: int) -> str:
    parts = [(hours, "hour"), (minutes, "minute"), (seconds, "second")]
    said = [f"{num.cardinal(str(n))} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    if len(said) > 1:
        said[-2:] = [f"{said[-2]} and {said[-1]}"]
    return ", ".join(said) or "zero seconds"


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?:(?:\s?[-–]\s?|\sto\s)(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"
_YEAR = r"(?:(?:(?:,?\s|-)(?=\d{4}\b)|,?\s(?=['’]\d\d\b(?![.,]\d|\s?\w+['’])))(?P<year>\d{4}|['’]\d\d)\b)?"
PATTERNS = [
    ("date", r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2})|(?P<slashed>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}(?![\d/]))|\d{1,2}-\d{1,2}-\d{4})|(?P<dotted>\d{1,2}\.\d{1,2}\.\d{4}))\b", date_numeric),
    ("date", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’]|[.,]\d)", short_year),
    ("date", r"(?<![\w.,])(?:(?P<era>AD|A\.D\.|CE)\s(?P<year>\d{1,4})|(?P<year2>\d{1,4})\s?(?P<era2>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.))(?![\w.,]\d|\w)", era_year),
    ("date", rf"\b{_DAY}-(?P<month>{MONTH})-(?P<year>\d{{4}}|\d\d)\b(?P<day2>)", date_dmy),  # "30-Sep-2024", as forms write it
    ("date", rf"\b(?P<month>{MONTH})\.?[\s-]{_DAY}{_DAY2}\b(?!:\d){_YEAR}", date_mdy),
    ("date", rf"\b{_DAY}{_DAY2}\s(?:of\s)?(?P<month>{MONTH})\b\.?{_YEAR}", date_dmy),
    ("time", rf"\b{clock('1')}\s?(?:[-–—]|to\b)\s?{clock('2')}", time_range),
    ("time", rf"\b(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s?(?:{_ZONES}|hours|hrs)\b)", military_time),
    ("date", rf"\b(?P<month>{MONTH})\.?\s(?P<year>\d{{4}})\b", month_year),
    ("time", rf"\b{clock('1')}\s(?P<zone>(?i:{_ZONES})\b|(?:[A-Za-z]\.){{2}}[A-Za-z]\b\.?)", zoned_time),
    ("time", rf"\b{clock('1')}", time),
]  # fmt: skip
_SPAN_NAME = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
)
_WEEKDAY = {d[:3]: d for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
PATTERNS.append(("date", rf"\b(?P<a>{_SPAN_NAME})\.?\s?[-–]\s?(?P<b>{_SPAN_NAME})\b\.?", lambda m, t: name_span(m)))


def name_span(match: re.Match[str]) -> str:
    """"Monday-Friday" -> "Monday to Friday"; "Jan-Mar" -> "January to March"."""
    a, b = (m if m.endswith("day") else _WEEKDAY.get(m[:3]) or MONTHS[MONTH_NUMBER[m.lower()] - 1] for m in match.group("a", "b"))
    return f"{a} to {b}"


# Quarters and fiscal years run before the letters-and-digits rule, which would read "Q3" as a code.
QUARTER = ("date", r"\b(?:(?P<kind>[QH])(?P<n>[1-4])|(?P<n2>[1-4])(?P<kind2>Q)|(?P<fiscal>FY))(?:\s?(?P<year>(?:19|20)\d\d|['’]?\d\d))?\b", quarter)


_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|of|by|from|until|till|to|before|after|during|year|years|early|late|mid|circa|c\.|"
    r"spring|summer|autumn|fall|winter|through|and|between|fiscal|class of)\s+|\b[QH][1-4]\s|[(,]\s*"
    r"|\b(?:mid|pre|post|early|late)-)$",
    re.IGNORECASE,
)
# After "the" (or "a", "its"...) a year names an event or an edition: "the 1999 season", "the 2020 Olympics".
_EDITION_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that)\s$", re.IGNORECASE)
_EDITION_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]|(?:season|elections?|campaign|budget|census|war|law|act|model|edition|tournament|"
    r"championships?|finals?|games|summit|crisis|crash|attacks?|floods?|earthquake|report|survey|vote|referendum|"
    r"riots?|protests?|uprising|revolution|pandemic|outbreak|deadline|target|agreement|accord|treaty|deal|plan|"
    r"strategy|ruling|decision|merger|acquisition|recession|drought|heatwave|storm|hurricane|wildfires?|"
    r"olympics|world cup|cup|vintage|film|movie|album|novel|book|study|visit|trip|tour|contest|race|debate|"
    r"primary|primaries|midterms?|inauguration|invasion|coup|ceasefire|truce|reform|tax|rules?|figures?|"
    r"results?|data|forecast|guidance|fiscal year|financial year|school year|academic year)\b)",
)
# A year that starts a sentence or a clause and is the subject: "2024 was a hot year".
_YEAR_SUBJECT_AFTER = re.compile(r"\s(?:was|is|will be|has been|had been|saw|marked|brought|proved|became)\b")


def _is_year_value(value: str) -> bool:
    return len(value) == 4 and value.isdigit() and 1000 <= int(value) <= 2199


def year(match: re.Match[str], text: str) -> str | None:
    """A four-digit number is a year where the words around it say so; else a cardinal ("1500 people")."""
    value = match.group(0)
    if not _is_year_value(value):
        return None
    before = text[max(0, match.start() - 12) : match.start()]
    after = text[match.end() : match.end() + 40]
    if _YEAR_CONTEXT.search(before) or re.match(r"\s*[.,;:)]|\s*$", after):
        return num.year(int(value))
    edition = _EDITION_AFTER.match(after) if _EDITION_BEFORE.search(before) and 1100 <= int(value) <= 2099 else None
    # before a name only a modern, not round, number is a year: "the 2020 Olympics", but "the 1500 Marines"
    if edition and (edition.group(0)[1].islower() or (1900 <= int(value) <= 2099 and int(value) % 100)):
        return num.year(int(value))
    if (not before.strip() or before.rstrip().endswith((";", ":", '"', "“"))) and _YEAR_SUBJECT_AFTER.match(after):
        return num.year(int(value))
    return None
