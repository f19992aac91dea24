"""Clean an HTML page with trafilatura, keeping its structure.

trafilatura is the best-kept open-source main-content extractor (it leads the
public extraction benchmarks); its XML output keeps headings, paragraphs,
lists and quotes apart, which is what the narration's pauses follow.
"""

from __future__ import annotations

import logging

from lxml import etree

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind
from .text import collapse

_LOGGER = logging.getLogger(__name__)
_MAX_HTML_CHARS = 20 * 1024 * 1024
_MIN_WORDS = 12
"""Fewer words than this is a menu or a stub, not an article."""
_BLOCK_TAGS = {"head": BlockKind.HEADING, "p": BlockKind.PARAGRAPH, "item": BlockKind.LIST_ITEM}


def clean_html(html: str, *, url: str | None = None) -> Article:
    """Title, byline, date and body blocks of an HTML article."""
    import trafilatura

    if len(html) > _MAX_HTML_CHARS:
        raise ExtractionError("The HTML page is too large to be an article.")
    # trafilatura logs its own parse trouble at ERROR level; the user sees ours.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parse errors
        raise ExtractionError(f"The HTML page could not be parsed ({type(exc).__name__}).") from exc
    if not xml:
        raise ExtractionError(
            "No article text found in the HTML page (it may be an index, a login wall or an "
            "error page). Use --keep-all to narrate all of its text anyway."
        )
    return _xml_to_article(xml)


def _xml_to_article(xml: str) -> Article:
    doc = etree.fromstring(xml.encode("utf-8"))
    main = doc.find("main")
    title = collapse(doc.get("title") or "")
    blocks = list(_blocks(main if main is not None else doc))
    if title and blocks and blocks[0].kind is BlockKind.HEADING and _same(blocks[0].text, title):
        blocks = blocks[1:]
    if not title and blocks and blocks[0].kind is BlockKind.HEADING:
        title, blocks = blocks[0].text, blocks[1:]
    if sum(len(b.text.split()) for b in blocks) < _MIN_WORDS:
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
        if tag == "quote":
            text = collapse("".join(child.itertext()))
            if len(child) and any(c.tag in _BLOCK_TAGS for c in child):
                yield from _blocks(child, inside_quote=True)
            elif text:
                yield Block(BlockKind.QUOTE, text)
        elif tag == "list":
            yield from _blocks(child, inside_quote)
        elif tag in _BLOCK_TAGS:
            text = collapse("".join(child.itertext()))
            if text:
                kind = BlockKind.QUOTE if inside_quote and tag == "p" else _BLOCK_TAGS[tag]
                yield Block(kind, text)
        elif len(child):
            yield from _blocks(child, inside_quote)


def _same(a: str, b: str) -> bool:
    return collapse(a).casefold() == collapse(b).casefold()


def visible_text(html: str) -> str:
    """All text a browser would show, one block per line (for --keep-all)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("The HTML page could not be parsed.") from exc
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = []
    for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "td", "pre"):
        text = collapse(element.text_content())
        if text:
            blocks.append(text)
    return "\n".join(blocks) if blocks else collapse(root.text_content())
