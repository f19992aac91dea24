"""Batch throughput, chunk-cache speedup and play's time to first audio, side by side.

Usage: python benchmarks/batch.py [--articles 20] [--voice joe]

Builds a folder of ARTICLES articles from samples/ and tests/fixtures/ (each
made distinct), then times in one run, with the chunk cache off:
  1 job x 1 thread     one worker, one onnxruntime thread
  2 jobs x 1 thread    two worker processes (what --jobs 2 does on 2 cores)
  1 job x all cores    one process whose engine uses every core
and prints the speedups. Then the tail: one long article and four short
ones at --jobs 2, with the long one first on every core (what batch does)
and, beside it, every article on one core each (what it did before). Then the cache: one article narrated cold and again
warm (same process, same settings). Then `play`: seconds until the first
audio reaches the player, with and without the model load.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reader.batch import run_batch
from reader.engines import load_engine
from reader.pipeline import RunOptions, narrate
from reader.player import CommandPlayer
from reader.playback import play_article
from reader.voices import resolve_voice, voice_dirs

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples" / "kyiv-independent-bakhmut.txt", ROOT / "samples" / "harbor-library.html",
           *sorted((ROOT / "tests" / "fixtures" / "text").glob("*.txt"))]  # fmt: skip


def make_articles(folder: Path, count: int) -> None:
    usable = [p for p in SOURCES if p.stem not in {"index-page", "login-wall", "error-page"}]
    for i in range(count):
        source = usable[i % len(usable)]
        text = source.read_text(encoding="utf-8")
        # A different number in each copy keeps every article (and chunk) distinct.
        (folder / f"{i:02d}-{source.name}").write_text(text.replace(" the ", f" the {i + 2} ", 1), encoding="utf-8")


def timed_batch(articles: Path, out: Path, options: RunOptions, jobs: int) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    results = run_batch(articles, out, options, jobs=jobs)
    elapsed = time.perf_counter() - start
    failed = [r for r in results if r.status != "done"]
    if failed:
        sys.exit(f"benchmark articles failed: {failed}")
    return elapsed, sum(r.duration_s for r in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--voice", default="joe")
    parser.add_argument("--only-tail", action="store_true", help="run only the long-article tail comparison")
    args = parser.parse_args()
    if args.only_tail:
        with tempfile.TemporaryDirectory() as tmp:
            tail(Path(tmp), args.voice)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        articles = tmp / "articles"
        articles.mkdir()
        make_articles(articles, args.articles)
        base = RunOptions(voice=args.voice, cache=False)
        one, audio = timed_batch(articles, tmp / "a", RunOptions(voice=args.voice, cache=False, threads=1), jobs=1)
        two, _ = timed_batch(articles, tmp / "b", base, jobs=2)
        full, _ = timed_batch(articles, tmp / "c", base, jobs=1)
        print(f"batch of {args.articles} articles, {audio / 60:.1f} min of audio, voice {args.voice}")
        print(f"  1 job  x 1 thread    {one:7.1f} s")
        print(f"  2 jobs x 1 thread    {two:7.1f} s   speedup over 1x1: {one / two:.2f}x (aim >= 1.7)")
        print(f"  1 job  x all cores   {full:7.1f} s   2 jobs take {two / full:.2f}x its time (aim <= 1.1)")
        tail(tmp, args.voice)
        cache_speedup(tmp, args.voice)
        time_to_first_audio(tmp, args.voice)
    return 0


def tail(tmp: Path, voice: str) -> None:
    """A long article among short ones: alone on every core first, or on one core while the others idle."""
    from unittest import mock

    import reader.batch

    folder = tmp / "tail"
    folder.mkdir()
    sys.path.insert(0, str(Path(__file__).parent))
    from memory import make_article  # every sentence distinct: a page repeated whole is read once

    (folder / "long.txt").write_text(make_article(2000), encoding="utf-8")
    make_articles(folder, 5)
    (folder / "00-kyiv-independent-bakhmut.txt").unlink()  # the short ones only
    options = RunOptions(voice=voice, cache=False)
    now, audio = timed_batch(folder, tmp / "tail-now", options, jobs=2)
    with mock.patch.object(reader.batch, "split_big", lambda tasks, jobs: ([], tasks)):
        before, _ = timed_batch(folder, tmp / "tail-before", options, jobs=2)
    print(f"tail: one long article and 4 short ones, {audio / 60:.1f} min of audio, --jobs 2")
    print(f"  long one alone on every core first   {now:7.1f} s")
    print(f"  every article on one core each       {before:7.1f} s   ratio {now / before:.2f}")


def cache_speedup(tmp: Path, voice: str) -> None:
    import os

    os.environ["READER_CACHE_DIR"] = str(tmp / "cache")
    article = str(SOURCES[0])
    start = time.perf_counter()
    narrate(article, tmp / "cold.mp3", options=RunOptions(voice=voice))
    cold = time.perf_counter() - start
    start = time.perf_counter()
    warm_result = narrate(article, tmp / "warm.mp3", options=RunOptions(voice=voice))
    warm = time.perf_counter() - start
    print(f"chunk cache: cold {cold:.2f} s, warm {warm:.3f} s ({warm_result.cached}/{warm_result.chunks} chunks cached)"
          f"   speedup {cold / warm:.0f}x (aim >= 20)")  # fmt: skip


def time_to_first_audio(tmp: Path, voice: str) -> None:
    capture = [sys.executable, str(ROOT / "tests" / "data" / "capture_player.py"), str(tmp / "heard.raw")]
    options = RunOptions(voice=voice, cache=False)
    cold = play_article(str(SOURCES[0]), CommandPlayer(capture, "capture"), options=options)
    engine = load_engine(resolve_voice(voice), search_dirs=voice_dirs())
    warm = play_article(str(SOURCES[0]), CommandPlayer(capture, "capture"), options=options, engine=engine)
    print(f"play: first audio after {cold.first_audio_s:.2f} s including model load, "
          f"{warm.first_audio_s:.2f} s with the voice loaded")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
