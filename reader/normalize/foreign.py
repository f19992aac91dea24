"""Numbers read in the article's own language (issue 9): German, French, Spanish,
Italian, Portuguese, Dutch, Polish and Ukrainian.

Same contract as the English ``Normalizer.sentence``: the sentence after
``speakable``, each number-like span claimed once by the first rule that
reads it (dates before times before money before plain numbers), rewrites
recorded with positions in that string. A language outside ``SUPPORTED``
passes through with its digits, for the engine's own rules.

Left out, on purpose:
- German ordinals before a noun other than a month take the weak ending
  ("-te"/"-ten" by the article before them); the noun's gender is not known,
  so "3. Platz" without an article is read "dritte Platz", not "dritter".
- Polish and Ukrainian numbers keep the nominative except in dates, years
  with "r."/"року", clock times after "o"/"о", and ranges (genitive).
  "z 5 osobami" stays "z pięć osobami".
- "1°" is not read as an ordinal: the same sign is a degree ("20°C").
- Spanish and Portuguese use the European separators (1.234,5); an
  American-style "1,234.5" in such a text is left as digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..language import language_code
from .foreign_forms import (
    before_noun,
    plural_form,
    words,
)
from .foreign_words import LANGUAGES, Language
from .rewrite import SPACE_BEFORE_PUNCT, SPACES, Rewrite, speakable

SUPPORTED: frozenset[str] = frozenset(LANGUAGES)

_SENTENCE_TAIL = re.compile(r"[\"'”’»)\]]*\s*$")
_PREVIOUS_WORD = re.compile(r"(\w+)\W*$")
Claim = tuple[int, int, str, str]


class ForeignNormalizer:
    """Reads the numbers of one sentence the way a newsreader of ``language`` would."""

    def __init__(self, language: str | None) -> None:
        self.code = language_code(language) or ""
        self.lang: Language | None = LANGUAGES.get(self.code)
        self._rules = _rules(self.lang) if self.lang else ()

    def sentence(self, text: str) -> tuple[str, list[Rewrite]]:
        """The spoken form of one sentence and the rewrites that made it."""
        text = speakable(text)
        if self.lang is None:
            return text, []
        pieces, rewrites, position = [], [], 0
        for start, end, spoken, rule in sorted(self._claims(text)):
            original = text[start:end]
            if (
                original.endswith(".")
                and not spoken.endswith(".")
                and _SENTENCE_TAIL.fullmatch(text, end)
            ):
                spoken += (
                    "."  # the abbreviation's period ("2024 r.") also ended the sentence
                )
            # Pad with a space only where the words would otherwise run together.
            left = " " if start > 0 and text[start - 1].isalnum() else ""
            right = " " if end < len(text) and text[end].isalnum() else ""
            pieces += [text[position:start], f"{left}{spoken.strip()}{right}"]
            rewrites.append(Rewrite(original, spoken.strip(), rule, start, end))
            position = end
        pieces.append(text[position:])
        spoken_text = SPACE_BEFORE_PUNCT.sub(
            r"\1\2", SPACES.sub(" ", "".join(pieces))
        ).strip()
        return spoken_text, rewrites

    def _claims(self, text: str) -> list[Claim]:
        taken = bytearray(len(text))
        claims: list[Claim] = []
        for name, pattern, read in self._rules:
            for match in pattern.finditer(text):
                start, end = match.span()
                if start == end or any(taken[start:end]):
                    continue
                spoken = read(Reader(self.lang, text), match)
                if spoken:
                    taken[start:end] = b"\x01" * (end - start)
                    claims.append((start, end, spoken, name))
        return claims


class Reader:
    """The readings of one language, with the sentence at hand for context."""

    def __init__(self, lang: Language, text: str) -> None:
        self.lang, self.code, self.text = lang, lang.code, text

    def previous_word(self, match: re.Match[str], group: int | str = 0) -> str:
        start = match.start(group)
        # A bounded look back: searching from the sentence's start would make a long line quadratic.
        found = _PREVIOUS_WORD.search(self.text[max(0, start - 40) : start])
        return found.group(1).lower() if found else ""

    def number(self, written: str, negative: bool = False) -> str | None:
        """'1.234,5' -> 'tausendzweihundertvierunddreißig Komma fünf' (in German)."""
        whole, _, fraction = written.partition(",")
        whole = re.sub(r"\D", "", whole)
        if len(whole) > 1 and whole.startswith("0"):
            return None  # "007", a code: the engine reads its digits
        spoken = words(int(whole), self.code)
        if spoken is None:
            return None
        if fraction:
            spoken += f" {self.lang.point} {self.fraction(fraction)}"
        return f"{self.lang.minus} {spoken}" if negative else spoken

    def fraction(self, digits: str) -> str:
        # German reads decimals digit by digit ("drei Komma eins vier"); the
        # others say short ones as a number ("trois virgule quatorze").
        if (
            self.code == "de"
            or len(digits) > 2
            or digits.startswith("0")
            and len(digits) > 1
        ):
            return " ".join(words(int(d), self.code) or d for d in digits)
        return words(int(digits), self.code) or digits

    def counted(
        self,
        written: str,
        forms: tuple[str, ...],
        feminine: bool = False,
        negative: bool = False,
        apocope: bool = True,
    ) -> str | None:
        """A number and its noun: 'ein Prozent', 'dwa złote', 'vingt et une livres'."""
        spoken = self.number(written, negative)
        if spoken is None:
            return None
        if (
            "," in written
        ):  # a fraction takes the plural (de, romance) or genitive singular (pl, uk)
            return f"{spoken} {forms[3] if len(forms) > 3 else forms[-1]}"
        whole = int(re.sub(r"\D", "", written))
        spoken = (
            before_noun(spoken, self.code, feminine) if apocope or feminine else spoken
        )
        return f"{spoken} {plural_form(whole, forms[:3])}"


def _rules(
    lang: Language,
) -> tuple[
    tuple[str, re.Pattern[str], Callable[[Reader, re.Match[str]], str | None]], ...
]:
    from . import foreign_rules as r

    number = r.number_pattern(lang)
    return tuple(
        (name, re.compile(build(lang, number)), read)
        for name, build, read in (
            ("date", r.numeric_date_pattern, r.read_numeric_date),
            ("date", r.date_pattern, r.read_date),
            ("time", r.time_pattern, r.read_time),
            ("range", r.range_pattern, r.read_range),
            ("money", r.money_pattern, r.read_money),
            ("percent", r.percent_pattern, r.read_percent),
            ("year", r.year_pattern, r.read_year),
            ("ordinal", r.ordinal_pattern, r.read_ordinal),
            ("number", r.cardinal_pattern, r.read_cardinal),
        )
    )


__all__ = ["SUPPORTED", "ForeignNormalizer", "Reader"]
