"""List items for the sentence splitter (reader/sentences.py).

A list item is read as a sentence of its own, with its marker: a new line that
opens an item, a bullet inside a line, or a run of enumerated markers with
consecutive values ("1. 2.", "a) b)", "i. ii.") run into one line.
"""

from __future__ import annotations

import re

# A new line that opens a list item ("* apples", "(2) bar", "iii. Second",
# "B) two", "[2] two") is a boundary; so is a blank line, which ends a
# paragraph, title or item even without a stop (Windows line ends too).
LIST_LINE = re.compile(
    r"\r?\n(?=[ \t\r]*(?:\n|[•⁃▪◦●‣■□*+\-–]|\[\d{1,3}\]"
    r"|\(?(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z])(?:\.\)|[.)])(?=\s)))"
)
# A bullet inside a line opens an item as one at its start does: "• Eggs • Milk".
INLINE_BULLET = re.compile(r"\s(?=[•⁃▪◦●‣■□]\s*\S)")
# Groups: 1, 2 or 3 the label ("(a)", "a." / "a)", "A)": a capital with a
# period is an initial), 4 the first character of the item.
_LIST_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?:[•⁃*\-–]\s?)?(?:\((\d{1,3}|[a-zA-Z]|[ivx]{2,5})\)|(\d{1,3}|[a-z]|[ivx]{2,5})(?:\.\)|\)|\.)|([A-Z])\))(?=\s+(\S))"
)
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10}
# What a marker can count as: a number, a letter, a Roman numeral ("i" is the
# ninth letter or one; the run it continues decides).
Value = tuple[str, int]


def list_markers(text: str) -> list[re.Match[str]]:
    """Item markers of an enumerated list (1. 2. / a) b) / (i) (ii) / • 9. • 10.) with consecutive values.

    A list opens at the start, after a bullet, or after a colon or a sentence
    end: "Chapter 1. ... Chapter 2." and "am 1. Januar ... am 2. Januar" are no
    list. Letters with a bare period need a run of three: "a." and "b." alone
    are as likely abbreviation parts or initials.
    """
    best: list[re.Match[str]] = []
    chain: list[re.Match[str]] = []
    last: frozenset[Value] = frozenset()
    for match in _LIST_MARKER.finditer(text):
        if match.group(0).endswith(")") and not match.group(4).isupper():
            # "steps: 1) mix, 2) bake" and "(a) yes; (b) no" enumerate inside a sentence;
            # "1) The first item 2) The second item" are items
            continue
        values = _marker_values(match.group(1) or match.group(2) or match.group(3))
        following = frozenset((kind, n) for kind, n in values if (kind, n - 1) in last)
        if chain and following:
            chain.append(match)
            last = following
        else:
            chain = [match] if _opens_list(text, match) else []
            last = values
        if len(chain) > len(best):
            best = list(chain)
    bare_letters = (
        bool(best) and (best[0].group(2) or "").isalpha() and best[0].group(0).endswith(".")
    )
    return best if len(best) >= (3 if bare_letters else 2) else []


def _opens_list(text: str, marker: re.Match[str]) -> bool:
    before = text[max(0, marker.start() - 3) : marker.start()].rstrip()
    bullet = marker.group(0)[0] not in "(" and not marker.group(0)[0].isalnum()
    return not before or bullet or before[-1] in ":.!?;"


def _marker_values(label: str) -> frozenset[Value]:
    if label.isdigit():
        return frozenset({("number", int(label))})
    kind = "letter" if label.islower() else "capital"
    values = {(kind, ord(label.lower()) - ord("a"))} if len(label) == 1 else set()
    if _ROMAN.fullmatch(label):
        values.add(("roman", _roman_value(label)))
    return frozenset(values)


def _roman_value(label: str) -> int:
    digits = [_ROMAN_DIGITS[c] for c in label]
    # a smaller digit before a larger one is subtracted: "iv", "ix"
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0], strict=True))
