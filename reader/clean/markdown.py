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
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    pending: list[str] = []
    pending_kind = BlockKind.PARAGRAPH
    fence: list[str] | None = None
    seen_title = False

    def flush() -> None:
        nonlocal pending
        joined = strip_inline(" ".join(pending))
        if joined:
            blocks.append(Block(pending_kind, joined))
        pending = []

    for line in lines:
        if fence is not None:
            if _FENCE.match(line):
                dropped.append(Dropped("\n".join(fence), "code block"))
                fence = None
            else:
                fence.append(line)
            continue
        if _FENCE.match(line):
            flush()
            fence = []
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            is_title = len(heading.group(1)) == 1 and not seen_title
            seen_title = seen_title or is_title
            text = strip_inline(heading.group(2))
            if text:
                blocks.append(Block(BlockKind.TITLE if is_title else BlockKind.HEADING, text))
            continue
        if _SETEXT.match(line) and len(pending) == 1 and pending_kind is BlockKind.PARAGRAPH:
            is_title = line.strip().startswith("=") and not seen_title
            seen_title = seen_title or is_title
            text = strip_inline(pending[0])
            pending = []
            blocks.append(Block(BlockKind.TITLE if is_title else BlockKind.HEADING, text))
            continue
        if not line.strip() or _RULE.match(line) or _TABLE_RULE.match(line) or _LINK_DEF.match(line):
            flush()
            pending_kind = BlockKind.PARAGRAPH
            continue
        item = _LIST.match(line)
        quote = _QUOTE.match(line)
        if item:
            flush()
            pending_kind = BlockKind.LIST_ITEM
            pending.append(item.group(1))
        elif quote:
            if pending_kind is not BlockKind.QUOTE:
                flush()
            pending_kind = BlockKind.QUOTE
            if quote.group(1).strip():
                pending.append(quote.group(1))
            else:
                flush()
        elif line.lstrip().startswith("|"):
            flush()
            cells = [strip_inline(c) for c in line.strip().strip("|").split("|")]
            blocks.append(Block(BlockKind.PARAGRAPH, ", ".join(c for c in cells if c)))
        else:
            pending.append(line)
    flush()
    if fence is not None and fence:
        dropped.append(Dropped("\n".join(fence), "code block"))
    return blocks, dropped
