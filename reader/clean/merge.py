"""Fill the gaps of trafilatura's precise reading from its default reading.

Precision mode drops more teasers and link lists, and sometimes a paragraph,
a list or a table of the article itself with them. The default reading keeps
those. A block the default reading has between two blocks both readings
share lies inside the article, so it is put back, unless it is page
furniture; blocks before the first shared block or after the last one stay
out (that is where the teasers precision mode dropped are).
"""

from __future__ import annotations

from dataclasses import replace

from ..types import Article, Block
from .lines import describe

_MAX_GAP_BLOCKS = 8
"""A longer run missing from the precise reading is a widget, not a dropped paragraph."""


def fill_gaps(precise: Article, default: Article) -> Article:
    """``precise`` with the blocks ``default`` has between two blocks they share."""
    at = _positions(precise.blocks, default.blocks)
    if len(at) < 2:
        return precise
    blocks: list[Block] = []
    for index, block in enumerate(precise.blocks):
        blocks.append(block)
        here, following = at.get(index), at.get(index + 1)
        if here is not None and following is not None and 1 < following - here <= _MAX_GAP_BLOCKS:
            blocks.extend(_content(default.blocks[here + 1 : following]))
    return replace(precise, blocks=tuple(blocks))


def _positions(precise: tuple[Block, ...], default: tuple[Block, ...]) -> dict[int, int]:
    """For each precise block, its index in the default reading (in order; unmatched left out)."""
    at: dict[int, int] = {}
    start = 0
    for index, block in enumerate(precise):
        for position in range(start, len(default)):
            if default[position].text == block.text:
                at[index] = start = position
                start += 1
                break
    return at


def _content(blocks: tuple[Block, ...]) -> list[Block]:
    lines = describe([block.text for block in blocks])
    return [block for block, line in zip(blocks, lines) if line.prose and not (line.marker or line.legal or line.comments)]
