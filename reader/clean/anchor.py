"""Where the article starts on a page saved as text: under its headline.

A saved page opens with the document's title ("Headline | Site"), and the
article's headline appears again where the article begins, above its byline,
date and first paragraph. Menus, teasers and the site's blurb come before it;
nothing of the article does. The first later line that repeats the title's
words is that headline.
"""

from __future__ import annotations

import re

from .lines import Line

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
