"""Clean: find the readable article in a :class:`Source`.

One cleaner per input kind, each a module with a ``clean_*`` function that
takes the source text and returns an :class:`Article`.
"""

from __future__ import annotations

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind, InputKind, Source
from .html import clean_html
from .markdown import clean_markdown, has_front_matter
from .text import clean_text, collapse

__all__ = ["clean", "clean_html", "clean_markdown", "clean_text", "keep_everything"]


def clean(source: Source, *, keep_all: bool = False) -> Article:
    """Return the article in ``source``; with ``keep_all``, every line of it."""
    if keep_all and source.kind is not InputKind.MARKDOWN:
        article = keep_everything(source)
    elif source.kind is InputKind.HTML:
        article = clean_html(source.text, url=source.url)
    elif source.kind is InputKind.MARKDOWN or has_front_matter(source.text):
        # Front matter marks a Markdown document even where nothing else does
        # (stdin has no file name, and plain paragraphs look like text).
        article = clean_markdown(source.text)
    else:
        article = clean_text(source.text)
    if not article.blocks and not article.title:
        raise ExtractionError(f"{_label(source)}: no article text found to narrate.")
    if source.url and not article.url:
        article = _with_url(article, source.url)
    return article


def keep_everything(source: Source) -> Article:
    """Every non-blank line as a paragraph (HTML: all visible text), nothing judged."""
    text = source.text
    if source.kind is InputKind.HTML:
        from .html import visible_text

        text = visible_text(text)
    lines = [collapse(line) for line in text.split("\n")]
    blocks = tuple(Block(BlockKind.PARAGRAPH, line) for line in lines if line)
    return Article(title="", blocks=blocks, url=source.url)


def _with_url(article: Article, url: str) -> Article:
    from dataclasses import replace

    return replace(article, url=url)


def _label(source: Source) -> str:
    return source.url or ("standard input" if source.name == "-" else source.name)
