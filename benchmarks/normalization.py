"""Text-normalization benchmark: reader's spoken forms against NeMo's English test cases.

    .venv/bin/python benchmarks/normalization.py ../shared/benchmarks [-v]

Scores the classes articles meet, per class and overall, for the tune and
holdout parts (``devsplit.part_of``) separately, against a num2words-only
baseline (every digit run read as a cardinal, nothing else). Comparison is
lenient, as the data's README says: lower case, no punctuation or hyphens,
"and" inside numbers ignored. ``-v`` lists the failing tune cases (never the
holdout ones: we tune on one part and only check the other).

A CI gate imports this file by path and calls ``evaluate(data_dir)``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

ARTICLE_CLASSES = ("cardinal", "date", "decimal", "measure", "money", "ordinal", "time", "range", "fraction", "telephone")
DATA_NAME = "normalization-dev.jsonl"
_HERE = Path(__file__).resolve().parent
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion".split()
)


def _part_of():
    """devsplit.part_of, loaded by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("_devsplit", _HERE / "devsplit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.part_of


def lenient(text: str) -> str:
    """Lower case, punctuation and hyphens dropped, 'and' between number words dropped.

    Letters said one by one are one word ("A M" = "AM", "U S" = "US", "P M E S T" =
    "PM EST"): reader spells initialisms with spaces so that an engine says the
    letters; NeMo writes them joined.
    """
    text = re.sub(r"\b[A-Z]{2,5}\b", lambda m: " ".join(m.group(0)), text)  # "PM EST" is letters too
    text = re.sub(r"[-‐–—]", " ", text.lower())
    text = re.sub(r"\b\w(?: \w\b)+", lambda m: m.group(0).replace(" ", ""), re.sub(r"[^\w\s]", "", text))
    words = text.split()
    kept = [
        w for i, w in enumerate(words)
        if not (w == "and" and 0 < i < len(words) - 1 and words[i - 1] in _NUMBER_WORDS and words[i + 1] in _NUMBER_WORDS)
    ]  # fmt: skip
    return " ".join(kept)


def baseline(text: str) -> str:
    """num2words only: every digit run read as a cardinal, nothing else."""
    from num2words import num2words

    return re.sub(r"\d+", lambda m: f" {num2words(int(m.group(0)))} ", text)


def load_cases(data_dir: Path) -> list[dict]:
    with open(data_dir / DATA_NAME, encoding="utf-8") as lines:
        return [case for case in map(json.loads, lines) if case["class"] in ARTICLE_CLASSES]


def _passes(said: str, accept: list[str]) -> bool:
    return lenient(said) in {lenient(a) for a in accept}


def score(cases: list[dict], read) -> dict[tuple[str, str], list[bool]]:
    """(part, class) -> one pass/fail per case, 'all' as the class for the overall list."""
    part_of = _part_of()
    results: dict[tuple[str, str], list[bool]] = {}
    for case in cases:
        ok = _passes(read(case["input"]), case["accept"])
        part = part_of(case["id"])
        results.setdefault((part, case["class"]), []).append(ok)
        results.setdefault((part, "all"), []).append(ok)
    return results


def _reader():
    sys.path.insert(0, str(_HERE.parent))
    from reader.normalize import Normalizer

    normalizer = Normalizer()
    return lambda text: normalizer.sentence(text)[0]


def evaluate(data_dir: Path) -> dict[str, float]:
    """Lenient accuracy (0..1) on the article classes, per part and per part and class."""
    results = score(load_cases(Path(data_dir)), _reader())
    metrics = {}
    for (part, cls), oks in results.items():
        key = f"normalization.articles.{part}" if cls == "all" else f"normalization.{cls}.{part}"
        metrics[key] = sum(oks) / len(oks)
    return metrics


def _table(ours: dict, base: dict) -> list[str]:
    lines = [f"{'class':<11}{'part':<9}{'n':>4}{'reader':>9}{'num2words':>11}{'ratio':>8}"]
    for cls in (*ARTICLE_CLASSES, "all"):
        for part in ("tune", "holdout"):
            oks = ours.get((part, cls), [])
            if not oks:
                continue
            mine, theirs = sum(oks) / len(oks), sum(base[(part, cls)]) / len(oks)
            ratio = f"{mine / theirs:.2f}" if theirs else "inf" if mine else "-"
            lines.append(f"{cls:<11}{part:<9}{len(oks):>4}{mine:>9.3f}{theirs:>11.3f}{ratio:>8}")
    return lines


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    data_dir = Path(args[0]) if args else _HERE.parent.parent / "shared" / "benchmarks"
    if not (data_dir / DATA_NAME).is_file():
        print(f"no {DATA_NAME} in {data_dir}", file=sys.stderr)
        return 2
    cases, read = load_cases(data_dir), _reader()
    ours, base = score(cases, read), score(cases, baseline)
    print("\n".join(_table(ours, base)))
    if verbose:
        part_of = _part_of()
        for case in cases:
            if part_of(case["id"]) == "tune" and not _passes(read(case["input"]), case["accept"]):
                print(f"FAIL {case['id']} [{case['class']}] {case['input']!r}\n  got  {read(case['input'])!r}\n  want {case['accept'][0]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
