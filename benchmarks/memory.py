"""Peak memory of a narration against its length, measured side by side.

Usage: python benchmarks/memory.py [--words 1000 100000] [--voice joe] [--engine-arena]

Generates articles of each length from the sample's sentences (numbered so
no chunk repeats and nothing is cached), narrates each with `reader convert
--no-cache` in a fresh process, and prints the child's peak resident memory
(ru_maxrss) and the ratio to the shortest. The narration streams chunks to
ffmpeg, so the whole narration is never in memory; onnxruntime's arena grows
only to the largest chunk, which the splitter caps at 300 characters.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
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


def peak_of_child(command: list[str]) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one child process, from its own rusage."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed with {child.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--voice", default="joe")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for words in sorted(args.words):
            article = Path(tmp) / f"long-{words}.txt"
            article.write_text(make_article(words), encoding="utf-8")
            command = [sys.executable, "-m", "reader", "convert", str(article), "-o", str(Path(tmp) / f"{words}.mp3"),
                       "--voice", args.voice, "--no-cache", "--quiet"]  # fmt: skip
            peak, elapsed = peak_of_child(command)
            results.append((words, peak, elapsed))
            print(f"{words:>7} words: peak {peak:7.1f} MiB, {elapsed:7.1f} s", flush=True)
    base = results[0][1]
    for words, peak, _ in results[1:]:
        print(f"{words} words / {results[0][0]} words peak memory: {peak / base:.2f}x (aim <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
