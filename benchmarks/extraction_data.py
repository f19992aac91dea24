"""The extraction dev corpora, their split and their metrics (for benchmarks/extraction.py).

Two corpora under one data folder (default ``../shared/benchmarks``):

- ``wcxb-dev``: 1,497 recent pages of seven types (cases.jsonl, html/ID.html.gz,
  text/ID.txt.gz), scored with WCXB's own word-level metric: bag-of-words
  precision and recall per page, F1 per page, means over pages.
- ``extraction-dev``: 55 news pages (ground-truth.json, html/, text/), scored
  with its own metric: 4-word shingles, P and R averaged, F1 of the averages.

The split is by the page's domain through benchmarks/devsplit.py, so two pages
of one site never land on both sides: a rule tuned on a site's template must
not be credited on that same template in the checked part.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

_WORD = re.compile(r"\w+")


def _devsplit():
    spec = importlib.util.spec_from_file_location("reader_bench_devsplit", Path(__file__).with_name("devsplit.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Page:
    """One labelled page of a corpus."""

    corpus: str
    id: str
    url: str
    page_type: str
    truth: str
    html: Path
    text: Path

    @property
    def key(self) -> str:
        return f"{self.corpus}/{self.id}"

    part: str = ""
    """``tune`` or ``holdout``, by the page's domain (set by :func:`load_all`)."""

    def raw(self, mode: str) -> bytes:
        path = self.html if mode == "html" else self.text
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix == ".gz" else data


def domain(url: str) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def load_wcxb(folder: Path) -> list[Page]:
    pages = []
    with open(folder / "cases.jsonl", encoding="utf-8") as handle:
        for line in handle:
            case = json.loads(line)
            pages.append(Page("wcxb", case["id"], case["url"], case["page_type"], case["main_content"],
                              folder / "html" / f"{case['id']}.html.gz", folder / "text" / f"{case['id']}.txt.gz"))  # fmt: skip
    return pages


def load_scrapinghub(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page("extraction", key, value.get("url", ""), "article", value["articleBody"],
             folder / "html" / f"{key}.html", folder / "text" / f"{key}.txt")
        for key, value in truth.items()
    ]


def load_all(data_dir: Path) -> list[Page]:
    """Every page of both corpora found under ``data_dir`` (a missing corpus is skipped)."""
    part_of = _devsplit().part_of
    return [replace(page, part=part_of(domain(page.url) or page.id)) for page in _load_corpora(data_dir)]


def _load_corpora(data_dir: Path) -> list[Page]:
    pages: list[Page] = []
    if (data_dir / "wcxb-dev" / "cases.jsonl").exists():
        pages += load_wcxb(data_dir / "wcxb-dev")
    if (data_dir / "extraction-dev" / "ground-truth.json").exists():
        pages += load_scrapinghub(data_dir / "extraction-dev")
    return pages


def fixed_subset(pages: list[Page], size: int) -> list[Page]:
    """``size`` pages chosen by the hash of their id: the same pages on every run."""
    return sorted(pages, key=lambda p: hashlib.sha256(f"{p.corpus}/{p.id}".encode()).hexdigest())[:size]


def word_prf(output: str, truth: str) -> tuple[float, float, float]:
    """WCXB's per-page metric: bag of lower-cased words; empty output scores 0."""
    out, ref = Counter(_WORD.findall(output.lower())), Counter(_WORD.findall(truth.lower()))
    if not out or not ref:
        return (0.0, 0.0, 0.0) if ref or out else (1.0, 1.0, 1.0)
    shared = sum((out & ref).values())
    p, r = shared / sum(out.values()), shared / sum(ref.values())
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def shingle_pr(output: str, truth: str) -> tuple[float | None, float]:
    """The Scrapinghub metric per page: 4-word shingles; no output gives no precision."""
    def shingles(text: str) -> Counter:
        words = _WORD.findall(text.lower())
        return Counter(tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3)))

    pred, true = shingles(output), shingles(truth)
    overlap = sum((pred & true).values())
    return (overlap / sum(pred.values()) if pred else None), (overlap / sum(true.values()) if true else 1.0)


def summarize(pages: list[Page], outputs: dict[str, str]) -> dict[str, float]:
    """P, R, F1 and the failed share (page F1 < 0.5) over ``pages``, each corpus by its own metric."""
    if not pages:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "failures": 0.0, "pages": 0}
    if pages[0].corpus == "extraction":
        rows = [shingle_pr(outputs[p.key], p.truth) for p in pages]
        precisions = [pr for pr, _ in rows if pr is not None]
        prec = sum(precisions) / len(precisions) if precisions else 0.0
        rec = sum(r for _, r in rows) / len(rows)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        failed = [_f1(pr or 0.0, r) < 0.5 for pr, r in rows]
    else:
        rows3 = [word_prf(outputs[p.key], p.truth) for p in pages]
        prec, rec, f1 = (sum(row[i] for row in rows3) / len(rows3) for i in range(3))
        failed = [row[2] < 0.5 for row in rows3]
    return {"precision": prec, "recall": rec, "f1": f1, "failures": sum(failed) / len(pages), "pages": len(pages)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
