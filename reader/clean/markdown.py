"""Clean Markdown with a CommonMark parser: keep every word of prose, drop only the markup.

markdown-it-py (CommonMark plus tables, strikethrough, footnotes and front
matter) decides what is a heading, an item, a quote, code or a table, so
indented code, nested lists and escaped markup are read as a browser shows
them. Headings stay headings, list items stay items, block quotes stay
quotes. Code blocks are not prose: they are left out and reported in
``dropped``. A table is read row by row, its cells joined by commas.
Footnote markers are never read; their definitions come at the end, each
as "Footnote N: ...". Front matter gives the title, author and date; a
"Name · date · 6 min read" line under the title is a byline, not prose.
"""

from __future__ import annotations

import re

from ..types import Article, Block, BlockKind, Dropped
from .lines import count_tokens
from .stopwords import guess_language
from .text import collapse

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+read\b", re.IGNORECASE)
_BYLINE_PARTS = re.compile(r"\s+[·•|—–]\s+")
_BYLINE_WINDOW = 3
"""A byline sits within the first blocks under the title."""
_TITLE_KEYS, _AUTHOR_KEYS, _DATE_KEYS = ("title",), ("author", "authors", "by"), ("date", "published", "pubdate")


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin).use(footnote_plugin)


def has_front_matter(text: str) -> bool:
    """A YAML front matter block with at least one ``key: value`` line opens the text."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    return bool(match and any(_KEY_VALUE.match(line) for line in (match.group(1) or "").split("\n")))


def front_matter(block: str) -> dict[str, str]:
    """The simple ``key: value`` lines of a front matter block (lists: their first item).

    Only title, author and date are used, so the YAML subset that writes them
    is parsed here rather than adding a YAML library.
    """
    found: dict[str, str] = {}
    last = None
    for line in block.split("\n"):
        if match := _KEY_VALUE.match(line):
            last = match.group(1).lower()
            found[last] = _unquote(match.group(2))
        elif last and not found[last] and (item := re.match(r"^\s*-\s+(.*)$", line)):
            found[last] = _unquote(item.group(1))  # "authors:\n  - Name"
    return {key: value for key, value in found.items() if value}


def _unquote(value: str) -> str:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1].split(",")[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return collapse(value)


def clean_markdown(text: str) -> Article:
    """Blocks of a Markdown document; the title comes from front matter or the first level-1 heading."""
    walker = _Walker()
    walker.walk(_parser().parse(text.lstrip("\ufeff")))
    meta = walker.meta
    title = _first(meta, _TITLE_KEYS)
    blocks = walker.blocks
    heading = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), None)
    if heading is not None:
        if not title or collapse(blocks[heading].text).casefold() == title.casefold():
            title = title or blocks[heading].text
            blocks = blocks[:heading] + blocks[heading + 1 :]
        else:  # front matter named another title: the document's own h1 is a heading
            blocks[heading] = Block(BlockKind.HEADING, blocks[heading].text)
    blocks, byline, dropped = _drop_byline(blocks)
    words = [w for block in blocks for w in count_tokens(block.text)[1]]
    return Article(
        title=title,
        blocks=tuple(blocks + walker.footnotes),
        byline=_first(meta, _AUTHOR_KEYS) or byline,
        date=_first(meta, _DATE_KEYS),
        dropped=tuple(walker.dropped + dropped),
        language=_first(meta, ("lang", "language")) or guess_language(words),
    )


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[key] for key in keys if meta.get(key)), None)


def _drop_byline(blocks: list[Block]) -> tuple[list[Block], str | None, list[Dropped]]:
    """A "Name · date · 6 min read" paragraph near the top is a byline, not prose."""
    for index, block in enumerate(blocks[:_BYLINE_WINDOW]):
        parts = _BYLINE_PARTS.split(block.text)
        if block.kind is BlockKind.PARAGRAPH and len(block.text) < 120 and (_READ_TIME.search(block.text) or len(parts) >= 3 and re.search(r"\d", block.text)):
            byline = parts[0] if len(parts) > 1 and not _READ_TIME.search(parts[0]) else None
            return blocks[:index] + blocks[index + 1 :], byline, [Dropped(block.text, "byline or date")]
    return blocks, None, []


class _Walker:
    """Turns markdown-it tokens into blocks: the kind of a paragraph is where it sits."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.footnotes: list[Block] = []
        self.dropped: list[Dropped] = []
        self.meta: dict[str, str] = {}
        self.stack: list[str] = []
        self.row: list[str] | None = None
        self.seen_title = False
        self.level = ""
        self.footnote_label = ""

    def walk(self, tokens) -> None:
        for token in tokens:
            kind = token.type
            if kind == "front_matter":
                self.meta = front_matter(token.content)
            elif kind in ("code_block", "fence"):
                self.dropped.append(Dropped(token.content.rstrip("\n"), "code block"))
            elif kind == "html_block":
                self._html(token.content)
            elif kind.endswith("_open"):
                self._open(token)
            elif kind.endswith("_close"):
                self._close(kind)
            elif kind == "inline":
                self._inline(_inline_text(token.children or []), token)

    def _open(self, token) -> None:
        name = token.type[: -len("_open")]
        self.stack.append(name)
        if name == "heading":
            self.level = token.tag
        elif name == "tr":
            self.row = []
        elif name == "footnote":
            self.footnote_label = token.meta.get("label", str(token.meta.get("id", 0) + 1))

    def _close(self, kind: str) -> None:
        name = kind[: -len("_close")]
        if self.stack and self.stack[-1] == name:
            self.stack.pop()
        if name == "tr" and self.row is not None:
            if text := ", ".join(cell for cell in self.row if cell):
                self.blocks.append(Block(BlockKind.PARAGRAPH, text))
            self.row = None

    def _inline(self, text: str, token) -> None:
        if self.row is not None:
            self.row.append(text)
            return
        if not text:
            return
        if "footnote" in self.stack:
            self.footnotes.append(Block(BlockKind.PARAGRAPH, f"Footnote {self.footnote_label}: {text}"))
        elif self.stack and self.stack[-1] == "heading":
            self._heading(text)
        elif "blockquote" in self.stack:
            self.blocks.append(Block(BlockKind.QUOTE, text))
        elif "list_item" in self.stack:
            self.blocks.append(Block(BlockKind.LIST_ITEM, text))
        else:
            self.blocks.append(Block(BlockKind.PARAGRAPH, text))

    def _heading(self, text: str) -> None:
        is_title = self.level == "h1" and not self.seen_title
        self.seen_title = self.seen_title or is_title
        self.blocks.append(Block(BlockKind.TITLE if is_title else BlockKind.HEADING, text))

    def _html(self, content: str) -> None:
        from .render import strip_tags

        if text := collapse(strip_tags(content)):
            self.blocks.append(Block(BlockKind.PARAGRAPH, text))


def _inline_text(children) -> str:
    """The words of an inline run: link text and inline code kept; images, HTML tags and footnote markers not."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return collapse("".join(parts))
