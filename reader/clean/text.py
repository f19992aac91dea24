"""Clean a page saved as plain text: no markup, only lines.

The body of an article is the densest run of prose lines. Lines are
classified (prose, headline-shaped, byline, timestamp, repeated), runs of
prose separated by at most one stray line form regions, and the largest
region (plus close neighbours of real size) is the body. The headline is
looked for just above it, anchored on a byline or date line when there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind, Dropped

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»][.!?…]$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?$")
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(.+)", re.I)
_CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|sign up|sign in|log in|newsletter|member|donate|support us|share|"
    r"skip to|menu|cookie|advertisement|read more|follow us|download the app)\b",
    re.I,
)
_MIN_PROSE_WORDS = 8
_LONG_LINE_WORDS = 25
_MIN_ARTICLE_WORDS = 30


def collapse(text: str) -> str:
    """One line, single spaces, no edge whitespace."""
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True)
class _Line:
    text: str
    words: int
    terminal: bool
    repeated: bool

    @property
    def prose(self) -> bool:
        """A line that reads as running text: the evidence for a body."""
        if self.repeated:
            return False
        return (self.terminal and self.words >= _MIN_PROSE_WORDS) or self.words >= _LONG_LINE_WORDS

    @property
    def sentence(self) -> bool:
        """Running text of any length: kept when it sits inside the body."""
        return not self.repeated and (self.terminal and self.words >= 2 or self.prose)

    @property
    def headline(self) -> bool:
        return 3 <= self.words <= 25 and not self.terminal and not self.repeated


def logical_lines(text: str) -> list[str]:
    """Lines of the page with hard-wrapped paragraphs joined back together."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [collapse(line) for line in block.split("\n") if line.strip()]
        if _is_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """A block whose lines were cut at a fixed width (lynx -dump, e-mail)."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    if width < 40 or width > 100:
        return False
    body = lines[:-1]
    full = sum(1 for line in body if len(line) >= 0.75 * width)
    continued = sum(1 for line in body if not _TERMINAL.search(line))
    return full >= 0.8 * len(body) and continued >= 0.5 * len(body)


def _classify(lines: list[str]) -> list[_Line]:
    counts = Counter(line.lower() for line in lines)
    return [
        _Line(
            text=line,
            words=len(_WORD.findall(line)),
            terminal=bool(_TERMINAL.search(line)),
            repeated=counts[line.lower()] > 1,
        )
        for line in lines
    ]


def _regions(lines: list[_Line]) -> list[tuple[int, int]]:
    """Runs of prose, as (first, last) indexes, allowing one stray line inside."""
    regions: list[tuple[int, int]] = []
    start = last = None
    for index, line in enumerate(lines):
        if not line.prose:
            continue
        if start is not None and index - last <= 2:
            last = index
            continue
        if start is not None:
            regions.append((start, last))
        start = last = index
    if start is not None:
        regions.append((start, last))
    return regions


def _region_words(lines: list[_Line], region: tuple[int, int]) -> int:
    return sum(line.words for line in lines[region[0] : region[1] + 1] if line.prose)


def _body(lines: list[_Line]) -> tuple[int, int] | None:
    """The largest region, grown by neighbours that are close and substantial."""
    regions = _regions(lines)
    if not regions:
        return None
    best = max(range(len(regions)), key=lambda i: _region_words(lines, regions[i]))
    first, last = regions[best]
    for neighbour in reversed(regions[:best]):
        if first - neighbour[1] <= 4 and _prose_count(lines, neighbour) >= 2:
            first = neighbour[0]
        else:
            break
    for neighbour in regions[best + 1 :]:
        if neighbour[0] - last <= 4 and _prose_count(lines, neighbour) >= 2:
            last = neighbour[1]
        else:
            break
    return first, last


def _prose_count(lines: list[_Line], region: tuple[int, int]) -> int:
    return sum(1 for line in lines[region[0] : region[1] + 1] if line.prose)


def _head(lines: list[_Line], body_start: int) -> tuple[int | None, list[int]]:
    """(title index, byline/date line indexes) just above the body."""
    window = range(body_start - 1, max(-1, body_start - 16), -1)
    meta = [i for i in window if _is_byline(lines[i])]
    if meta:
        block = [i for i in meta if i >= meta[0] - 3]  # byline/date lines right above the body
        top = min(block)
        for i in range(top - 1, max(-1, top - 4), -1):
            if lines[i].headline and i not in meta:
                return i, block
    for i in range(body_start - 1, max(-1, body_start - 11), -1):
        line = lines[i]
        if line.headline and line.words >= 4 and not _CALL_TO_ACTION.search(line.text) and i not in meta:
            return i, [m for m in meta if m > i]
    return None, meta[:1]


def _is_byline(line: _Line) -> bool:
    if line.words > 25 or line.repeated:
        return False
    return bool(_BYLINE.match(line.text) or _DATE.search(line.text))


def _byline_and_date(texts: list[str]) -> tuple[str | None, str | None]:
    author = date = None
    for text in texts:
        date_match = _DATE.search(text)
        by = _BYLINE.match(text)
        if by and author is None:
            name = by.group(1)
            if date_match and date_match.start() >= by.start(1):
                name = text[by.start(1) : date_match.start()]
            author = collapse(name).rstrip(",|·-–— ") or None
        if date_match and date is None:
            date = date_match.group(0)
    return author, date


def clean_text(text: str) -> Article:
    """Find the article (headline and body paragraphs) in a plain-text page."""
    lines = _classify(logical_lines(text))
    if not lines:
        raise ExtractionError("The input holds no text.")
    if _already_clean(lines):
        return _clean_as_is(lines)
    body = _body(lines)
    if body is None or _region_words(lines, body) < _MIN_ARTICLE_WORDS:
        raise ExtractionError(
            "No article text found: the page looks like menus, links or an index. "
            "Use --keep-all to narrate everything anyway."
        )
    first, last = body
    title_at, meta_at = _head(lines, first)
    kept: list[Block] = []
    dropped: list[Dropped] = []
    for index, line in enumerate(lines):
        if index == title_at:
            continue
        if first <= index <= last and line.sentence:
            kept.append(Block(BlockKind.PARAGRAPH, line.text))
        else:
            dropped.append(Dropped(line.text, _reason(line, index, first, last, meta_at)))
    byline, date = _byline_and_date([lines[i].text for i in sorted(meta_at)])
    title = lines[title_at].text if title_at is not None else ""
    return Article(title=title, blocks=tuple(kept), byline=byline, date=date, dropped=tuple(dropped))


def _reason(line: _Line, index: int, first: int, last: int, meta_at: list[int]) -> str:
    if index in meta_at:
        return "byline"
    if line.repeated:
        return "repeated on the page"
    if index < first:
        return "before the article"
    if index > last:
        return "after the article"
    if _TIME_ONLY.match(line.text):
        return "timestamp"
    return "headline-shaped line inside the body (teaser or caption)"


def _already_clean(lines: list[_Line]) -> bool:
    """Text with no page furniture: (optional headline) then sentences only."""
    rest = lines[1:] if lines[0].headline or len(lines) == 1 else lines
    return all(line.sentence for line in rest) and not any(
        line.repeated for line in lines
    )


def _clean_as_is(lines: list[_Line]) -> Article:
    if len(lines) > 1 and lines[0].headline:
        title, rest = lines[0].text, lines[1:]
    else:
        title, rest = "", lines
    return Article(title=title, blocks=tuple(Block(BlockKind.PARAGRAPH, line.text) for line in rest))
