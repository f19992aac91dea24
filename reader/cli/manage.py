"""``reader voices`` and ``reader cache``: what is installed, and the chunk cache."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Optional

import typer

from . import options as opt
from .common import app, echo_json, handled


@app.command()
@handled
def voices(
    engine: Annotated[Optional[str], typer.Option("--engine", "-e", help="Only this engine's voices ('reader voices' lists the engines).")] = None,
    as_json: opt.Json = False,
) -> None:
    """List voice presets and every voice each engine offers.

    Example: reader voices --engine piper
    """
    from ..engines import engine_names, engine_spec, engine_voices
    from ..errors import EngineUnavailable
    from ..voices import list_presets, voice_dirs

    names = [engine_spec(engine).name] if engine else list(engine_names())
    presets = [p for p in list_presets() if engine in (None, p.engine)]
    found, missing = [], []
    for name in names:
        try:
            found.extend(engine_voices(name, search_dirs=voice_dirs()))
        except EngineUnavailable as exc:
            missing.append(f"{name}: {exc}")
    if as_json:
        echo_json({
            "presets": [{**asdict(p), "path": str(p.path)} for p in presets],
            "voices": [asdict(v) for v in found],
            "unavailable": missing,
            "folders": [str(d) for d in voice_dirs()],
        })  # fmt: skip
        return
    _print_voices(presets, found, missing)


def _print_voices(presets, found, missing) -> None:
    from ..voices import DEFAULT_PRESET, user_voice_dir

    typer.echo("Presets (--voice NAME):")
    for p in presets:
        mark = " (default)" if p.name == DEFAULT_PRESET else ""
        typer.echo(f"  {p.name:<14} {p.engine:<8} {p.description}{mark}")
    typer.echo(f"\nEngine voices (--voice ID or ENGINE:ID), {len(found)} found:")
    for v in found:
        langs = ",".join(v.languages)
        typer.echo(f"  {v.engine}:{v.id:<28} {v.name} {langs}".rstrip())
    for line in missing:
        typer.echo(f"  unavailable: {line}")
    typer.echo(f"\nAdd presets or Piper models (.onnx + .onnx.json) to {user_voice_dir()}")


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
