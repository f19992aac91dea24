"""The ``reader batch`` and ``reader cache`` commands (the rest is in ``cli.py``)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import pipeline
from .cli import JsonOpt, Language, LexiconOpt, Loudness, NoCache, _clock, _err, _handled, _language, app


@app.command()
@_handled
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of articles (.txt, .html, .md), searched recursively.", show_default=False)],
    outdir: Annotated[Path, typer.Option("-o", "--output", help="Folder for the narrations; the input's sub-folders are mirrored.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0 = one per core).", min=0)] = 0,
    pattern: Annotated[Optional[str], typer.Option("--glob", help="Only files matching this pattern, e.g. '*.html' or 'news/**/*.txt'.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Narrate everything again, even unchanged articles.")] = False,
    voice: Annotated[Optional[str], typer.Option("--voice", "-v", help="Preset name, engine voice id or Piper model path.")] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", "-r", help="Speed factor, 0.5 to 2.0.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="mp3, wav, ogg, m4b or flac.")] = "mp3",
    lexicon: LexiconOpt = None,
    language: Language = None,
    no_cache: NoCache = False,
    loudness: Loudness = -16.0,
    feed: Annotated[Optional[str], typer.Option("--feed", help="Write OUTDIR/feed.xml, a podcast feed whose audio lives at this base URL.")] = None,
    feed_title: Annotated[Optional[str], typer.Option("--feed-title", help="The podcast's title (default: the output folder's name).")] = None,
    combine: Annotated[Optional[Path], typer.Option("--combine", help="Also join every narration into one audiobook (.m4b) with a chapter per article.")] = None,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Run the tasks on a Dask scheduler, e.g. tcp://10.0.0.5:8786 (needs reader[cluster]).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Narrate every article in a folder: parallel, resumable, one audio file per article.

    Unchanged articles are skipped (content hashes, not file times); a killed
    batch resumes where it stopped. Exit code 1 if any article failed.

    Example: reader batch saved-articles/ -o narrations/ --jobs 2 --feed https://example.org/pod
    """
    from .batch import run_batch
    from .errors import UsageError
    from .feed import write_feed
    from .assemble import choose_format

    choose_format(None, fmt)
    if feed and not feed.startswith(("http://", "https://")):
        raise UsageError("--feed takes the base URL where OUTDIR will be served, e.g. https://example.org/podcast")
    options = pipeline.RunOptions(voice=voice, rate=rate, format=fmt, lexicon=str(lexicon) if lexicon else None,
                                  cache=not no_cache, loudness=loudness, language=_language(language))  # fmt: skip
    with _batch_progress(disabled=quiet or as_json or not _err.is_terminal) as (on_start, on_result, on_running):
        results = run_batch(folder, outdir, options, jobs=jobs, pattern=pattern, force=force, cluster=cluster,
                            on_start=on_start, on_result=on_result, on_running=on_running)  # fmt: skip
    if feed:
        from .batch import load_state

        write_feed(outdir, feed, load_state(outdir), title=feed_title)
    if combine:
        from .combine import combine as join

        done = [r for r in results if r.status in ("done", "skipped") and r.output]
        parts = [(outdir / r.output if not Path(r.output).is_absolute() else Path(r.output), r.title or Path(r.relative).stem,
                  r.duration_s) for r in done]  # fmt: skip
        join(parts, combine, title=feed_title or folder.resolve().name)
    if as_json:
        typer.echo(json.dumps({"results": [asdict(r) for r in results]}, ensure_ascii=False, indent=2))
    elif not quiet:
        _print_summary(results)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


class _batch_progress:
    """One overall bar, and one line per article being narrated now."""

    def __init__(self, disabled: bool) -> None:
        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                             console=_err, disable=disabled, transient=True)  # fmt: skip
        self._overall = None
        self._current: dict[str, object] = {}

    def __enter__(self):
        self._bar.__enter__()

        def on_start(todo: int, skipped: int) -> None:
            self._overall = self._bar.add_task(f"Articles ({skipped} unchanged)", total=todo)

        def on_result(result) -> None:
            self._bar.update(self._overall, advance=1)

        def on_running(names: list[str]) -> None:
            for name in set(self._current) - set(names):
                self._bar.remove_task(self._current.pop(name))
            for name in names:
                if name not in self._current:
                    self._current[name] = self._bar.add_task(f"  {name[-50:]}", total=None)

        return on_start, on_result, on_running

    def __exit__(self, *exc) -> None:
        self._bar.__exit__(*exc)


def _print_summary(results) -> None:
    from rich.table import Table

    table = Table(title="reader batch", show_lines=False)
    for column in ("article", "status", "audio", "time", "note"):
        table.add_column(column)
    for r in results:
        style = {"done": "green", "skipped": "dim", "failed": "red"}.get(r.status, "")
        table.add_row(r.relative, f"[{style}]{r.status}[/]", _clock(r.duration_s) if r.duration_s else "",
                      f"{r.elapsed_s:.1f}s" if r.status == "done" else "", r.error)  # fmt: skip
    Console().print(table)
    counts = {status: sum(1 for r in results if r.status == status) for status in ("done", "skipped", "failed")}
    typer.echo(f"{counts['done']} done, {counts['skipped']} skipped, {counts['failed']} failed")


cache_app = typer.Typer(help="Inspect or empty the chunk cache (synthesized audio reused across runs).", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
@_handled
def cache_info(as_json: JsonOpt = False) -> None:
    """Where the chunk cache is, how many chunks it holds and its size limit.

    Example: reader cache info
    """
    from .cache import ChunkCache

    info = ChunkCache().info()
    if as_json:
        typer.echo(json.dumps({**asdict(info), "path": str(info.path)}))
        return
    typer.echo(f"{info.path}\n{info.entries} chunks, {info.narrations} narrations, "
               f"{info.bytes / 2**20:.1f} MiB of {info.max_bytes / 2**20:.0f} MiB")


@cache_app.command("clear")
@_handled
def cache_clear() -> None:
    """Delete every cached chunk.

    Example: reader cache clear
    """
    from .cache import ChunkCache

    typer.echo(f"Removed {ChunkCache().clear()} cached files.")
