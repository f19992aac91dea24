"""Hostile inputs that made the cleaners quadratic: each must stay fast.

Every input is large enough that the quadratic code took over 10 seconds on
it, while the linear code takes well under half a second; the bound of 3
seconds is far from both, so the tests are not sensitive to a slow machine.
"""

import time

import pytest

from reader.clean.lines import describe
from reader.clean.text import clean_text
from reader.errors import ExtractionError

_BOUND = 3.0


def _seconds(function, *args) -> float:
    start = time.perf_counter()
    try:
        function(*args)
    except ExtractionError:
        pass  # no article is an answer too; the time is what is tested
    return time.perf_counter() - start


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("=" * 30_000, id="rule-of-equals"),  # 13 s: "No Comments" sought from every '='
        pytest.param("[" * 20_000 + "x" + "]" * 20_000, id="brackets"),  # 12 s, the same
        pytest.param("1" * 50_000 + " x", id="digits"),  # 13 s: "12 comments" sought from every digit
        pytest.param("1/1/11 " * 10_000 + "x", id="dates"),  # 10 s: the rest of the line rescanned after each date
        pytest.param(" " * 30_000 + "x", id="spaces"),  # 21 s: a price sought after every split of the spaces
    ],
)
def test_line_features_are_linear_on_long_runs(line):
    assert _seconds(describe, [line]) < _BOUND


def test_text_page_ending_in_a_long_rule_is_fast():
    # The tester's reproduction: 21 s from the command line.
    page = "Title\n\nSome text here that is fine.\n\n" + "=" * 30_000 + "\n"
    assert _seconds(clean_text, page) < _BOUND


def test_dropped_lines_of_a_long_page_are_found_in_linear_time():
    # second_opinion asks, for each rendered line, whether the kept article holds it:
    # searching the whole joined text for each of 60,000 lines took 9 s.
    from reader.clean.html import _Kept
    from reader.types import Block, BlockKind

    blocks = tuple(Block(BlockKind.PARAGRAPH, f"Sentence number {i} is here.") for i in range(30_000))
    lines = [f"Menu entry {i} of the site" for i in range(30_000)] + [block.text for block in blocks]
    start = time.perf_counter()
    kept = _Kept(blocks)
    assert sum(line in kept for line in lines) == 30_000
    assert time.perf_counter() - start < _BOUND
