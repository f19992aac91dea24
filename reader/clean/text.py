"""Clean a page saved as plain text: no markup, only lines.

Each line gets a score from its features (``lines.py``): running prose
scores by its length, list-like sentence-case lines a little, and menus,
headlines, stamps, captions, calls to action and repeated lines below zero.
Headings that open teaser blocks ("Related", "News Feed", "Comments") are
walls. The body is the span with the highest total score between walls
(the maximum-sum segment), trimmed to prose at its edges; inside it,
furniture and teasers (a headline-shaped line between two paragraphs) are
dropped. The headline is found just above the body, anchored on a byline or
date line when there is one.
"""

from __future__ import annotations

import re

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind, Dropped
from .anchor import byline_and_date, head, headline_index, title_like
from .learned import second_opinion
from .lines import Line, count_tokens, describe, is_author_bio
from .stopwords import guess_language
from .text_toc import restore_headings

_WS = re.compile(r"\s+")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_TERMINAL = re.compile(r"[.!?…。！？:;][\"'”’»)\]」』）]*$")
_MIN_ARTICLE_TOKENS = 30
_PROSE_OFFSET = 8
_COMMENT_WEIGHT = 0.25
_LIST_ITEM_SCORE = 0.5
_CONTENTS_SCORE = -0.5
"""An entry of the article's own table of contents: not read, but no sign that the article has ended."""
_WALL = -80.0
_INLINE_WALL = -15.0
_FEED_WALL = -40.0
_LIVE_ENTRY_LINES = 3
_BIO_WINDOW = 3
"""An author's bio is one of the last lines of what looks like the body."""
_MIN_CONTENT_TOKENS = 60
_MIN_CONTENT_LINES = 4
"""A feed's item boundary: a live blog's long entries outweigh it, a feed's teasers do not."""


def collapse(text: str) -> str:
    """One line, single spaces, no edge whitespace or zero-width characters."""
    return _WS.sub(" ", _INVISIBLE.sub("", text)).strip()


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
    if width < 60 or width > 100:
        return False
    body = lines[:-1]
    full = sum(1 for line in body if len(line) >= 0.75 * width)
    continued = sum(1 for line in body if not _TERMINAL.search(line))
    return full >= 0.8 * len(body) and continued >= 0.5 * len(body)


def score(line: Line) -> float:
    """How much a line counts for (positive) or against (negative) being in the body."""
    if line.marker or line.legal:
        # A wall: only a long article continuing past a widget outweighs it.
        return _WALL
    if line.inline_marker:
        return _INLINE_WALL
    if line.contents_list:
        return _CONTENTS_SCORE
    if line.repeated > 1:
        return -4.0 if line.tokens < 8 else -8.0
    if line.boilerplate or line.markup:
        return -5.0
    if line.stamp:
        return -1.5
    if line.caption:
        return -2.0
    if line.prose:
        # Long paragraphs are the article; a feed's one-line summaries barely count.
        return line.tokens - _PROSE_OFFSET
    if line.tokens >= 3 and not line.title_case:
        return 0.3 * min(line.tokens, 15)
    return -2.0 if line.tokens >= 3 else -1.5


def _list_items(lines: list[Line]) -> set[int]:
    """Lines of a list that a sentence introduces ("Tour dates:"): content, not furniture."""
    items: set[int] = set()
    in_list = False
    for index, line in enumerate(lines):
        if in_list and not line.prose and _list_item(line):
            items.add(index)
            continue
        in_list = line.text.endswith(":") and line.tokens >= 3 and not line.furniture
    return items


def _list_item(line: Line) -> bool:
    return line.tokens >= 2 and line.repeated == 1 and not (line.furniture or line.marker or line.caption)


def _discount_comments(lines: list[Line], scores: list[float]) -> list[float]:
    """Readers' comments after an article often outweigh it: count them a quarter."""
    prose = 0.0
    for index, line in enumerate(lines):
        if line.comments and prose >= _MIN_ARTICLE_TOKENS * 2:
            return scores[:index] + [s * _COMMENT_WEIGHT if s > 0 else s for s in scores[index:]]
        prose += max(0.0, scores[index])
    return scores


def best_span(scores: list[float]) -> tuple[int, int, float] | None:
    """The maximum-sum run of lines that crosses no wall: (first, last, total)."""
    best = None
    start, total = 0, 0.0
    for index, value in enumerate(scores):
        if value == float("-inf"):
            start, total = index + 1, 0.0
            continue
        if total <= 0:
            start, total = index, 0.0
        total += value
        if best is None or total > best[2]:
            best = (start, index, total)
    return best if best and best[2] > 0 else None


def _trim(lines: list[Line], first: int, last: int, listed: set[int]) -> tuple[int, int]:
    """Shrink the span so it starts on prose and ends on prose or a list item."""
    while first < last and not lines[first].prose:
        first += 1
    while last > first and not (lines[last].prose or lines[last].sentence or last in listed):
        last -= 1
    return first, last


def _before_bio(lines: list[Line], first: int, last: int) -> int:
    """The body ends before an author's bio among its last lines."""
    for index in range(max(first + 1, last - _BIO_WINDOW + 1), last + 1):
        if is_author_bio(lines[index].text, lines[index].tokens):
            return index - 1
    return last


def _teaser_boxes(lines: list[Line], first: int, last: int) -> set[int]:
    """A "Related"/"Read more" label inside the body and the lines it introduces."""
    boxed: set[int] = set()
    for index in range(first, last + 1):
        if lines[index].inline_marker:
            boxed.add(index)
            follow = index + 1
            while follow <= last and not lines[follow].prose:
                boxed.add(follow)
                follow += 1
    return boxed


def _inside_reason(lines: list[Line], index: int, first: int, last: int, boxed: set[int]) -> str | None:
    """Why a line inside the body is still dropped, or None to keep it."""
    line = lines[index]
    if index in boxed:
        return "teaser box inside the body"
    if line.contents_list:
        return "table of contents"
    if line.repeated > 1:
        return "repeated on the page"
    if line.boilerplate:
        return "page furniture (call to action, sharing, legal)"
    if line.markup:
        return "HTML source shown on the page"
    if line.stamp:
        return "timestamp, date or price on its own"
    if line.caption:
        return "photo caption or credit"
    if line.prose or line.sentence or line.contents_entry:
        return None
    before = lines[index - 1] if index > first else None
    after = lines[index + 1] if index < last else None
    between_prose = before is not None and after is not None and before.prose and after.prose
    if line.headline and between_prose:
        return "headline-shaped line inside the body (teaser)"
    if line.tokens < 3 and line.title_case:
        return "menu or link word"
    return None


def _feed_walls(lines: list[Line], scores: list[float]) -> list[float]:
    """A bare time ("10:01 PM", "3 hours ago") once an article has begun opens a feed or a thread.

    An article's paragraphs carry no time of day on a line of their own; the
    items of a news feed, a "latest" box or a comment thread do. Before the
    article (a header's clock) it is only furniture.
    """
    if _dated_entries(lines, scores):
        return scores
    prose = 0.0
    out = list(scores)
    for index, line in enumerate(lines):
        if line.feed_stamp and prose >= _MIN_ARTICLE_TOKENS * 2 and not _entry_follows(lines, index):
            out[index] = _FEED_WALL
        prose += max(0.0, scores[index])
    return out


def _dated_entries(lines: list[Line], scores: list[float]) -> bool:
    """The content itself is dated entries (events, a changelog): a time between its first paragraphs.

    An article's own date sits above its first paragraph (or under a
    standfirst); a page whose first paragraphs each follow a time of their own
    is a list of entries, and its later times go on with that list rather than
    open a feed.
    """
    prose, seen_prose, dated = 0.0, False, 0
    for index, line in enumerate(lines):
        if prose >= _MIN_ARTICLE_TOKENS * 2:
            break
        if line.feed_stamp and seen_prose and any(n.prose for n in lines[index + 1 : index + 1 + _LIVE_ENTRY_LINES]):
            dated += 1
        seen_prose = seen_prose or line.prose
        prose += max(0.0, scores[index])
    return dated >= 2


def _entry_follows(lines: list[Line], index: int) -> bool:
    """Three paragraphs or more after the time: a live blog's entry, not a feed's teaser."""
    follow = lines[index + 1 : index + 1 + _LIVE_ENTRY_LINES]
    return len(follow) == _LIVE_ENTRY_LINES and all(line.prose for line in follow)


def line_scores(lines: list[Line]) -> tuple[list[float], set[int]]:
    """Each line's score, and which lines are items of an introduced list."""
    listed = _list_items(lines)
    scores = [(_LIST_ITEM_SCORE if i in listed else score(line)) for i, line in enumerate(lines)]
    return _feed_walls(lines, _discount_comments(lines, scores)), listed


def locate_body(lines: list[Line]) -> tuple[int, int]:
    """First and last line of the article body, or ExtractionError if there is none."""
    scores, listed = line_scores(lines)
    span = best_span(scores)
    top = headline_index(lines)
    if span is not None and top is not None and span[0] < top < span[1]:
        # The article's headline inside the span: what precedes it is the page's, not the article's.
        anchored = best_span([float("-inf")] * (top + 1) + scores[top + 1 :])
        span = anchored if anchored and anchored[2] >= 0.8 * span[2] else span
    if span is None:
        raise _no_article()
    first, last = _trim(lines, span[0], span[1], listed)
    last = _before_bio(lines, first, last)
    if sum(line.tokens for line in lines[first : last + 1] if line.prose) < _MIN_ARTICLE_TOKENS:
        raise _no_article()
    return first, last


def page_lines(text: str) -> list[Line]:
    """The page's logical lines and their features."""
    return restore_headings(describe(logical_lines(text)))


def clean_text(text: str) -> Article:
    """Find the article (headline and body paragraphs) in a plain-text page."""
    lines = page_lines(text)
    if not lines:
        raise ExtractionError("The input holds no text.")
    if _already_clean(lines):
        return _clean_as_is(lines)
    try:
        first, last = locate_body(lines)
    except ExtractionError:
        return _main_content(lines)
    title_at, meta_at = head(lines, first)
    reasons = rule_reasons(lines, first, last, title_at)
    keep = second_opinion(lines, reasons)
    kept: list[Block] = []
    dropped: list[Dropped] = []
    for index, line in enumerate(lines):
        if index == title_at:
            continue
        if index in keep:
            kept.append(Block(BlockKind.PARAGRAPH, line.text))
        else:
            dropped.append(Dropped(line.text, reasons[index] or _outside_reason(line, index, first, meta_at)))
    byline, date = byline_and_date([lines[i].text for i in sorted(meta_at)])
    title = lines[title_at].text if title_at is not None else ""
    words = [w for block in kept for w in count_tokens(block.text)[1]]
    return Article(
        title=title, blocks=tuple(kept), byline=byline, date=date,
        language=guess_language(words), dropped=tuple(dropped),
    )  # fmt: skip


def rule_reasons(lines: list[Line], first: int, last: int, title_at: int | None) -> list[str | None]:
    """Per line, why the rules drop it inside the body ("" outside it or for the title), or None to keep it."""
    boxed = _teaser_boxes(lines, first, last)
    return [
        "" if index == title_at or not first <= index <= last else _inside_reason(lines, index, first, last, boxed)
        for index in range(len(lines))
    ]


def _main_content(lines: list[Line]) -> Article:
    """A page with no article (a listing, a product, a forum): every line that says something.

    Menus, stamps, calls to action, captions and repeated lines are left out;
    what stays is the page's own content in order. Too little of it (a login
    wall, an error page) is still no article.
    """
    kept = [line for line in lines if _content_line(line)]
    if sum(line.tokens for line in kept) < _MIN_CONTENT_TOKENS or len(kept) < _MIN_CONTENT_LINES:
        raise _no_article()
    kept_ids = {id(line) for line in kept}
    dropped = tuple(Dropped(line.text, "not content") for line in lines if id(line) not in kept_ids)
    words = [w for line in kept for w in count_tokens(line.text)[1]]
    blocks = tuple(Block(BlockKind.PARAGRAPH, line.text) for line in kept)
    return Article(title="", blocks=blocks, language=guess_language(words), dropped=dropped, page_type="page")


def _content_line(line: Line) -> bool:
    if line.marker or line.legal or line.repeated > 1 or line.stamp or line.caption or line.comments:
        return False
    if line.boilerplate or line.markup:
        return False
    return line.tokens >= 4 or line.prose


def _no_article() -> ExtractionError:
    return ExtractionError(
        "No article text found: the page looks like menus, links or an index. "
        "Use --keep-all to narrate everything anyway."
    )


def _outside_reason(line: Line, index: int, first: int, meta_at: list[int]) -> str:
    if index in meta_at:
        return "byline or date"
    if line.marker or line.inline_marker:
        return "heading of a teaser or widget block"
    if line.repeated > 1:
        return "repeated on the page"
    return "before the article" if index < first else "after the article"


def _already_clean(lines: list[Line]) -> bool:
    """Text with no page furniture: (optional headline) then sentences only."""
    rest = lines[1:] if title_like(lines[0], 1) or len(lines) == 1 else lines
    return all(line.sentence for line in rest) and not any(line.repeated > 1 for line in lines)


def _clean_as_is(lines: list[Line]) -> Article:
    if len(lines) > 1 and title_like(lines[0], 1):
        title, rest = lines[0].text, lines[1:]
    else:
        title, rest = "", lines
    return Article(title=title, blocks=tuple(Block(BlockKind.PARAGRAPH, line.text) for line in rest))
