"""Score reader's cleaner on an article-extraction set, trafilatura beside it.

Usage: python benchmarks/extraction.py DIR [--verbose] [--floor]

DIR holds ground-truth.json ({id: {"articleBody": ...}}), html/ID.html and
text/ID.txt (pages saved as text). For each mode it prints precision, recall,
F1, the share of failed pages (F1 < 0.5) and ms/page, with trafilatura 2.x
(no comments, plain text) scored in the same run on the HTML pages.

Metric (the benchmark's own): lower-cased text cut into words, every run of
four words a token; precision/recall are multiset overlaps, averaged over
pages (an empty output counts for recall only); F1 from the two averages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from reader.errors import ReaderError
from reader.pipeline import extract

_WORDS = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    words = _WORDS.findall(text.lower())
    return Counter(tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3)))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float]:
    pred, true = shingles(predicted), shingles(truth)
    overlap = sum((pred & true).values())
    precision = overlap / sum(pred.values()) if pred else None
    recall = overlap / sum(true.values()) if true else 1.0
    return precision, recall


def summarize(rows: list[tuple[float | None, float]]) -> dict:
    precisions = [p for p, _ in rows if p is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(r for _, r in rows) / len(rows)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    failures = sum(1 for pp, rr in rows if _f1(pp or 0.0, rr) < 0.5) / len(rows)
    return {"precision": p, "recall": r, "f1": f1, "failures": failures}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _reader(path: Path) -> str:
    """The body as ``reader extract`` prints it, minus the headline (the labels have none)."""
    try:
        return "\n\n".join(block.text for block in extract(str(path)).blocks)
    except ReaderError:
        return ""


def _trafilatura(path: Path) -> str:
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    return trafilatura.extract(html, include_comments=False) or ""


def run_mode(name: str, pages: dict, files: dict[str, Path], extractor, verbose: bool) -> dict:
    rows, start = [], time.perf_counter()
    outputs = {}
    for page_id in pages:
        outputs[page_id] = extractor(files[page_id])
    elapsed = time.perf_counter() - start
    for page_id, truth in pages.items():
        p, r = page_scores(outputs[page_id], truth)
        rows.append((p, r))
        if verbose and _f1(p or 0.0, r) < 0.9:
            print(f"  {name:<12} {page_id[:12]}  P={p if p is None else round(p, 3)}  R={r:.3f}")
    result = summarize(rows)
    result["ms_per_page"] = 1000 * elapsed / len(pages)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list pages with F1 < 0.9")
    args = parser.parse_args()
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {k: v["articleBody"] for k, v in truth.items()}
    html = {k: args.folder / "html" / f"{k}.html" for k in pages}
    text = {k: args.folder / "text" / f"{k}.txt" for k in pages}
    results = {
        "reader html": run_mode("reader html", pages, html, _reader, args.verbose),
        "trafilatura": run_mode("trafilatura", pages, html, _trafilatura, args.verbose),
        "reader text": run_mode("reader text", pages, text, _reader, args.verbose),
    }
    print(f"{len(pages)} pages in {args.folder}")
    print(f"{'mode':<14}{'precision':>10}{'recall':>8}{'F1':>8}{'failed':>8}{'ms/page':>9}")
    for name, r in results.items():
        print(f"{name:<14}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
              f"{100 * r['failures']:>7.1f}%{r['ms_per_page']:>9.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
