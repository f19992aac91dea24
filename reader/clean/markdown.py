"""Clean Markdown: keep every word of prose, drop only the markup.

Headings stay headings, list items stay items, block quotes stay quotes.
Fenced code is not prose and is left out (reported in ``dropped``); inline
code keeps its text.
"""

from __future__ import annotations

import re

from ..types import Article, Block, BlockKind, Dropped
from .text import collapse

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images: alt text is not narrated
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
)
_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")


def strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return collapse(text)


def clean_markdown(text: str) -> Article:
    """Blocks of a Markdown document; the first level-1 heading is the title."""
    text = _strip_front_matter(text)
    blocks, dropped = _parse(text.split("\n"))
    title = ""
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.TITLE:
            title = block.text
            blocks = blocks[:index] + blocks[index + 1 :]
            break
    return Article(title=title, blocks=tuple(blocks), dropped=tuple(dropped))


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            return text[end + 4 :]
    return text


def _parse(lines: list[str]) -> tuple[list[Block], list[Dropped]]:
    parser = _Parser()
    for line in lines:
        parser.feed(line)
    return parser.finish()


class _Parser:
    """Line-by-line Markdown block parser: paragraphs, headings, items, quotes, tables, code."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.pending: list[str] = []
        self.kind = BlockKind.PARAGRAPH
        self.fence: list[str] | None = None
        self.seen_title = False

    def flush(self, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        if joined := strip_inline(" ".join(self.pending)):
            self.blocks.append(Block(self.kind, joined))
        self.pending, self.kind = [], kind

    def heading(self, text: str, level_one: bool) -> None:
        is_title = level_one and not self.seen_title
        self.seen_title = self.seen_title or is_title
        if text := strip_inline(text):
            self.blocks.append(Block(BlockKind.TITLE if is_title else BlockKind.HEADING, text))

    def feed(self, line: str) -> None:
        if self.fence is not None:
            if _FENCE.match(line):
                self.dropped.append(Dropped("\n".join(self.fence), "code block"))
                self.fence = None
            else:
                self.fence.append(line)
        elif _FENCE.match(line):
            self.flush()
            self.fence = []
        elif heading := _HEADING.match(line):
            self.flush()
            self.heading(heading.group(2), len(heading.group(1)) == 1)
        elif _SETEXT.match(line) and len(self.pending) == 1 and self.kind is BlockKind.PARAGRAPH:
            text, self.pending = self.pending[0], []
            self.heading(text, line.strip().startswith("="))
        elif not line.strip() or _RULE.match(line) or _TABLE_RULE.match(line) or _LINK_DEF.match(line):
            self.flush()
        else:
            self.content(line)

    def content(self, line: str) -> None:
        if item := _LIST.match(line):
            self.flush(BlockKind.LIST_ITEM)
            self.pending.append(item.group(1))
        elif quote := _QUOTE.match(line):
            if self.kind is not BlockKind.QUOTE:
                self.flush(BlockKind.QUOTE)
            if quote.group(1).strip():
                self.pending.append(quote.group(1))
            else:
                self.flush(BlockKind.QUOTE)
        elif line.lstrip().startswith("|"):
            self.flush()
            cells = [strip_inline(c) for c in line.strip().strip("|").split("|")]
            self.blocks.append(Block(BlockKind.PARAGRAPH, ", ".join(c for c in cells if c)))
        else:
            self.pending.append(line)

    def finish(self) -> tuple[list[Block], list[Dropped]]:
        self.flush()
        if self.fence:
            self.dropped.append(Dropped("\n".join(self.fence), "code block"))
        return self.blocks, self.dropped
