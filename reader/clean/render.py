"""Render HTML as the lines a browser shows, one block element per line.

This is the "page saved as text" view of an HTML page: the text cleaner runs
on it to give the HTML cleaner a second opinion, and --keep-all narrates it.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree
from lxml import html as lxml_html

from ..errors import ExtractionError

_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "button"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "td", "th", "ul",
    "caption", "tbody", "thead", "tfoot", "center",
}  # fmt: skip
_NEWLINES = re.compile(r"[ \t]*\n[\s]*")
_INVISIBLE_BLOCKS = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK)), re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.IGNORECASE | re.DOTALL)


def parse_html(html: str) -> etree._Element:
    """An lxml tree of the page; malformed markup is repaired, not refused."""
    # lxml refuses a str that declares its encoding (XHTML pages open with
    # <?xml ... encoding=...?>); the text is decoded already, so the
    # declaration says nothing more.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("The HTML page could not be parsed.") from exc
    return root


def html_to_lines(html: str) -> list[str]:
    """Visible text of the page, one line per block element, blank lines dropped."""
    parts: list[str] = []
    crude = _split(strip_tags(html))
    try:
        _walk(parse_html(html), parts)
    except ExtractionError:
        return crude  # markup lxml cannot take at all: its text is still the page
    lines = _split("".join(parts))
    # libxml2 stops at about 256 levels of nesting and drops the rest of the
    # page; then the tag-stripped text is the better rendering.
    if sum(map(len, lines)) < 0.5 * sum(map(len, crude)):
        return crude
    return lines


def figure_captions(html: str) -> set[str]:
    """The text of every <figcaption>, spaced as rendered lines are."""
    captions = {" ".join(strip_tags(caption).split()) for caption in _FIGCAPTION.findall(html)}
    return captions - {""}


def strip_tags(html: str) -> str:
    """Text of HTML without a parser: scripts and styles removed, block tags as newlines."""
    text = _INVISIBLE_BLOCKS.sub(" ", html)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return unescape(text)


def _split(text: str) -> list[str]:
    text = _NEWLINES.sub("\n", text)
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def _walk(element: etree._Element, parts: list[str]) -> None:
    """Iterative depth-first walk: deep nesting must not hit Python's recursion limit."""
    stack: list[tuple[etree._Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(node.tail or "")
            continue
        if tag in _SKIP or not isinstance(node.tag, str):
            parts.append(node.tail or "")
            continue
        if tag in _BLOCK:
            parts.append("\n")
        parts.append(node.text or "")
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))
