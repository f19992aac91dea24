"""``reader batch``: a folder of articles, narrated in parallel, resumably."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import options as opt
from .common import clock, echo_json, handled, app, say
from .progress import batch_progress
from ..errors import one_line


@app.command()
@handled
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of articles (.txt, .html, .md), searched recursively.", show_default=False)],
    outdir: Annotated[Path, typer.Option("-o", "--output", help="Folder for the narrations; the input's sub-folders are mirrored.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0 = one per core).", min=0)] = 0,
    pattern: Annotated[Optional[str], typer.Option("--glob", help="Only files matching this pattern, e.g. '*.html' or 'news/**/*.txt'.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Narrate everything again, even unchanged articles.")] = False,
    voice: opt.Voice = None, rate: opt.Rate = None, pitch: opt.Pitch = None, speaker: opt.Speaker = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="mp3, wav, ogg, m4b or flac.")] = "mp3",
    lexicon: opt.Lexicon = None, language: opt.Language = None, no_cache: opt.NoCache = False,
    loudness: opt.Loudness = -16.0,
    feed: Annotated[Optional[str], typer.Option("--feed", help="Write OUTDIR/feed.xml, a podcast feed whose audio lives at this base URL.")] = None,
    feed_title: Annotated[Optional[str], typer.Option("--feed-title", help="The podcast's (and audiobook's) title (default: the output folder's name).")] = None,
    feed_author: Annotated[Optional[str], typer.Option("--feed-author", help="The podcast's author and owner.")] = None,
    feed_image: Annotated[Optional[Path], typer.Option("--feed-image", help="Podcast artwork: a square JPEG or PNG, 1400-3000 px (default: a generated cover).")] = None,
    combine: Annotated[Optional[Path], typer.Option("--combine", help="Also join every narration into one audiobook (.m4b) with a chapter per article.")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Run the tasks on a Dask scheduler, e.g. tcp://10.0.0.5:8786 (needs reader[cluster]).")] = None,
    quiet: opt.Quiet = False, as_json: opt.Json = False,
) -> None:  # fmt: skip
    """Narrate every article in a folder: parallel, resumable, one audio file per article.

    Unchanged articles are skipped (content hashes, not file times); a killed
    batch resumes where it stopped. Exit code 1 if any article failed.

    Example: reader batch saved-articles/ -o narrations/ --jobs 2 --feed https://example.org/pod
    """
    from ..batch import run_batch
    from ..publish import PublishOptions, check, publish
    from ..voices import resolve_voice

    options = opt.run_options(voice=voice, rate=rate, pitch=pitch, fmt=fmt, lexicon=lexicon, language=language,
                              no_cache=no_cache, loudness=loudness, speaker=speaker)  # fmt: skip
    preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch, speaker=options.speaker)
    check(publishing := PublishOptions(feed, feed_title, feed_author, feed_image, combine, preset.pauses.title / 1000))
    with batch_progress(disabled=quiet or as_json) as (on_start, on_result, on_running):
        results = run_batch(folder, outdir, options, jobs=jobs, pattern=pattern, force=force, cluster=cluster, preset=preset,
                            on_start=on_start, on_result=on_result, on_running=on_running)  # fmt: skip
    _report(results, publish(folder, outdir, results, publishing), quiet=quiet, as_json=as_json)


def _report(results, published, *, quiet: bool, as_json: bool) -> None:
    if as_json:
        echo_json({"results": [asdict(r) for r in results], **_published_json(published)})
    elif not quiet:
        _print_summary(results, published)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _published_json(published) -> dict:
    return {"feed": str(published.feed) if published.feed else None,
            "book": str(published.book) if published.book else None}  # fmt: skip


def _print_summary(results, published) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="reader batch", show_lines=False)
    for column in ("article", "status", "audio", "time", "note"):
        table.add_column(column)
    for r in results:
        style = {"done": "green", "skipped": "dim", "failed": "red", "removed": "yellow"}.get(r.status, "")
        table.add_row(Text(one_line(r.relative)), Text(r.status, style=style), clock(r.duration_s) if r.duration_s else "",
                      f"{r.elapsed_s:.1f}s" if r.status == "done" else "", Text(one_line(r.error)))  # fmt: skip
    Console().print(table)
    counts = {status: sum(1 for r in results if r.status == status) for status in ("done", "skipped", "failed", "removed")}
    removed = f", {counts['removed']} removed (input gone)" if counts["removed"] else ""
    typer.echo(f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed{removed}")
    if published.feed:
        say(f"Wrote {published.feed}")
    if published.book:
        say(f"Wrote {published.book} ({clock(published.book_duration_s)}, {published.book_chapters} chapters)")
