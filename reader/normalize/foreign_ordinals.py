"""Ordinals written with a language's marker: "3. Liga", "2e", "3ª", "1.º", "3e", "3-й"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .foreign_forms import slavic_ordinal, words
from .foreign_words import Language

if TYPE_CHECKING:
    from .foreign import Reader


# Ordinals ---------------------------------------------------

_ORDINALS = {
    "de": r"(?P<n>\d{1,4})\.(?= [A-ZÄÖÜ])",
    "pl": r"(?P<n>\d{1,4})\.(?= [^\W\d_])",
    "fr": r"(?P<n>\d{1,4})(?P<s>ère|ème|ᵉʳ|ʳᵉ|er|re|nde|nd|e|è|ᵉ)(?!\w)",
    "es": r"(?P<n>\d{1,4})\.?(?P<s>º|ª|er)(?!\w)",
    "it": r"(?P<n>\d{1,4})(?P<s>º|ª)",
    "pt": r"(?P<n>\d{1,4})\.?(?P<s>º|ª)",
    "nl": r"(?P<n>\d{1,4})(?P<s>ste|de|e)(?!\w)",
    "uk": r"(?P<n>\d{1,4})-(?P<s>ого|ому|го|му|ий|ій|ої|й|а|я|е|є)(?!\w)",
}
_UK_CASES = {
    "й": "nom",
    "ий": "nom",
    "ій": "nom",
    "го": "gen",
    "ого": "gen",
    "му": "loc",
    "ому": "loc",
    "а": "fem",
    "я": "fem",
    "е": "neut",
    "є": "neut",
    "ої": "femgen",
}
_FR_FEMININE = {"premier": "première", "second": "seconde"}


def ordinal_pattern(lang: Language, number: str) -> str:
    return r"(?<![\w.,])" + _ORDINALS[lang.code]


def read_ordinal(reader: Reader, match: re.Match[str]) -> str | None:
    number, code = int(match.group("n")), reader.code
    suffix = match.groupdict().get("s") or ""
    if code == "de":
        from .foreign_rules import (
            _de_ordinal,  # the date rule shares the German endings
        )

        return _de_ordinal(number, reader.previous_word(match), masculine=False)
    if code == "uk":
        return slavic_ordinal(number, code, _UK_CASES[suffix])
    spoken = words(number, code, "ordinal")
    if spoken is None:
        return None
    if code == "fr" and suffix in ("nd", "nde") and number == 2:
        spoken = "second"
    if code == "fr" and suffix in ("re", "ère", "ʳᵉ", "nde"):
        return _FR_FEMININE.get(spoken, spoken)
    if suffix == "ª":  # "vigésima primera", "prima", "primeira"
        return " ".join(w[:-1] + "a" if w.endswith("o") else w for w in spoken.split())
    if suffix == "er":  # "1.er" -> "primer", "3.er" -> "tercer"
        return re.sub(r"(?<=prim|terc)ero$", "er", spoken)
    return spoken
