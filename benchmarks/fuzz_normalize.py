"""Fuzz ``Normalizer().sentence`` for a fixed time, outside the test suite.

    .venv/bin/python benchmarks/fuzz_normalize.py [SECONDS]   # default 300

Hypothesis generates sentences from number-like pieces (currencies, units,
dates, times, fractions, phone numbers, Unicode digits and symbols) and
arbitrary text; every one must normalize without an exception, with each
rewrite's original at its own place in the input and no span cut in a word.
Runs batches with fresh seeds until the time is up; prints every distinct
failure (shrunk) and a count of sentences tried.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.normalize import Normalizer, speakable

PIECES = [
    "$", "€", "£", "₩", "R$", "US$", "CHF", "kr", "zł", "%", "°C", "º", "km", "KG", "TB", "-", "−", "–", "—", "/",
    ".", ",", ":", "#", "+", "(", ")", "[", "]", "[1]", "[a]", "1.", "2)", "½", "¾", "⅞", "am", "p.m.", "GMT", "est",
    "billion", "billionaire", "million", "bn", "B", "k", "Jan.", "july", "sept.", "St.", "Q3", "FY", "A320",
    "Boeing", "911", "112", "+44", "0", "00", "1st", "21th", "III", "1990s", "'80s", "x", "e.s.t", "٣", "१२", "𝟙",
]  # fmt: skip
pieces = st.one_of(
    st.sampled_from(PIECES),
    st.from_regex(r"[0-9]{1,6}([.,:/-][0-9]{1,4}){0,3}", fullmatch=True),
    st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True),
    st.text(max_size=6),
)
sentences = st.lists(st.tuples(pieces, st.sampled_from(["", " ", " ", "  "])), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def check(normalizer: Normalizer, text: str) -> None:
    spoken, rewrites = normalizer.sentence(text)
    cleaned = speakable(text)
    assert isinstance(spoken, str)
    last_end = 0
    for r in sorted(rewrites, key=lambda r: r.start):
        assert cleaned[r.start : r.end] == r.original, (r, cleaned)
        assert r.start >= last_end, ("overlap", r)
        last_end = r.end
        assert not (r.start > 0 and cleaned[r.start - 1].isalnum() and cleaned[r.start].isalnum()), ("cut", r)
        assert not (r.end < len(cleaned) and cleaned[r.end - 1].isalnum() and cleaned[r.end].isalpha()), ("cut", r)


def run(seconds: float) -> int:
    normalizer = Normalizer()
    tried, failures = 0, {}
    deadline = time.monotonic() + seconds

    @settings(max_examples=2000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(sentences)
    def batch(text: str) -> None:
        nonlocal tried
        tried += 1
        try:
            check(normalizer, text)
        except Exception as exc:
            raise AssertionError(f"{text!r}: {type(exc).__name__}: {exc}") from exc

    while time.monotonic() < deadline:
        batch._hypothesis_internal_use_seed = random.getrandbits(64)
        try:
            batch()
        except Exception as exc:  # noqa: BLE001 -- any failure, shrunk by hypothesis, is recorded and the run goes on
            failures.setdefault(f"{type(exc).__name__}: {str(exc)[:300]}", 0)
            failures[f"{type(exc).__name__}: {str(exc)[:300]}"] += 1
    print(f"fuzz: {tried} sentences in {seconds:.0f} s, {len(failures)} distinct failures")
    for failure, count in failures.items():
        print(f"  x{count} {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run(float(sys.argv[1]) if len(sys.argv) > 1 else 300.0))
