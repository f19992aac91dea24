"""The ``reader`` command: parse options, call the library, print results.

Exit codes: 0 success, 1 a failure (bad input, engine, output), 2 a usage
error, 130 interrupted.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import pipeline
from .errors import ReaderError
from .types import Article, Narration

app = typer.Typer(
    name="reader",
    help="Narrate saved web articles (text dumps, HTML, URLs, Markdown) offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True)

SourceArg = Annotated[str, typer.Argument(help="Article: a file path, an http(s) URL, or - for stdin.", show_default=False)]
KeepAll = Annotated[bool, typer.Option("--keep-all", help="Narrate every line; skip article detection.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON result on stdout.")]
Pitch = Annotated[Optional[int], typer.Option("--pitch", help="Voice pitch 0-100 (pyttsx3/espeak voices; Piper has none).")]
Loudness = Annotated[float, typer.Option("--loudness", help="Integrated loudness target in LUFS (podcasts: -16, audiobooks: -18 to -20).", min=-40, max=-6)]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Synthesize every chunk again; don't read or fill the chunk cache.")]
Language = Annotated[Optional[str], typer.Option("--language", "-l", help="The article's language (ISO 639-1, e.g. de), overriding detection; it picks how numbers and dates are read.")]
LexiconOpt = Annotated[Optional[Path], typer.Option("--lexicon", help="Extra pronunciation lexicon (TOML [words] table), over the shipped and user ones.")]


def _language(code: str | None) -> str | None:
    """An ISO 639-1 code ("de", "pt-BR"), or a usage error."""
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?", code):
        raise typer.BadParameter(f"{code!r} is not a language code (use e.g. en, de, fr, pt-BR).", param_hint="--language")
    return code.replace("_", "-").split("-")[0].lower()


def _handled(command):
    """Turn every ReaderError into one line on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ReaderError as exc:
            _err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err.print("interrupted; no output was written.")
            raise typer.Exit(130) from None

    return wrapper


@app.command()
@_handled
def convert(
    source: SourceArg,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Audio file to write (default: <input name>.mp3 here).")] = None,
    voice: Annotated[Optional[str], typer.Option("--voice", "-v", help="Preset name, engine voice id, engine:voice, or a Piper .onnx path.")] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", "-r", help="Speed factor, 0.5 to 2.0 (1.0 = the voice's natural pace).")] = None,
    pitch: Pitch = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="mp3, wav, ogg (opus), m4b or flac; default from the output name, else mp3.")] = None,
    keep_all: KeepAll = False,
    lexicon: LexiconOpt = None,
    language: Language = None,
    no_cache: NoCache = False,
    loudness: Loudness = -16.0,
    subtitles: Annotated[Optional[str], typer.Option("--subtitles", help="Also write a transcript beside the audio: srt or vtt.")] = None,
    album: Annotated[Optional[str], typer.Option("--album", help="Album tag (default: the article's site).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Narrate one article into an audio file.

    Example: reader convert samples/kyiv-independent-bakhmut.txt -o bakhmut.mp3
    """
    options = pipeline.RunOptions(
        voice=voice, rate=rate, pitch=pitch, format=fmt, keep_all=keep_all, lexicon=str(lexicon) if lexicon else None,
        cache=not no_cache, loudness=loudness, subtitles=_subtitle_format(subtitles), album=album,
        language=_language(language),
    )
    with _progress(disabled=quiet or as_json or not _err.is_terminal) as on_progress:
        result = pipeline.narrate(source, output, options=options, on_progress=on_progress)
    if as_json:
        typer.echo(json.dumps(_narration_json(result), ensure_ascii=False))
    elif not quiet:
        _err.print(
            f"Wrote {result.path} ({_clock(result.duration_s)}, {result.chunks} chunks, "
            f"voice {result.voice})",
            highlight=False,
        )


@app.command()
@_handled
def extract(
    source: SourceArg,
    as_json: JsonOpt = False,
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="Also print what was left out, and why.")] = False,
    keep_all: KeepAll = False,
) -> None:
    """Print the cleaned article: headline, blank line, paragraphs.

    Example: reader extract page.html --json
    """
    article = pipeline.extract(source, keep_all=keep_all)
    if as_json:
        typer.echo(json.dumps(_article_json(article), ensure_ascii=False, indent=2))
        return
    typer.echo(article.to_text())
    if show_dropped:
        for item in article.dropped:
            typer.echo(f"[dropped: {item.reason}] {item.text}", err=True)


@app.command()
@_handled
def script(
    source: SourceArg,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Take the input as already-clean text.")] = False,
    no_normalize: Annotated[bool, typer.Option("--no-normalize", help="Show the sentence split without rewriting numbers, dates, abbreviations.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="After each sentence, list its rewrites (written -> spoken, rule).")] = False,
    lexicon: LexiconOpt = None,
    language: Language = None,
    keep_all: KeepAll = False,
) -> None:
    """Print exactly what will be spoken: one sentence per line, blank line between paragraphs.

    With --explain each sentence is shown as the article writes it, then each
    rewrite (written -> spoken, rule), then the spoken sentence after "=".

    Example: reader script page.html --explain --language de
    """
    article = pipeline.extract(source, keep_all=keep_all or no_clean, language=_language(language))
    normalizer = pipeline.load_normalizer(lexicon, article.language)
    result, rewrites = pipeline.explain_script(article, normalize=not no_normalize, normalizer=normalizer)
    if not explain:
        typer.echo(result.to_text())
        return
    notes = iter(rewrites)
    for index, paragraph in enumerate(result.paragraphs):
        if index:
            typer.echo("")
        for spoken, written in zip(paragraph.sentences, paragraph.written or paragraph.sentences):
            typer.echo(written)
            for rewrite in next(notes, []):
                typer.echo(f"    {rewrite.original} -> {rewrite.spoken}  ({rewrite.rule})")
            if spoken != written:
                typer.echo(f"  = {spoken}")


@app.command()
@_handled
def voices(
    engine: Annotated[Optional[str], typer.Option("--engine", "-e", help="Only this engine's voices (piper, pyttsx3).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List voice presets and every voice each engine offers.

    Example: reader voices --engine piper
    """
    from .engines import engine_voices
    from .errors import EngineUnavailable
    from .voices import list_presets, voice_dirs

    presets = [p for p in list_presets() if engine in (None, p.engine)]
    found, missing = [], []
    for name in [engine] if engine else ["piper", "pyttsx3"]:
        try:
            found.extend(engine_voices(name, search_dirs=voice_dirs()))
        except EngineUnavailable as exc:
            missing.append(f"{name}: {exc}")
    if as_json:
        typer.echo(json.dumps({
            "presets": [{**asdict(p), "path": str(p.path)} for p in presets],
            "voices": [asdict(v) for v in found],
            "unavailable": missing,
            "folders": [str(d) for d in voice_dirs()],
        }, ensure_ascii=False, indent=2))  # fmt: skip
        return
    _print_voices(presets, found, missing)


@app.command()
@_handled
def play(
    source: SourceArg,
    save: Annotated[Optional[Path], typer.Option("--save", help="Also keep the narration in this file.")] = None,
    player: Annotated[Optional[str], typer.Option("--player", help="Command that plays raw 16-bit mono PCM from stdin; {rate} becomes the sample rate.")] = None,
    voice: Annotated[Optional[str], typer.Option("--voice", "-v", help="Preset name, engine voice id or Piper model path.")] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", "-r", help="Speed factor, 0.5 to 2.0.")] = None,
    keep_all: KeepAll = False,
    lexicon: LexiconOpt = None,
    language: Language = None,
    no_cache: NoCache = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Play an audio file, or narrate an article and hear it while it is synthesized.

    Ctrl-C stops playback; nothing half-written is kept.

    Examples: reader play narration.mp3 ; reader play page.html --save page.mp3
    """
    from .player import find_player
    from .playback import is_audio_file, play_article, play_file

    output = find_player(player)
    if is_audio_file(source):
        result = play_file(Path(source), output)
    else:
        options = pipeline.RunOptions(voice=voice, rate=rate, keep_all=keep_all,
                                      lexicon=str(lexicon) if lexicon else None, cache=not no_cache,
                                      language=_language(language))  # fmt: skip
        result = play_article(source, output, options=options, save=save)
    if not quiet:
        saved = f", saved to {result.saved}" if result.saved else ""
        _err.print(f"Played {_clock(result.duration_s)} (first audio after {result.first_audio_s:.2f} s){saved}", highlight=False)


def _print_voices(presets, found, missing) -> None:
    from .voices import DEFAULT_PRESET, user_voice_dir

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


class _progress:
    """A rich progress bar on stderr, yielding the pipeline's progress callback."""

    def __init__(self, disabled: bool) -> None:
        self._bar = Progress(
            TextColumn("Narrating"), BarColumn(), MofNCompleteColumn(), TextColumn("chunks"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=_err, disable=disabled, transient=True,
        )  # fmt: skip
        self._task = None

    def __enter__(self):
        self._bar.__enter__()

        def update(done: int, total: int) -> None:
            if self._task is None:
                self._task = self._bar.add_task("narrate", total=total)
            self._bar.update(self._task, completed=done)

        return update

    def __exit__(self, *exc) -> None:
        self._bar.__exit__(*exc)


def _subtitle_format(value: str | None) -> str | None:
    from .errors import UsageError

    if value is not None and value.lower() not in ("srt", "vtt"):
        raise UsageError(f"--subtitles takes srt or vtt, not {value!r}.")
    return value.lower() if value else None


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def _narration_json(result: Narration) -> dict:
    data = asdict(result)
    data["path"] = str(result.path)
    data["segments"] = len(result.segments)
    return data


def _article_json(article: Article) -> dict:
    return {
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "site": article.site,
        "url": article.url,
        "language": article.language,
        "paragraphs": [{"kind": b.kind.value, "text": b.text} for b in article.blocks],
        "dropped": [{"text": d.text, "reason": d.reason} for d in article.dropped],
    }


from . import cli_batch  # noqa: E402,F401 - registers `batch` and `cache` on the app


def main() -> None:
    """Console-script entry point."""
    app(prog_name="reader")


if __name__ == "__main__":
    sys.exit(main())
