"""Speakable text: each sentence rewritten the way a newsreader says it.

Numbers, money, dates, times, units, abbreviations, initialisms, Roman
numerals, URLs and symbols are rewritten by the rules in ``rules.py``; the
pronunciation lexicon (``lexicon.py``) goes first. Every rewrite is recorded
(original -> spoken) for ``reader script --explain``. Rules run on single
sentences, after the split, so that a period that ends a sentence ("in the
U.S.") still ends it. Text that is not English passes through unchanged but
for invisible and control characters.
"""

from __future__ import annotations

import functools
import re

from ..types import Script
from .lexicon import Lexicon, find_lexicon, load_lexicon
from .rewrite import SPACE_BEFORE_PUNCT, SPACES, Rewrite, speakable
from .rules import RULES, Rule, _capitals
from .words import ACRONYMS

__all__ = ["Lexicon", "Normalizer", "Rewrite", "find_lexicon", "load_lexicon", "normalize_script", "speakable"]

_SENTENCE_TAIL = re.compile(r"[\"'”’»)\]]*\s*$")


class Normalizer:
    """Rewrites sentences with the rules and one lexicon."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        self._lexicon_pattern = self.lexicon.pattern()
        acronyms = (ACRONYMS | self.lexicon.acronyms) - self.lexicon.initialisms
        self._rules = tuple(
            Rule(r.name, r.pattern, functools.partial(_capitals, acronyms=acronyms)) if r.name == "capitals" else r
            for r in RULES
        )

    def sentence(self, text: str) -> tuple[str, list[Rewrite]]:
        """The spoken form of one sentence and the rewrites that made it."""
        text = speakable(text)
        claims = self._claims(text)
        pieces, rewrites, position = [], [], 0
        for start, end, spoken, rule in sorted(claims):
            original = text[start:end]
            if original.endswith(".") and not spoken.endswith(".") and _SENTENCE_TAIL.fullmatch(text, end):
                spoken += "."  # the abbreviation's period also ended the sentence
            # Pad with a space only where the words would otherwise run together.
            left = " " if start > 0 and text[start - 1].isalnum() else ""
            right = " " if end < len(text) and text[end].isalnum() else ""
            pieces += [text[position:start], f"{left}{spoken.strip()}{right}" if spoken.strip() else " "]
            rewrites.append(Rewrite(original, spoken.strip(), rule, start, end))
            position = end
        pieces.append(text[position:])
        spoken_text = SPACE_BEFORE_PUNCT.sub(r"\1\2", SPACES.sub(" ", "".join(pieces))).strip()
        return spoken_text, rewrites

    def _claims(self, text: str) -> list[tuple[int, int, str, str]]:
        taken = bytearray(len(text))
        claims: list[tuple[int, int, str, str]] = []

        def claim(start: int, end: int, spoken: str | None, rule: str) -> None:
            if spoken is not None and start < end and not any(taken[start:end]) and not _splits_word(text, start, end):
                taken[start:end] = b"\x01" * (end - start)
                claims.append((start, end, spoken, rule))

        if self._lexicon_pattern is not None:
            for match in self._lexicon_pattern.finditer(text):
                claim(match.start(), match.end(), self.lexicon.lookup(match.group(0)), "lexicon")
        for rule in self._rules:
            for match in _free_matches(rule.pattern, text, taken):
                claim(match.start(), match.end(), rule.speak(match, text), rule.name)
        return claims


def _free_matches(pattern: re.Pattern[str], text: str, taken: bytearray):
    """The pattern's matches that overlap no claimed span, left to right.

    A match that starts inside a claimed span is searched again from that span's end, so that a
    claim does not hide what follows it ("May 5 200 people": the date takes "May 5", and "5 200"
    must not hide "200"). Each search starts past the last, so the scan stays linear.
    """
    position = 0
    while position <= len(text):
        match = pattern.search(text, position)
        if match is None:
            return
        start, end = match.start(), match.end()
        if start < len(text) and taken[start]:
            free = taken.find(0, start)
            position = free if free >= 0 else len(text) + 1
            continue
        if not any(taken[start:end]):
            yield match
        position = end if end > start else start + 1


def _splits_word(text: str, start: int, end: int) -> bool:
    """A span that starts or ends inside a word would cut it ("$2 billion|aire"): never rewritten."""
    cuts_left = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    cuts_right = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return cuts_left or cuts_right


def normalize_script(
    script: Script, normalizer: Normalizer | None = None, *, language: str | None = None
) -> tuple[Script, list[list[Rewrite]]]:
    """The script as it will be spoken with the English rules (``language`` other than English:
    as written), and each kept sentence's rewrites; ``reader.speakable`` picks by language."""
    from ..speakable import AsWritten, speak_script

    english = language in (None, "en")
    return speak_script(script, (normalizer or Normalizer()) if english else AsWritten())
