"""Where the article starts on a page saved as text: under its headline, byline and date.

A saved page opens with the document's title ("Headline | Site"), and the
article's headline appears again where the article begins, above its byline,
date and first paragraph. Menus, teasers and the site's blurb come before it;
nothing of the article does. The first later line that repeats the title's
words is that headline. Once the body is found, the title and the byline and
date lines are looked for just above it.
"""

from __future__ import annotations

import re

from .lines import Line

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTHS}\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
_BYLINE = re.compile(r"^(?:by|written by|words by|von|par|por|di|door|av|przez|автор)\s+(.+)", re.I)
_WORD = re.compile(r"\w+")
_MIN_HEADLINE_WORDS = 3
_PROSE_BEFORE = 4
_HEADLINE_SHARE = 0.5
"""The headline holds most of the title's words (the rest: the site's name, a section)."""


def headline_index(lines: list[Line]) -> int | None:
    """Index of the line that repeats the page title as the article's headline, if any."""
    if len(lines) < 3:
        return None
    title = _words(lines[0].text)
    for index in range(1, len(lines)):
        words = _words(lines[index].text)
        if len(words) < _MIN_HEADLINE_WORDS or lines[index].terminal and not lines[index].text.endswith("?"):
            continue
        # A subheading that echoes the title follows paragraphs; the headline follows menus.
        after_prose = any(line.prose for line in lines[max(1, index - _PROSE_BEFORE) : index])
        if _is_title(words, title, lines[index].text, lines[0].text) and not after_prose:
            return index
    return None


def _is_title(words: list[str], title: list[str], text: str, title_text: str) -> bool:
    return text.casefold() in title_text.casefold() and len(words) >= _HEADLINE_SHARE * len(title)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def head(lines: list[Line], body_start: int) -> tuple[int | None, list[int]]:
    """(title index, byline/date line indexes) just above the body."""
    window = range(body_start - 1, max(-1, body_start - 16), -1)
    meta = [i for i in window if _is_byline(lines[i])]
    if meta:
        block = [i for i in meta if i >= meta[0] - 3]  # byline/date lines right above the body
        top = min(block)
        for i in range(top - 1, max(-1, top - 5), -1):
            if title_like(lines[i], 3) and i not in meta:
                return i, block
    for i in range(body_start - 1, max(-1, body_start - 11), -1):
        # Right above the body a short title ("Harbor seal") is still a title.
        if title_like(lines[i], 2 if body_start - i <= 2 else 4) and i not in meta:
            return i, [m for m in meta if m > i]
    return None, meta[:1]


def title_like(line: Line, min_tokens: float) -> bool:
    """Headline-shaped: a short line without a full stop (a question or exclamation is fine)."""
    ends_open = not line.terminal or line.text[-1:] in "?!"
    shaped = ends_open and min_tokens <= line.tokens <= 25 and line.repeated == 1 and not line.stamp
    return shaped and not (line.furniture or line.marker or line.inline_marker)


def _is_byline(line: Line) -> bool:
    if line.tokens > 25 or line.repeated > 1:
        return False
    return bool(_BYLINE.match(line.text) or _DATE.search(line.text))


def byline_and_date(texts: list[str]) -> tuple[str | None, str | None]:
    author = date = None
    for text in texts:
        date_match = _DATE.search(text)
        by = _BYLINE.match(text)
        if by and author is None:
            name = by.group(1)
            if date_match and date_match.start() >= by.start(1):
                name = text[by.start(1) : date_match.start()]
            author = " ".join(name.split()).rstrip(",|·-–— ") or None
        if date_match and date is None:
            date = date_match.group(0)
    return author, date
