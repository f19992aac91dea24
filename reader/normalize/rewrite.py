"""What every normalizer shares: the record of one rewrite, and text an engine can read."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])|([(\[])\s+")


@dataclass(frozen=True)
class Rewrite:
    """One reading: what was written, what will be said, and which rule said so."""

    original: str
    spoken: str
    rule: str
    start: int = 0
    """Where the original stands in the (cleaned) sentence."""
    end: int = 0


def speakable(text: str) -> str:
    """Text an engine can read without tripping on invisible or control characters."""
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return SPACES.sub(" ", text).strip()
