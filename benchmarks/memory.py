"""Peak memory of a narration against its length, measured side by side.

Usage: python benchmarks/memory.py [--words 1000 100000] [--voice joe] [--jobs N]

Generates articles of each length from the sample's sentences (numbered so
no chunk repeats and nothing is cached), narrates each with `reader convert
--no-cache` in a fresh process, and prints the peak memory of its whole
process tree (the chunk workers and ffmpeg included: summed PSS, polled from
/proc, as benchmarks/pipeline.py measures it) and the ratio to the shortest.
The narration streams chunks to ffmpeg, so the whole narration is never in
memory; onnxruntime's arena grows only to the largest chunk, which the
splitter caps at 300 characters. ``--jobs`` is passed to convert (default:
the voice decides how many worker processes).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_article(words: int) -> str:
    sample = (ROOT / "samples" / "kyiv-independent-bakhmut.expected.txt").read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?\"])\s+", sample) if len(s.split()) > 3]
    paragraphs, count, number = [], 0, 0
    while count < words:
        paragraph = []
        for sentence in sentences[:4]:
            number += 1
            line = f"In report {number}, {sentence[0].lower()}{sentence[1:]}"
            paragraph.append(line)
            count += len(line.split())
        sentences = sentences[4:] + sentences[:4]
        paragraphs.append(" ".join(paragraph))
    return f"A long test narration of {words} words\n\n" + "\n\n".join(paragraphs) + "\n"


def peak_of_tree(command: list[str]) -> tuple[float, float]:
    """(peak PSS of the process tree in MiB, seconds) of one command."""
    from pipeline import measured

    run, _ = measured(" ".join(command[:4]), command)
    return run.pss_mib, run.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--voice", default="joe")
    parser.add_argument("--jobs", type=int, default=None, help="passed to reader convert")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for words in sorted(args.words):
            article = Path(tmp) / f"long-{words}.txt"
            article.write_text(make_article(words), encoding="utf-8")
            command = [sys.executable, "-m", "reader", "convert", str(article), "-o", str(Path(tmp) / f"{words}.mp3"),
                       "--voice", args.voice, "--no-cache", "--quiet"]  # fmt: skip
            command += ["--jobs", str(args.jobs)] if args.jobs else []
            peak, elapsed = peak_of_tree(command)
            results.append((words, peak, elapsed))
            print(f"{words:>7} words: peak {peak:7.1f} MiB, {elapsed:7.1f} s", flush=True)
    base = results[0][1]
    for words, peak, _ in results[1:]:
        print(f"{words} words / {results[0][0]} words peak memory: {peak / base:.2f}x (aim <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
