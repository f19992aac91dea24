"""One date parser for every place a page's date is used: file tags and the podcast feed.

Pages write dates in many ways ("March 7, 2023", "Mar. 7, 2023 10:15 am",
"7 March 2023", "Oct. 3, 2024, 5:12 p.m.", "2023-03-07T10:15:00+02:00",
"Published: 07/03/2023"). ``parse_date`` finds the date (and the time, when
written) and returns a ``datetime`` when a time is known (aware when a zone
is written), a ``date`` when only the day is, and None for relative or
unreadable text ("2 hours ago", "yesterday", "March 2023"): a wrong date is
worse than none, so nothing is guessed.

Ambiguous numeric dates follow the narration's own reading (the normalizer
in reader/normalize/rules_dates.py), so the tag says what the voice says:
slashes and dashes are month first (US order) unless the first number can't
be a month (13/03/2023); dots are day first (European order). ``day_first``
overrides both for the slash and dash forms.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# Zones pages print by name; anything else is left naive rather than guessed.
ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_NAMED = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # March 7, 2023
    re.compile(
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE
    ),  # 7 March 2023
)
_ISO = re.compile(r"\b(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})\b")
_NUMERIC = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b"
)
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\b\.?)?(?:\s*(?P<zone>[a-z]{1,4}\b|[+-]\d{2}:?\d{2}\b))?",
    re.IGNORECASE,
)
_ISO_FULL = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)


def parse_date(
    raw: str | None, *, day_first: bool | None = None
) -> datetime | date | None:
    """The date (and time, where written) in ``raw``; None when there is no full date."""
    if not raw or not raw.strip():
        return None
    text = " ".join(raw.split())
    iso = _ISO_FULL.search(text)
    if iso:
        try:
            return datetime.fromisoformat(
                iso.group(0).replace(" ", "T").replace("z", "Z")
            )
        except ValueError:
            pass
    found = _find_day(text, day_first)
    if found is None:
        return None
    day, end = found
    clock = _find_time(text[end:])
    if clock is None:
        return day
    return datetime.combine(day, clock)


def _find_day(text: str, day_first: bool | None) -> tuple[date, int] | None:
    """The first full date in ``text`` and where it ends."""
    for pattern in _NAMED:
        match = pattern.search(text)
        if match:
            month = MONTHS.index(match.group("month")[:3].lower()) + 1
            return _valid(
                int(match.group("year")), month, int(match.group("day")), match.end()
            )
    match = _ISO.search(text)
    if match:
        return _valid(
            int(match.group("year")),
            int(match.group("month")),
            int(match.group("day")),
            match.end(),
        )
    match = _NUMERIC.search(text)
    if match:
        a, b, year = (
            int(match.group("a")),
            int(match.group("b")),
            int(match.group("year")),
        )
        first_is_day = match.group("sep") == "." if day_first is None else day_first
        if a > 12:
            first_is_day = True
        elif b > 12:
            first_is_day = False
        month, day = (b, a) if first_is_day else (a, b)
        return _valid(year, month, day, match.end())
    return None


def _valid(year: int, month: int, day: int, end: int) -> tuple[date, int] | None:
    if not 1000 <= year <= 2999:
        return None
    try:
        return date(year, month, day), end
    except ValueError:
        return None


def _find_time(rest: str) -> time | None:
    """A clock time right after the date ("10:15 am", ", 5:12 p.m.", " at 14:30 UTC")."""
    match = _TIME.match(
        re.sub(r"^[\s,|·•–—-]*(?:at\s+)?", "", rest, flags=re.IGNORECASE)
    )
    if not match or (match.group("minute") is None and match.group("ampm") is None):
        return None  # a bare number after a date is not a time
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second, tzinfo=_zone(match.group("zone")))


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return timezone(timedelta(minutes=minutes if text[0] == "+" else -minutes))
    offset = ZONES.get(text.lower())
    return None if offset is None else timezone(timedelta(minutes=offset))


def iso_date(raw: str | None) -> str:
    """The date for a file's tags: "2023-03-07", or "2023-03-07T06:41:00" with the time as written.

    The time is the page's wall-clock time without an offset, because ID3v2.4
    timestamps have no zone; every format gets the same string. Empty when
    ``raw`` holds no full date.
    """
    parsed = parse_date(raw)
    if parsed is None:
        return ""
    if isinstance(parsed, datetime):
        return parsed.replace(tzinfo=None).isoformat(timespec="seconds")
    return parsed.isoformat()


def as_datetime(value: datetime | date) -> datetime:
    """A timezone-aware moment for a feed: a day alone is taken at noon UTC, so the calendar
    day shows the same in most places; a time without a zone is taken as UTC."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(12, 0))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
