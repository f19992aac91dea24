"""The commands that read one article: convert, play, script, extract."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import options as opt
from .common import app, article_json, clock, echo_json, handled, narration_json, say, stderr
from .progress import chunk_progress


@app.command()
@handled
def convert(
    source: opt.Source,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Audio file to write (default: <input name>.mp3 here).")] = None,
    voice: opt.Voice = None,
    rate: opt.Rate = None,
    pitch: opt.Pitch = None,
    fmt: opt.Format = None,
    keep_all: opt.KeepAll = False,
    lexicon: opt.Lexicon = None,
    language: opt.Language = None,
    no_cache: opt.NoCache = False,
    loudness: opt.Loudness = -16.0,
    subtitles: opt.Subtitles = None,
    album: opt.Album = None,
    jobs: opt.Jobs = None,
    speaker: opt.Speaker = None,
    quiet: opt.Quiet = False,
    as_json: opt.Json = False,
) -> None:
    """Narrate one article into an audio file.

    Example: reader convert samples/kyiv-independent-bakhmut.txt -o bakhmut.mp3
    """
    from .. import pipeline

    options = opt.run_options(
        voice=voice, rate=rate, pitch=pitch, fmt=fmt, keep_all=keep_all, lexicon=lexicon, language=language,
        no_cache=no_cache, loudness=loudness, subtitles=subtitles, album=album, jobs=jobs, speaker=speaker,
    )  # fmt: skip
    with chunk_progress(disabled=quiet or as_json) as on_progress:
        result = pipeline.narrate(source, output, options=options, on_progress=on_progress)
    if as_json:
        echo_json(narration_json(result))
    elif not quiet:
        say(f"Wrote {result.path} ({clock(result.duration_s)}, {result.chunks} chunks, voice {result.voice})")


@app.command()
@handled
def play(
    source: opt.Source,
    save: Annotated[Optional[Path], typer.Option("--save", help="Also keep the narration in this file (the same file convert writes).")] = None,
    player: Annotated[Optional[str], typer.Option("--player", help="Command that plays raw 16-bit mono PCM from stdin; {rate} becomes the sample rate.")] = None,
    voice: opt.Voice = None,
    rate: opt.Rate = None,
    pitch: opt.Pitch = None,
    fmt: opt.Format = None,
    keep_all: opt.KeepAll = False,
    lexicon: opt.Lexicon = None,
    language: opt.Language = None,
    no_cache: opt.NoCache = False,
    loudness: opt.Loudness = -16.0,
    subtitles: opt.Subtitles = None,
    jobs: opt.Jobs = None,
    speaker: opt.Speaker = None,
    quiet: opt.Quiet = False,
) -> None:
    """Play an audio file, or narrate an article and hear it while it is synthesized.

    Ctrl-C stops playback; nothing half-written is kept.

    Examples: reader play narration.mp3 ; reader play page.html --save page.mp3
    """
    from ..player import find_player
    from ..playback import is_audio_file, play_article, play_file

    options = opt.run_options(
        voice=voice, rate=rate, pitch=pitch, fmt=fmt, keep_all=keep_all, lexicon=lexicon, language=language,
        no_cache=no_cache, loudness=loudness, subtitles=subtitles, jobs=jobs, speaker=speaker,
    )  # fmt: skip
    output = find_player(player)
    if is_audio_file(source):
        result = play_file(Path(source), output)
    else:
        result = play_article(source, output, options=options, save=save)
    if not quiet:
        saved = f", saved to {result.saved}" if result.saved else ""
        say(f"Played {clock(result.duration_s)} (first audio after {result.first_audio_s:.2f} s){saved}")


@app.command()
@handled
def extract(
    source: opt.Source,
    as_json: opt.Json = False,
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="Also print what was left out, and why.")] = False,
    keep_all: opt.KeepAll = False,
) -> None:
    """Print the cleaned article: headline, blank line, paragraphs.

    Example: reader extract page.html --json
    """
    from .. import pipeline

    article = pipeline.extract(source, keep_all=keep_all)
    if as_json:
        echo_json(article_json(article))
        return
    typer.echo(article.to_text())
    if show_dropped:
        console = stderr()
        for item in article.dropped:
            console.print(f"[dropped: {item.reason}] {item.text}")


@app.command()
@handled
def script(
    source: opt.Source,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Take the input as already-clean text.")] = False,
    no_normalize: Annotated[bool, typer.Option("--no-normalize", help="Show the sentence split without rewriting numbers, dates, abbreviations.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Each sentence as written, its rewrites (written -> spoken, rule), then '= spoken'.")] = False,
    lexicon: opt.Lexicon = None,
    language: opt.Language = None,
    keep_all: opt.KeepAll = False,
) -> None:
    """Print exactly what will be spoken: one sentence per line, blank line between paragraphs.

    With --explain each sentence is shown as the article writes it, then each
    rewrite (written -> spoken, rule), then the spoken sentence after "=".

    Example: reader script page.html --explain --language de
    """
    from .. import pipeline

    options = opt.run_options(lexicon=lexicon, language=language)
    article = pipeline.extract(source, keep_all=keep_all or no_clean, language=options.language)
    normalizer = pipeline.load_normalizer(options.lexicon, article.language)
    result, rewrites = pipeline.explain_script(article, normalize=not no_normalize, normalizer=normalizer)
    if explain:
        _print_explained(result, rewrites)
    else:
        typer.echo(result.to_text())


def _print_explained(result, rewrites) -> None:
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
