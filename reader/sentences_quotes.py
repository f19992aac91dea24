"""Quotations (and bracketed asides) in a line of text, for the sentence splitter.

A quotation is kept whole as one utterance ('"We are ready. We will win," he
said.'), so the splitter needs the spans of the quotations. Straight quotes
("), doubled ('') and single (') marks look the same when they open and when
they close: if a line has an odd number of one kind, the pairing is unknown (a
paragraph that starts inside a quote, a stray apostrophe) and that kind gives
no spans. Every pass is linear in the line.
"""

from __future__ import annotations

import re

MAX_SPAN = 600  # longer "quotations" are more likely mismatched marks than speech

# A single mark that is a quote, not an apostrophe: not inside a word
# ("they'll"), not a clipped word or decade ("'s", "'90s").
_SINGLE = re.compile(
    r"(?<!')`|(?<![\w'’])'(?!')(?!(?:s|re|ll|ve|d|m|t|\d\d)s?\b)|(?<=[\w.,;:!?)])'(?![\w'])"
)
_SYMMETRIC = (re.compile(r'"'), re.compile(r"''|``"), _SINGLE)
_PAIRS = {"“": "”", "„": "“”", "«": "»", "‘": "’"}
_ASYMMETRIC = re.compile(r"[“”„«»‘]|(?<!\w)’|’(?!\w)")
# "'' , and" / "' ." close a quote; "'' ... what" opens one with an ellipsis.
_BRACKETS = {")": "(", "]": "[", "}": "{", "）": "（", "」": "「", "》": "《", "〉": "〈"}
_BRACKET = re.compile(r"[()\[\]{}（）「」《》〈〉]")
_CLOSING_PUNCTUATION = re.compile(r"\s*(?:[,;:!?)\]]|\.(?!\.))")


def quote_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation found, sorted by start."""
    spans: list[tuple[int, int]] = []
    for pattern in _SYMMETRIC:
        marks = list(pattern.finditer(line))
        if len(marks) % 2 == 0:
            spans.extend(_pair_symmetric(line, marks))
    spans.extend(_pair_asymmetric(line))
    spans.extend(_pair_brackets(line))
    return sorted(spans)


def mark_positions(line: str) -> dict[str, list[int]]:
    """Where each symmetric mark ('"', "''", "'") stands in the line, for counting by bisection."""
    return {
        kind: [m.start() for m in pattern.finditer(line)]
        for kind, pattern in zip(('"', "''", "'"), _SYMMETRIC, strict=True)
    }


def _pair_brackets(line: str) -> list[tuple[int, int]]:
    """Brackets pair like nested quotes: '(He left. She stayed.) are used' is one
    aside inside a sentence. A closer without its opener ("1)", ":)") pairs with nothing."""
    spans = []
    stack: list[re.Match[str]] = []
    for mark in _BRACKET.finditer(line):
        char = mark.group()
        if char not in _BRACKETS:
            stack.append(mark)
            continue
        while stack and stack[-1].group() != _BRACKETS[char]:
            stack.pop()  # an opener never closed inside this pair: "(a [b) c"
        if stack:
            opening = stack.pop()
            if mark.start() - opening.end() <= MAX_SPAN:
                spans.append((opening.start(), mark.end()))
    return spans


def _may_open(line: str, mark: re.Match[str]) -> bool:
    """An opening mark follows a space or bracket and is not followed by closing punctuation."""
    start = mark.start()
    after_space = start == 0 or line[start - 1] in " \t([{"
    return after_space and not _CLOSING_PUNCTUATION.match(line, mark.end())


def _pair_symmetric(line: str, marks: list[re.Match[str]]) -> list[tuple[int, int]]:
    spans = []
    opening: re.Match[str] | None = None
    for mark in marks:
        if opening is not None and mark.start() - opening.end() <= MAX_SPAN:
            spans.append((opening.start(), mark.end()))
            opening = None
        elif _may_open(line, mark):
            opening = mark
        else:
            opening = None
    return spans


def _pair_asymmetric(line: str) -> list[tuple[int, int]]:
    spans = []
    opening: re.Match[str] | None = None
    for mark in _ASYMMETRIC.finditer(line):
        char = mark.group()
        if opening is not None and char in _PAIRS[opening.group()]:
            if mark.start() - opening.end() <= MAX_SPAN:
                spans.append((opening.start(), mark.end()))
            opening = None
        elif char in _PAIRS:
            opening = mark
    return spans
