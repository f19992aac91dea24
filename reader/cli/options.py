"""Options shared by every command that narrates, defined once, validated before any work.

Each command lists the same ``--voice``, ``--rate``, ``--pitch`` ... by
annotating its parameters with the types below, then calls
:func:`run_options`, which checks every value (exit 2 with one line on a bad
one) and returns the library's typed :class:`~reader.pipeline.RunOptions`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import UsageError

MIN_RATE, MAX_RATE = 0.5, 2.0
"""The same range the presets accept (``reader.voices``)."""
SUBTITLE_FORMATS = ("srt", "vtt")

def local_source(value: str) -> str:
    """A file:// URL given as the article becomes its path while parsing, so every later
    check (an output must not replace the input, an audio file is played) sees the file."""
    from ..source import file_url_path

    return file_url_path(value) if value else value


Source = Annotated[str, typer.Argument(help="Article: a file path (or file:// URL), an http(s) URL, or - for stdin.", show_default=False, callback=local_source)]
KeepAll = Annotated[bool, typer.Option("--keep-all", help="Narrate every line; skip article detection.")]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON result on stdout.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
Voice = Annotated[Optional[str], typer.Option("--voice", "-v", help="Preset name, engine voice id, engine:voice, or a voice model path ('reader voices' lists them).")]
Rate = Annotated[Optional[float], typer.Option("--rate", "-r", help=f"Speed factor, {MIN_RATE} to {MAX_RATE} (1.0 = the voice's natural pace).")]
Pitch = Annotated[Optional[int], typer.Option("--pitch", help="Voice pitch 0-100 (engines that have one: pyttsx3/espeak).")]
Format = Annotated[Optional[str], typer.Option("--format", "-f", help="mp3, wav, ogg (opus), m4b or flac; default from the output name, else mp3.")]
Loudness = Annotated[float, typer.Option("--loudness", help="Integrated loudness target in LUFS, -40 to -6 (podcasts: -16, audiobooks: -18 to -20).")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Synthesize every chunk again; don't read or fill the chunk cache.")]
Lexicon = Annotated[Optional[Path], typer.Option("--lexicon", help="Extra pronunciation lexicon (TOML [words] table), over the shipped and user ones.")]
Language = Annotated[Optional[str], typer.Option("--language", "-l", help="The article's language (ISO 639-1, e.g. de), overriding detection; it picks how numbers and dates are read.")]
Subtitles = Annotated[Optional[str], typer.Option("--subtitles", help="Also write a transcript beside the audio: srt or vtt.")]
Speaker = Annotated[Optional[str], typer.Option("--speaker", help="A speaker of a multi-speaker voice, by number or name (e.g. p239).")]
Jobs = Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes synthesizing the article's chunks side by side (default: the voice decides; Piper: one per core, as memory allows). 1: one process.", show_default=False)]
Album = Annotated[Optional[str], typer.Option("--album", help="Album tag (default: the article's site).")]


def run_options(
    *, voice: str | None = None, rate: float | None = None, pitch: int | None = None, fmt: str | None = None,
    keep_all: bool = False, lexicon: Path | None = None, language: str | None = None, no_cache: bool = False,
    loudness: float = -16.0, subtitles: str | None = None, album: str | None = None, jobs: int | None = None,
    speaker: str | None = None,
):  # fmt: skip
    """The library's RunOptions from command-line values, each checked first (UsageError: exit 2)."""
    from ..options import RunOptions

    _check_range("--rate", rate, MIN_RATE, MAX_RATE)
    _check_range("--pitch", pitch, 0, 100)
    _check_range("--loudness", loudness, -40.0, -6.0)
    _check_range("--jobs", jobs, 1, 64)
    if fmt is not None:
        from ..assemble import choose_format

        fmt = choose_format(None, fmt)
    if lexicon is not None and not lexicon.is_file():
        raise UsageError(f"Lexicon {lexicon} does not exist.")
    return RunOptions(
        voice=voice, rate=rate, pitch=pitch, format=fmt, keep_all=keep_all, lexicon=str(lexicon) if lexicon else None,
        cache=not no_cache, loudness=loudness, subtitles=subtitle_format(subtitles), album=album,
        language=language_code(language), jobs=jobs, speaker=speaker,
    )  # fmt: skip


def _check_range(name: str, value: float | None, low: float, high: float) -> None:
    if value is not None and not low <= value <= high:
        raise UsageError(f"{name} {value} is out of range; use {low} to {high}.")


def subtitle_format(value: str | None) -> str | None:
    if value is not None and value.lower() not in SUBTITLE_FORMATS:
        raise UsageError(f"--subtitles takes srt or vtt, not {value!r}.")
    return value.lower() if value else None


def language_code(code: str | None) -> str | None:
    """An ISO 639-1 code ("de", "pt-BR" -> "pt"), or a usage error."""
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?", code):
        raise UsageError(f"--language {code!r} is not a language code (use e.g. en, de, fr, pt-BR).")
    from ..language import language_code as primary

    return primary(code)
