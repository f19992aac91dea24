"""Fuzz the sentence splitter: no crash, no lost or duplicated character.

Usage: python benchmarks/fuzz_sentences.py [seconds]   (default 300)

Runs hypothesis on random paragraphs built from the pieces the rules look at
(abbreviations, initials, numbers, list markers, quotes, footnote marks,
ellipses, several scripts) for the given time, in every supported language.
The property: the sentences, joined, hold every non-space character of the
input in order, except the dropped footnote marks, and no sentence is empty or
padded with space.
"""

from __future__ import annotations

import re
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.sentences import split_sentences

LANGUAGES = [None, "en", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "xx"]
_WORDS = (
    "Mr. Dr. St. Jr. U.S. U.S.A. a.m. P.M. Inc. etc. e.g. i.e. No. p. ft. 5 lb. B.C. z. B. u. a. usw. Nr. 3. "
    "März p. ex. M. Sr. Sra. ul. np. м. р. т. д. 1. 2. 10. a. b. c. a) b) 1.) (1) ii. • ⁃ * - "
    "[1] [12] [a] [sic] ... … . . . .... ?! !! ?? "
    "\" ' “ ” ‘ ’ « » ` '' ( ) [ ] The He She They Smith asked said eBay iPhone Augustus word words "
    "der Die il le la 2024 1,000 3.5 $100.00 https://example.com/a.b Jane.Doe@example.com"
)
PIECES = [
    *_WORDS.split(),
    "[citation needed]",
    "[note 3]",
    "[the city]",
    "[clarification needed]",
]
ALPHABET = "aAbBzZ09 .,;:!?…'\"“”‘’«»()[]\n\t-–•⁃*/$@éÄшї中"


def _piece() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(PIECES), st.text(alphabet=ALPHABET, max_size=6))


def _glue() -> st.SearchStrategy[str]:
    return st.sampled_from([" ", " ", "  ", "", "\n", "\t"])


PARAGRAPHS = st.lists(st.tuples(_piece(), _glue()), max_size=40).map(
    lambda xs: "".join(p + g for p, g in xs)
)
_FOOTNOTE = re.compile(
    r"(?<=[\w.,;:!?\"'”’)\]])\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|[a-z]+(?: [a-z]+){0,2} needed)\]",
    re.IGNORECASE,
)


def _check(text: str, language: str | None) -> None:
    sentences = split_sentences(text, language=language)
    assert all(s and s == s.strip() for s in sentences), sentences
    kept = re.sub(r"\s+", "", "".join(sentences))
    assert kept == re.sub(r"\s+", "", _FOOTNOTE.sub("", text)), (
        text,
        language,
        sentences,
    )


def main(seconds: float) -> int:
    deadline = time.monotonic() + seconds
    runs = 0

    @settings(
        max_examples=2000,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(PARAGRAPHS, st.sampled_from(LANGUAGES))
    def fuzz(text: str, language: str | None) -> None:
        _check(text, language)

    while time.monotonic() < deadline:
        fuzz()
        runs += 2000
    print(f"ok: {runs} examples in {seconds:.0f} s, no crash, no lost character")
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 300))
