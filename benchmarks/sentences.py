"""Score sentence splitters: reader vs pySBD vs sentencex, on tune and holdout parts.

Usage: python benchmarks/sentences.py ../shared/benchmarks [-v]

Data sets: the English Golden Rules (``golden_rules_en.json``, 48), sentencex's
English tests (``sentences-dev.jsonl``, 262) and reader's own news cases
(``tests/data/news_sentences.json``, id = the input text). Each case is in the
``tune`` or ``holdout`` part (benchmarks/devsplit.py); rules are tuned on the
tune part only, and the holdout part is what counts. A case passes on an exact
list match after stripping each sentence, dropping empty ones and collapsing
whitespace runs inside a sentence. With -v, the failing tune cases of reader.

``evaluate(data_dir)`` returns reader's accuracy per data set and part, for the
CI evaluation gate (which imports this file by path: nothing runs at import).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEWS_FILE = REPO / "tests" / "data" / "news_sentences.json"
Splitter = Callable[[str], list[str]]


def _part_of(case_id: str) -> str:
    # Same rule as benchmarks/devsplit.py, repeated so that importing this file by
    # path needs no sys.path change; test_devsplit_agrees guards the copy.
    return (
        "holdout" if hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2 else "tune"
    )


def load_sets(data_dir: Path) -> dict[str, list[dict]]:
    """Every data set's cases, each with an ``id``."""
    golden = json.loads((data_dir / "golden_rules_en.json").read_text(encoding="utf-8"))
    lines = (data_dir / "sentences-dev.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [json.loads(line) for line in lines if line.strip()]
    news = [
        dict(case, id=case["input"])
        for case in json.loads(NEWS_FILE.read_text(encoding="utf-8"))
    ]
    return {"golden": golden, "dev": dev, "news": news}


# reader drops Wikipedia footnote marks ("martyr.[1] The"), which a narrator must
# not read; sentences-dev keeps them. Marks are removed from both sides before
# comparing, so every splitter is scored on its boundaries only.
_FOOTNOTE = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|[a-z]+(?: [a-z]+){0,2} needed)\]",
    re.IGNORECASE,
)


def _norm(sentences: list[str]) -> list[str]:
    cleaned = (" ".join(_FOOTNOTE.sub("", s).split()) for s in sentences)
    return [s for s in cleaned if s]


def failures(split: Splitter, cases: list[dict]) -> list[tuple[dict, list[str]]]:
    """The cases ``split`` gets wrong, each with what it returned."""
    failed = []
    for case in cases:
        got = _norm(split(case["input"]))
        if got != _norm(case["expected"]):
            failed.append((case, got))
    return failed


def _parts(cases: list[dict]) -> dict[str, list[dict]]:
    return {
        part: [c for c in cases if _part_of(c["id"]) == part]
        for part in ("tune", "holdout")
    }


def evaluate(data_dir: Path) -> dict[str, float]:
    """reader's accuracy (0..1) per ``sentences.<set>.<part>``."""
    from reader.sentences import split_sentences

    scores = {}
    for name, cases in load_sets(Path(data_dir)).items():
        for part, group in _parts(cases).items():
            scores[f"sentences.{name}.{part}"] = 1 - len(
                failures(split_sentences, group)
            ) / max(1, len(group))
    return scores


def _splitters() -> dict[str, Splitter]:
    import pysbd
    import sentencex

    from reader.sentences import split_sentences

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return {
        "reader": split_sentences,
        "pySBD": segmenter.segment,
        "sentencex": lambda text: list(sentencex.segment("en", text)),
    }


def _speed(split: Splitter, cases: list[dict]) -> float:
    texts = [c["input"] for c in cases] * 5
    start = time.perf_counter()
    count = sum(len(split(text)) for text in texts)
    return count / (time.perf_counter() - start)


def main(data_dir: Path, verbose: bool) -> int:
    splitters = _splitters()
    sets = load_sets(data_dir)
    print(
        f"{'set':8} {'part':8} {'n':>4}  "
        + "  ".join(f"{name:>16}" for name in splitters)
        + "  reader/pySBD  reader/sentencex"
    )
    for name, cases in sets.items():
        for part, group in _parts(cases).items():
            acc = {
                s: 1 - len(failures(fn, group)) / max(1, len(group))
                for s, fn in splitters.items()
            }
            cells = "  ".join(
                f"{acc[s]:>7.1%} ({round(acc[s] * len(group)):>3}/{len(group):<3})"
                for s in splitters
            )
            ratios = f"{_ratio(acc['reader'], acc['pySBD']):>12}  {_ratio(acc['reader'], acc['sentencex']):>16}"
            print(f"{name:8} {part:8} {len(group):>4}  {cells}  {ratios}")
    every = [c for cases in sets.values() for c in cases]
    print(
        "speed (sentences/s, all cases x5): "
        + ", ".join(f"{s} {_speed(fn, every):,.0f}" for s, fn in splitters.items())
    )
    if verbose:
        for name, cases in sets.items():
            for case, got in failures(splitters["reader"], _parts(cases)["tune"]):
                print(
                    f"[{name}] {case['id'][:60]}\n  input    {case['input']!r}\n  expected {_norm(case['expected'])}\n  got      {got}"
                )
    return 0


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "-"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 1:
        sys.exit(__doc__)
    sys.exit(main(Path(args[0]), "-v" in sys.argv[1:]))
