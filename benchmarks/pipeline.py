"""Pipeline overhead, real-time factor and memory, measured side by side in one run.

Usage: python benchmarks/pipeline.py [ARTICLE] [--voice joe] [--repeat 3]

For the same chunks of ARTICLE (default: the sample) it times
  engine   - the engine alone synthesizing every chunk (the floor), and
  pipeline - reader.narrate with the same loaded engine: read, clean, split,
             synthesize, encode to mp3 and rename,
alternating the two REPEAT times and keeping each one's best, then prints
their ratio (pipeline overhead; the aim is <= 1.10), the real-time factor
(seconds of work per second of audio), the cold CLI wall time including
model load (one subprocess run) and this process's peak memory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.engines import load_engine
from reader.pipeline import RunOptions, make_script, narrate
from reader.pipeline import extract as extract_article
from reader.split import chunk_script
from reader.voices import resolve_voice, voice_dirs

ROOT = Path(__file__).resolve().parent.parent


def engine_only(engine, chunks) -> tuple[float, float]:
    start = time.perf_counter()
    samples = sum(len(engine.synthesize(c.text)) for c in chunks)
    return time.perf_counter() - start, samples / engine.sample_rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "samples" / "kyiv-independent-bakhmut.txt"))
    parser.add_argument("--voice", default="joe")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    preset = resolve_voice(args.voice)
    start = time.perf_counter()
    engine = load_engine(preset, search_dirs=voice_dirs())
    load_s = time.perf_counter() - start
    chunks = chunk_script(make_script(extract_article(args.article)), preset.pauses)
    engine.synthesize(chunks[0].text)  # warm-up: first onnxruntime call allocates

    best_engine = best_pipeline = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            seconds, speech_s = engine_only(engine, chunks)
            best_engine = min(best_engine, seconds)
            start = time.perf_counter()
            result = narrate(args.article, Path(tmp) / "out.mp3", options=RunOptions(voice=args.voice, cache=False), engine=engine)
            best_pipeline = min(best_pipeline, time.perf_counter() - start)
        start = time.perf_counter()
        cold = subprocess.run(
            [sys.executable, "-m", "reader", "convert", args.article, "-o", str(Path(tmp) / "cold.mp3"),
             "--voice", args.voice, "--quiet", "--no-cache"], capture_output=True, text=True)  # fmt: skip
        cold_s = time.perf_counter() - start
    if cold.returncode:
        print(cold.stderr, file=sys.stderr)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"article            {args.article}")
    print(f"voice              {preset.name} ({preset.engine}), {len(chunks)} chunks, {result.words} words")
    print(f"audio              {result.duration_s:.1f} s narration ({speech_s:.1f} s of speech)")
    print(f"model load         {load_s:.2f} s")
    print(f"engine alone       {best_engine:.2f} s  (best of {args.repeat})")
    print(f"pipeline           {best_pipeline:.2f} s  (best of {args.repeat}, same engine, mp3 encode)")
    print(f"overhead ratio     {best_pipeline / best_engine:.3f}  (pipeline / engine; aim <= 1.10)")
    print(f"real-time factor   {best_pipeline / result.duration_s:.3f}  (work seconds per audio second)")
    print(f"cold CLI run       {cold_s:.2f} s  (process start, model load and hash check included)")
    print(f"peak memory        {peak_mib:.0f} MiB (this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
