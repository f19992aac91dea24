"""``reader voices`` and ``reader cache``: what is installed, what can be downloaded, and the chunk cache.

``reader voices`` is a command group whose callback lists (so ``reader voices``,
``--engine``, ``--json`` work as before), with ``download`` and ``remove``
subcommands beside it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import asdict
from typing import Annotated

import typer

from . import options as opt
from .common import app, echo_json, handled, stderr

voices_app = typer.Typer(rich_markup_mode=None)  # its help is the listing callback's docstring
app.add_typer(voices_app, name="voices")

Available = Annotated[bool, typer.Option("--available", "-a", help="List the Piper catalogue's voices (cached for a day) instead of the installed ones.")]
VoiceLanguage = Annotated[str | None, typer.Option("--language", "-l", help="Only voices of this language (de, or de_DE).")]
Refresh = Annotated[bool, typer.Option("--refresh", help="With --available: fetch the catalogue again even if the cached copy is fresh.")]


@voices_app.callback(invoke_without_command=True)
@handled
def voices(
    ctx: typer.Context,
    engine: Annotated[str | None, typer.Option("--engine", "-e", help="Only this engine's voices ('reader voices' lists the engines).")] = None,
    available: Available = False,
    language: VoiceLanguage = None,
    refresh: Refresh = False,
    as_json: opt.Json = False,
) -> None:
    """List voice presets and every engine's voices; the Piper catalogue with --available; download or remove voices.

    Example: reader voices --available --language de, then reader voices download de_DE-thorsten-high
    (reader voices download kokoro fetches the Kokoro-82M model).
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..errors import UsageError

    if available and engine:
        raise UsageError("--available lists the Piper catalogue; it takes no --engine.")
    if refresh and not available:
        raise UsageError("--refresh goes with --available.")
    if available:
        _available(language, refresh, as_json)
    else:
        _installed(engine, language, as_json)


def _installed(engine: str | None, language: str | None, as_json: bool) -> None:
    from ..engines import engine_names, engine_spec, engine_voices
    from ..errors import EngineUnavailable
    from ..voices import list_presets, preset_language, voice_dirs

    names = [engine_spec(engine).name] if engine else list(engine_names())
    presets = [p for p in list_presets() if engine in (None, p.engine) and _speaks(language, [preset_language(p)])]
    found, missing = [], []
    for name in names:
        try:
            found.extend(v for v in engine_voices(name, search_dirs=voice_dirs()) if _speaks(language, v.languages))
        except EngineUnavailable as exc:
            missing.append(f"{name}: {exc}")
    if as_json:
        echo_json({
            "presets": [{**asdict(p), "path": str(p.path), "language": preset_language(p)} for p in presets],
            "voices": [asdict(v) for v in found],
            "unavailable": missing,
            "folders": [str(d) for d in voice_dirs()],
        })  # fmt: skip
        return
    _print_voices(presets, found, missing)


def _speaks(language: str | None, languages) -> bool:
    """Whether any of ``languages`` (de, de_DE, de-de, gmw/de ...) is ``language``; no filter: True."""
    from ..language import language_code

    if not language:
        return True
    wanted = language_code(language)
    return any(lang and language_code(lang.rsplit("/", 1)[-1]) == wanted for lang in languages)


def _print_voices(presets, found, missing) -> None:
    from ..voices import DEFAULT_PRESET, install_dir, preset_language

    typer.echo("Presets (--voice NAME):")
    for p in presets:
        mark = " (default)" if p.name == DEFAULT_PRESET else ""
        lang = preset_language(p) or "-"
        typer.echo(f"  {p.name:<14} {p.engine:<8} {lang:<4} {p.description}{mark}")
    typer.echo(f"\nEngine voices (--voice ID or ENGINE:ID), {len(found)} found:")
    for v in found:
        langs = ",".join(v.languages)
        typer.echo(f"  {v.engine}:{v.id:<28} {v.name} {langs}".rstrip())
    for line in missing:
        typer.echo(f"  unavailable: {line}")
    typer.echo(f"\nMore voices: reader voices --available. Downloads and your own presets go to {install_dir()}")


def _available(language: str | None, refresh: bool, as_json: bool) -> None:
    from .. import catalog
    from ..voices import install_dir

    voices = catalog.available(language, refresh=refresh)
    folder = install_dir()
    installed = {v.key for v in voices if (folder / f"{v.key}.onnx.json").is_file()}
    if as_json:
        echo_json([{"key": v.key, "language": v.language, "language_name": v.language_name, "quality": v.quality,
                    "speakers": v.speakers, "size": v.size, "installed": v.key in installed} for v in voices])  # fmt: skip
        return
    typer.echo(f"Piper voices ({len(voices)}; reader voices download KEY):")
    for v in voices:
        mark = " installed" if v.key in installed else ""
        speakers = f"{v.speakers} speakers" if v.speakers > 1 else "1 speaker"
        typer.echo(f"  {v.key:<36} {v.language:<6} {v.quality:<7} {speakers:<12} {v.size / 2**20:6.1f} MiB{mark}")
    if not voices and language:
        typer.echo(f"  none for {language}; 'reader voices --available' lists every language")


@voices_app.command("download")
@handled
def voices_download(
    name: Annotated[str, typer.Argument(help="A catalogue voice key (de_DE-thorsten-high), or kokoro for the Kokoro-82M model.", show_default=False)],
    quiet: opt.Quiet = False,
) -> None:
    """Download a voice, verify every file's size and checksum, and install it (all or nothing).

    Example: reader voices download de_DE-thorsten-high
    """
    from .. import catalog
    from ..engines import kokoro_engine

    with _download_progress(quiet, name) as progress:
        if name == kokoro_engine.FOLDER:
            paths = kokoro_engine.download(progress)
        else:
            paths = catalog.download(name, progress=progress)
    use = "--voice kokoro:af_heart ('reader voices --engine kokoro' lists them)" if name == kokoro_engine.FOLDER else f"--voice {name}"
    if not quiet:
        typer.echo(f"Installed {name} in {paths[-1].parent}; use it with {use}")


@contextmanager
def _download_progress(disabled: bool, name: str):
    """A bytes bar on stderr, only on a terminal; yields the download's progress callback."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    console = stderr()
    if disabled or not console.is_terminal:
        yield None
        return
    with Progress(TextColumn(name), BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:  # fmt: skip
        task = bar.add_task("download", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        yield update


@voices_app.command("remove")
@handled
def voices_remove(
    name: Annotated[str, typer.Argument(help="A downloaded voice's key, or kokoro.", show_default=False)],
) -> None:
    """Delete a downloaded voice (its model, config and model card) from the voices folder.

    Example: reader voices remove de_DE-thorsten-high
    """
    from .. import catalog
    from ..engines import kokoro_engine

    if name == kokoro_engine.FOLDER:
        typer.echo(f"Removed {kokoro_engine.remove()}")
        return
    for path in catalog.remove(name):
        typer.echo(f"Removed {path}")


cache_app = typer.Typer(help="Inspect or empty the chunk cache (synthesized audio reused across runs).", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
@handled
def cache_info(as_json: opt.Json = False) -> None:
    """Where the chunk cache is, how many chunks it holds and its size limit.

    Example: reader cache info
    """
    from ..cache import ChunkCache

    info = ChunkCache().info()
    if as_json:
        echo_json({**asdict(info), "path": str(info.path)})
        return
    typer.echo(f"{info.path}\n{info.entries} chunks, {info.narrations} narrations, "
               f"{info.bytes / 2**20:.1f} MiB of {info.max_bytes / 2**20:.0f} MiB")


@cache_app.command("clear")
@handled
def cache_clear() -> None:
    """Delete every cached chunk.

    Example: reader cache clear
    """
    from ..cache import ChunkCache

    typer.echo(f"Removed {ChunkCache().clear()} cached files.")
