"""Fill the gaps of trafilatura's precise reading from its default reading; say a copied article once.

Precision mode drops more teasers and link lists, and sometimes a paragraph,
a list or a table of the article itself with them. The default reading keeps
those. A block the default reading has between two blocks both readings
share lies inside the article, so it is put back, unless it is page
furniture; blocks before the first shared block or after the last one stay
out (that is where the teasers precision mode dropped are).

Pages that render their article twice (for phones and for desktops) give
trafilatura both copies; the listener wants one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..types import Article, Block, BlockKind
from .lines import Line, describe

_MAX_GAP_BLOCKS = 8
"""A longer run missing from the precise reading is a widget, not a dropped paragraph."""
_SAID_WORDS = 5
_LONG_WORDS = 10
"""A paragraph this long said again is a copy, not a refrain."""
_MIN_COPIED = 3
_COPIED_SHARE = 0.3
"""A copy repeats much of the article; a summary restating three figures does not."""


def fill_gaps(precise: Article, default: Article) -> Article:
    """``precise`` with the blocks ``default`` has between two blocks they share."""
    at = _positions(precise.blocks, default.blocks)
    if len(at) < 2:
        return precise
    blocks: list[Block] = []
    said = "\n".join(block.text for block in precise.blocks)
    for index, block in enumerate(precise.blocks):
        blocks.append(block)
        here, following = at.get(index), at.get(index + 1)
        if here is not None and following is not None and 1 < following - here <= _MAX_GAP_BLOCKS:
            blocks.extend(b for b in _content(default.blocks[here + 1 : following + 1]) if not _said(b.text, said))
    added = {block.text for block in blocks} - {block.text for block in precise.blocks}
    dropped = tuple(line for line in precise.dropped if line.text not in added)
    return replace(precise, blocks=tuple(blocks), dropped=dropped)


def _said(text: str, said: str) -> bool:
    """Already inside a kept block: the other reading split a paragraph or a list item the kept one joined.

    A short line ("Pros", a product's name) may recur in the text and still be
    a block of its own; a phrase of _SAID_WORDS words or more is a repeat.
    """
    return len(text.split()) >= _SAID_WORDS and text in said


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


def _content(gap: tuple[Block, ...]) -> list[Block]:
    """The gap's paragraphs of running text, and its subheadings over kept text; no widget labels or furniture.

    ``gap`` ends with the shared block after it, which is kept anyway. A
    heading over a score or a price alone (a spec table) or over another
    heading (a table's labels) is left out.
    """
    lines = describe([block.text for block in gap])
    kept = [line.prose and not _widget(line) for line in lines[:-1]] + [True]
    for index in range(len(gap) - 2, -1, -1):
        heading = gap[index].kind is BlockKind.HEADING and lines[index].repeated == 1
        over_text = kept[index + 1] and gap[index + 1].kind is not BlockKind.HEADING
        kept[index] = kept[index] or heading and over_text and not _widget(lines[index])
    return [block for block, keep in zip(gap[:-1], kept) if keep]


def _widget(line: Line) -> bool:
    return line.marker or line.inline_marker or line.legal or line.comments or line.furniture or line.stamp


def drop_copies(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The article once, where the page renders it twice or more (a mobile and a desktop copy).

    When many of the long paragraphs come round again, the page holds copies:
    from the first long repeat on (and the repeated short blocks just before
    it, the copy's opening), every block already said is dropped. Before
    that, short blocks ("Pros", a date) may repeat inside one copy and stay;
    on other pages so do a table's recurring rows and a restating summary.
    """
    counts = Counter(block.text for block in blocks if len(block.text.split()) >= _LONG_WORDS)
    repeated = sum(1 for count in counts.values() if count > 1)
    if repeated < _MIN_COPIED or repeated < _COPIED_SHARE * len(counts):
        return blocks
    seen: set[str] = set()
    copying = False
    out: list[tuple[Block, bool]] = []  # each block, and whether it was said before
    for block in blocks:
        again = block.text in seen
        if again and not copying and len(block.text.split()) >= _LONG_WORDS:
            copying = True
            while out and out[-1][1]:  # the copy's short opening ("Key facts") came just before
                out.pop()
        if not (again and copying):
            out.append((block, again))
        seen.add(block.text)
    return tuple(block for block, _ in out)
