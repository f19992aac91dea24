"""A table of contents on a page saved as text: its entries come back as the body's headings.

A long article often opens with a list of its own section headings ("In this
article: Dynamic pricing, Churn prediction, ...") and then prints each of them
again above its section. Counted naively both copies are "repeated on the
page", like a menu printed in the header and again in the footer, and the
body loses every subheading. The two differ in where the copies fall: a
menu's second copy is again a run of short lines, while the headings of a
table of contents come back one by one, in the same order, each followed by
the section's paragraphs. Those later copies are the article's headings; the
list itself is not read, but it is part of the article's page (often between
its standfirst and its first section), so it does not count against the body
as a menu would.
"""

from __future__ import annotations

from dataclasses import replace

from .lines import Line

_MIN_ENTRIES = 3
_MAX_ENTRY_TOKENS = 25
_SPREAD_SHARE = 0.6
"""Most entries come back with a paragraph between them and the next one."""


def restore_headings(lines: list[Line]) -> list[Line]:
    """The lines, with the later copies of a table of contents' entries no longer counted as repeats."""
    headings: set[int] = set()
    listed: set[int] = set()
    for run in _candidate_runs(lines):
        later = _later_copies(lines, run)
        if later is not None and _spread(lines, later):
            headings.update(later)
            listed.update(run)
    if not headings:
        return lines
    out = [replace(line, repeated=1, contents_entry=True) if i in headings else line for i, line in enumerate(lines)]
    return [replace(line, contents_list=True) if i in listed else line for i, line in enumerate(out)]


def _entry(line: Line) -> bool:
    return line.repeated > 1 and not line.prose and 1 <= line.tokens <= _MAX_ENTRY_TOKENS


def _candidate_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of consecutive short lines that all occur again on the page."""
    runs, current = [], []
    for index, line in enumerate(lines):
        # The first heading of the body can follow the list directly: a copy ends the run.
        if current and (not _entry(line) or any(lines[i].text.casefold() == line.text.casefold() for i in current)):
            runs.append(current)
            current = []
        if _entry(line):
            current.append(index)
    runs.append(current)
    return [run for run in runs if len(run) >= _MIN_ENTRIES]


def _later_copies(lines: list[Line], run: list[int]) -> list[int] | None:
    """For each entry, its next copy after the run, all in the run's order; None if they are not."""
    keys = [lines[i].text.casefold() for i in run]
    copies, position = [], run[-1] + 1
    for key in keys:
        found = next((j for j in range(position, len(lines)) if lines[j].text.casefold() == key), None)
        if found is None:
            return None
        copies.append(found)
        position = found + 1
    return copies


def _spread(lines: list[Line], copies: list[int]) -> bool:
    """The copies are headings of sections: a paragraph lies between most of them."""
    gaps = [any(line.prose for line in lines[a + 1 : b]) for a, b in zip(copies, copies[1:])]
    return sum(gaps) >= _SPREAD_SHARE * len(gaps)
