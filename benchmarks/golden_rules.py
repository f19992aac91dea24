"""Score reader's sentence splitter on the English Golden Rules.

Usage: python benchmarks/golden_rules.py ../shared/benchmarks/golden_rules_en.json [-v]

Prints passed/total and the split speed (sentences per second) on the same
cases repeated; with -v, every failing case with what was produced.
"""

from __future__ import annotations

import json
import sys
import time

from reader.split import split_sentences


def main(path: str, verbose: bool) -> int:
    with open(path, encoding="utf-8") as handle:
        cases = json.load(handle)
    norm = lambda xs: [s.strip() for s in xs if s.strip()]  # noqa: E731
    failed = []
    for case in cases:
        got = norm(split_sentences(case["input"]))
        if got != norm(case["expected"]):
            failed.append((case, got))
    print(f"Golden Rules (English): {len(cases) - len(failed)}/{len(cases)} passed")
    if verbose:
        for case, got in failed:
            print(f"  {case['id']} {case['title']}\n    expected {case['expected']}\n    got      {got}")
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
