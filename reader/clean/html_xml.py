"""trafilatura's XML reading as the article's blocks: headings, paragraphs, list items, quotes, table rows.

trafilatura writes what it keeps as XML (<head>, <p>, <list>/<item>, <quote>,
<table>/<row>/<cell>, <lb/> for line breaks). Its quirks are undone here: a
paragraph written twice (once inside its unclosed parent), a run of teaser
headings, the headline repeated as the first block.
"""

from __future__ import annotations

from lxml import etree

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind
from .lines import count_tokens
from .text import collapse

_MIN_WORDS = 12
"""Fewer words than this is a menu or a stub, not an article."""
_TEASER_RUN = 3
_COPY_MIN_WORDS = 3
_BLOCK_TAGS = {"head": BlockKind.HEADING, "p": BlockKind.PARAGRAPH, "item": BlockKind.LIST_ITEM}


def xml_to_article(xml: str) -> Article:
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    title = collapse(doc.get("title") or "")
    blocks = _drop_nested_copies(_drop_heading_runs(list(_blocks(main if main is not None else doc))))
    if title:  # the headline is said once, as the title: after a kicker, or flattened into a table row
        # compared without spaces: trafilatura's title and its block join nested text differently
        first = next((i for i, b in enumerate(blocks) if _squeezed(b.text) == _squeezed(title)), None)
        blocks = blocks if first is None else blocks[:first] + blocks[first + 1 :]
    if not title and blocks and blocks[0].kind is BlockKind.HEADING:
        title, blocks = blocks[0].text, blocks[1:]
    # Words as the text cleaner counts them: a CJK text has no spaces, every two characters are a word.
    if sum(count_tokens(b.text)[0] for b in blocks) < _MIN_WORDS:
        raise ExtractionError(
            "No article text found in the HTML page, only a few words of menus or links. "
            "Use --keep-all to narrate all of its text anyway."
        )
    return Article(
        title=title,
        blocks=tuple(blocks),
        byline=doc.get("author") or None,
        date=doc.get("date") or None,
        site=doc.get("sitename") or None,
        url=doc.get("url") or None,
        language=doc.get("language") or None,
    )


def _blocks(element: etree._Element, inside_quote: bool = False):
    for child in element:
        tag = child.tag
        if tag == "quote" and not any(c.tag in _BLOCK_TAGS for c in child):
            yield from _lines(BlockKind.QUOTE, child)
        elif tag in ("quote", "list"):
            yield from _blocks(child, inside_quote or tag == "quote")
        elif tag in ("table", "row"):
            yield from _table_blocks(child)
        elif tag in _BLOCK_TAGS:
            kind = BlockKind.QUOTE if inside_quote and tag == "p" else _BLOCK_TAGS[tag]
            yield from _lines(kind, child)
        elif len(child):
            yield from _blocks(child, inside_quote)
        else:  # code, verse, stray text: keep it
            yield from _lines(BlockKind.PARAGRAPH, child)
        if child.tail and (tail := collapse(child.tail)):
            yield Block(BlockKind.PARAGRAPH, tail)


def _table_blocks(table: etree._Element):
    """A paragraph per row, its cells joined by commas; every text node is read once.

    Unclosed cells nest a table in the cell before it, as deep as the page
    goes. Each row gets only the cells whose nearest row it is, and each cell
    only its own text, never a nested table's: that table's rows are
    paragraphs of their own. (Reading every row's text with itertext read a
    sentence once per table around it: 741 times on a 3 KB page.)
    """
    for row in table.iter("row"):  # includes ``table`` itself when it is a row
        cells = [collapse("".join(_own_text(cell))) for cell in _row_cells(row)]
        if text := ", ".join(cell for cell in cells if cell):
            yield Block(BlockKind.PARAGRAPH, text)


def _row_cells(row: etree._Element):
    """The cells of ``row`` itself, not those of rows nested inside it."""
    stack = list(reversed(row))
    while stack:
        node = stack.pop()
        if node.tag == "cell":
            yield node
        elif node.tag != "row":
            stack.extend(reversed(node))


def _own_text(element: etree._Element) -> list[str]:
    """The element's text without nested tables and rows (their tails, outside them, kept)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("table", "row"):
            parts.extend(_own_text(child))
        parts.append(child.tail or "")
    return parts


def _lines(kind: BlockKind, element: etree._Element):
    """The element's text as blocks, one per line break (<lb/>) inside it."""
    for line in "".join(_text_with_breaks(element)).split("\n"):
        if text := collapse(line):
            yield Block(kind, text)


def _text_with_breaks(element: etree._Element):
    yield element.text or ""
    for child in element:
        if child.tag == "lb":
            yield "\n"
        else:
            yield from _text_with_breaks(child)
        yield child.tail or ""


def _drop_nested_copies(blocks: list[Block]) -> list[Block]:
    """Paragraphs that trafilatura also wrote inside the paragraph next to them.

    With a paragraph inside an <article> inside an unclosed <p>, trafilatura
    emits the inner paragraph on its own and again inside its parent's text.
    A paragraph of at least _COPY_MIN_WORDS words whose whole text sits inside
    a longer neighbouring paragraph is that copy (or a pull quote): said once,
    in the neighbour. Equal neighbours are real repeated paragraphs and stay.
    """

    def is_copy(i: int) -> bool:
        block = blocks[i]
        if block.kind is not BlockKind.PARAGRAPH or len(block.text.split()) < _COPY_MIN_WORDS:
            return False
        neighbours = blocks[max(0, i - 1) : i] + blocks[i + 1 : i + 2]
        return any(
            n.kind is BlockKind.PARAGRAPH and len(n.text) > len(block.text) and block.text in n.text
            for n in neighbours
        )

    return [block for i, block in enumerate(blocks) if not is_copy(i)]


def _drop_heading_runs(blocks: list[Block]) -> list[Block]:
    """Three or more headings in a row with no text between are a teaser list."""
    out: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind is BlockKind.HEADING:
            run.append(block)
            continue
        if len(run) < _TEASER_RUN:
            out.extend(run)
        run = []
        if block is not None:
            out.append(block)
    return out


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()
