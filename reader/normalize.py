"""Speakable text: the written article turned into what should be said.

This first version makes text safe for every engine: control characters
and zero-width marks removed, Unicode spaces unified, whitespace collapsed.
Reading numbers, money, dates and abbreviations aloud builds on it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .types import Article, Block

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def speakable(text: str) -> str:
    """Text an engine can read without tripping on invisible or control characters."""
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return _SPACES.sub(" ", text).strip()


def normalize_article(article: Article) -> Article:
    """The article with every block (and the title) made speakable; empty blocks dropped."""
    blocks = tuple(
        Block(block.kind, text) for block in article.blocks if (text := speakable(block.text))
    )
    return replace(article, title=speakable(article.title), blocks=blocks)
