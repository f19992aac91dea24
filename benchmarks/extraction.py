"""Score reader's cleaner on the extraction dev corpora, beside trafilatura and readability-lxml.

Usage: python benchmarks/extraction.py [DATA_DIR] [--jobs N] [--types article] [--limit N] [--worst N]

DATA_DIR (default ../shared/benchmarks) holds wcxb-dev/ and extraction-dev/
(see benchmarks/extraction_data.py for the corpora, the split by domain and
the metrics). One run prints, for HTML pages and pages saved as text, the F1
of reader, trafilatura 2.x (default settings, and comments off) and
readability-lxml (HTML only), for articles and for all page types, on the
tune part and on the holdout part. Competitors' outputs are cached in
$READER_BENCH_CACHE (default /tmp/reader-extraction-cache): they never change.

``evaluate(data_dir)`` is the CI gate's scorer (benchmarks/eval_gate.py): reader
alone on a fixed 150-page subset of wcxb-dev, HTML and text, per part.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks"
GATE_PAGES = 150
MODES = ("html", "text")


def _data():
    spec = importlib.util.spec_from_file_location("reader_bench_extraction_data", HERE / "extraction_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def reader_output(raw: bytes, suffix: str) -> str:
    """The body as ``reader extract`` prints it, without the headline (the labels have none)."""
    from reader.errors import ReaderError
    from reader.pipeline import extract

    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as handle:
        handle.write(raw)
    try:
        return "\n\n".join(block.text for block in extract(handle.name).blocks)
    except ReaderError:
        return ""
    finally:
        os.unlink(handle.name)


def trafilatura_output(raw: bytes, comments: bool) -> str:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        return trafilatura.extract(raw.decode("utf-8", "replace"), include_comments=comments) or ""
    except Exception:  # noqa: BLE001 -- a competitor's crash scores as empty output
        return ""


def readability_output(raw: bytes) -> str:
    from lxml import html as lxml_html
    from readability import Document

    try:
        summary = Document(raw.decode("utf-8", "replace")).summary(html_partial=True)
        return lxml_html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:  # noqa: BLE001 -- as above
        return ""


def _run_one(task: tuple[str, str, bytes]) -> str:
    name, mode, raw = task
    if name == "reader":
        return reader_output(raw, ".html" if mode == "html" else ".txt")
    if name == "readability":
        return readability_output(raw)
    return trafilatura_output(raw, comments=name == "trafilatura")


def run(name: str, mode: str, pages: list, jobs: int) -> tuple[dict[str, str], float]:
    """{page key: output} and ms/page; competitors come from the cache where they can."""
    cache_file = Path(os.environ.get("READER_BENCH_CACHE", "/tmp/reader-extraction-cache")) / f"{name}-{mode}.json"
    cached = json.loads(cache_file.read_text()) if name != "reader" and cache_file.exists() else {}
    todo = [p for p in pages if p.key not in cached]
    start = time.perf_counter()
    tasks = [(name, mode, p.raw(mode)) for p in todo]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_run_one, tasks, chunksize=4))
    else:
        results = [_run_one(task) for task in tasks]
    elapsed = time.perf_counter() - start
    cached.update({p.key: out for p, out in zip(todo, results)})
    if name != "reader" and todo:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cached))
    return cached, 1000 * elapsed / max(1, len(todo))


def groups(pages: list) -> list[tuple[str, list]]:
    """(label, pages): per corpus, articles and all types, tune and holdout."""
    out = []
    for corpus in ("wcxb", "extraction"):
        mine = [p for p in pages if p.corpus == corpus]
        kinds = [("articles", [p for p in mine if p.page_type == "article"])]
        if any(p.page_type != "article" for p in mine):
            kinds.append(("all types", mine))
        for kind, chosen in kinds:
            for part in ("tune", "holdout"):
                if subset := [p for p in chosen if p.part == part]:
                    out.append((f"{corpus:<10} {kind:<9} {part:<7}", subset))
    return out


def report(pages: list, jobs: int, worst: int, names: tuple[str, ...], modes=MODES) -> dict:
    data = _data()
    print(f"{len(pages)} pages; F1 per corpus metric (wcxb: words, extraction-dev: 4-word shingles); "
          f"'fail' = reader pages with F1 < 0.5")  # fmt: skip
    header = "".join(f"{n:>13}" for n in names)
    all_outputs = {}
    for mode in modes:
        outputs = {n: run(n, mode, pages, jobs) for n in names if not (n == "readability" and mode == "text")}
        all_outputs[mode] = outputs["reader"][0]
        print(f"\n{mode.upper()}  (reader {outputs['reader'][1]:.0f} ms/page)")
        print(f"{'corpus':<10} {'pages':<9} {'part':<7} {'n':>5}{header}{'fail':>7}")
        for label, subset in groups(pages):
            cells = ""
            for n in names:
                cells += f"{data.summarize(subset, outputs[n][0])['f1']:>13.3f}" if n in outputs else f"{'-':>13}"
            fails = data.summarize(subset, outputs["reader"][0])["failures"]
            print(f"{label} {len(subset):>5}{cells}{100 * fails:>6.1f}%")
        _worst(pages, outputs["reader"][0], worst, mode)
    return all_outputs


def _worst(pages: list, outputs: dict[str, str], count: int, mode: str) -> None:
    data = _data()
    scored = sorted(((data.word_prf(outputs[p.key], p.truth), p) for p in pages if p.part == "tune"), key=lambda row: row[0])
    for (prec, rec, f1), page in scored[:count]:
        print(f"  worst {mode} F1 {f1:.3f} P {prec:.2f} R {rec:.2f}  {page.key}  {page.page_type}  {page.url[:70]}")


def evaluate(data_dir: Path) -> dict[str, float]:
    """Reader's F1 on a fixed 150-page subset of wcxb-dev, per mode and part (the CI gate)."""
    data = _data()
    pages = data.fixed_subset([p for p in data.load_all(Path(data_dir)) if p.corpus == "wcxb"], GATE_PAGES)
    scores = {}
    for mode in MODES:
        outputs, _ = run("reader", mode, pages, jobs=1)
        for part in ("tune", "holdout"):
            subset = [p for p in pages if p.part == part]
            scores[f"extraction.{mode}.{part}"] = data.summarize(subset, outputs)["f1"]
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--types", help="comma-separated page types to keep")
    parser.add_argument("--part", choices=("tune", "holdout"), help="only this part")
    parser.add_argument("--limit", type=int, help="a fixed subset of this many pages (by hash)")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst tune pages of reader")
    parser.add_argument("--reader-only", action="store_true")
    parser.add_argument("--dump", type=Path, help="write reader's outputs as JSON here")
    parser.add_argument("--modes", default="html,text", help="html, text or both (default)")
    parser.add_argument("--gate", action="store_true", help="print evaluate()'s scores")
    args = parser.parse_args()
    if args.gate:
        print(json.dumps(evaluate(args.data), indent=2))
        return 0
    data = _data()
    pages = data.load_all(args.data)
    if args.types:
        pages = [p for p in pages if p.page_type in args.types.split(",")]
    if args.part:
        pages = [p for p in pages if p.part == args.part]
    if args.limit:
        pages = data.fixed_subset(pages, args.limit)
    names = ("reader",) if args.reader_only else ("reader", "trafilatura", "traf-nocomm", "readability")
    outputs = report(pages, args.jobs, args.worst, names, tuple(args.modes.split(",")))
    if args.dump:
        args.dump.write_text(json.dumps(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
