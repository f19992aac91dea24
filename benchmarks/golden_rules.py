"""Score reader's sentence splitter on the English Golden Rules and on news cases.

Usage: python benchmarks/golden_rules.py ../shared/benchmarks/golden_rules_en.json [-v]

Prints passed/total for the Golden Rules and for reader's own news-style
cases (tests/data/news_sentences.json: quotes, titles, initials, U.S. at a
sentence end, ellipses, decimals, URLs, headlines), and the split speed
(sentences per second) on the cases repeated; with -v, every failing case.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from reader.sentences import split_sentences


NEWS_CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "news_sentences.json"


def _failures(cases: list[dict]) -> list[tuple[dict, list[str]]]:
    norm = lambda xs: [s.strip() for s in xs if s.strip()]  # noqa: E731
    failed = []
    for case in cases:
        got = norm(split_sentences(case["input"]))
        if got != norm(case["expected"]):
            failed.append((case, got))
    return failed


def main(path: str, verbose: bool) -> int:
    with open(path, encoding="utf-8") as handle:
        cases = json.load(handle)
    news = json.loads(NEWS_CASES.read_text(encoding="utf-8"))
    for name, group in [("Golden Rules (English)", cases), ("reader news cases", news)]:
        failed = _failures(group)
        print(f"{name}: {len(group) - len(failed)}/{len(group)} passed")
        if verbose:
            for case, got in failed:
                print(f"  {case.get('id', '')} {case['input'][:70]}\n    expected {case['expected']}\n    got      {got}")
    text = " ".join(case["input"] for case in cases) * 50
    start = time.perf_counter()
    count = len(split_sentences(text))
    elapsed = time.perf_counter() - start
    print(f"speed: {count / elapsed:,.0f} sentences/s ({count} sentences in {elapsed * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], "-v" in sys.argv[2:]))
