"""Play: narrate an article while it is heard, or play an audio file.

The same preparation and renderer as ``convert``, with the player as a sink:
the session renders ahead of playback (a bounded prefetch), so the first
sentence plays as soon as it is rendered. ``save`` adds the file sink, so the
saved file is the one ``convert`` writes.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .assemble import choose_format, find_ffmpeg
from .engines import Engine
from .errors import SourceError
from .pipeline import RunOptions, WarmSessions, check_outputs, open_session, prepare, write_narration
from .render import PlayerSink, render

PLAYBACK_RATE = 24000


@dataclass(frozen=True)
class Playback:
    duration_s: float
    first_audio_s: float
    """Seconds from the start of the call until the first audio went to the player."""
    saved: Path | None = None


def play_article(
    source: str, player, *, options: RunOptions | None = None, save: Path | None = None,
    engine: Engine | None = None, stdin: BinaryIO | None = None,
) -> Playback:  # fmt: skip
    """Narrate ``source`` into ``player`` while synthesizing; ``save`` also writes the file
    ``convert`` would (tags, chapters, transcript, narration cache)."""
    started = time.perf_counter()
    options = options or RunOptions()
    fmt = choose_format(save, options.format) if save else None
    if save:
        check_outputs(save, source, options)
    opened = WarmSessions(lambda preset: open_session(preset, options, engine))
    sink = PlayerSink(player)
    try:
        prepared = prepare(source, options, stdin=stdin, on_voice=opened.warm)
        session = opened.get(prepared.preset)
        if save:
            narration = write_narration(prepared, session, save, fmt, options, also=(sink,))
            return Playback(narration.duration_s, sink.first_audio_s(started), save)
        rendered = render(prepared.chunks, session, [sink])
        return Playback(rendered.duration_s, sink.first_audio_s(started))
    finally:
        opened.close()


AUDIO_SUFFIXES = {".mp3", ".ogg", ".opus", ".wav", ".flac", ".m4a", ".m4b", ".aac"}


def is_audio_file(source: str) -> bool:
    return Path(source).suffix.lower() in AUDIO_SUFFIXES and Path(source).is_file()


def play_file(path: Path, player, on_progress: Callable[[float], None] | None = None) -> Playback:
    """Decode an audio file with ffmpeg and stream it to ``player``."""
    started = time.perf_counter()
    command = [find_ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-f", "s16le", "-ac", "1",
               "-ar", str(PLAYBACK_RATE), "-"]  # fmt: skip
    decoder = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    samples, first_audio = 0, None
    try:
        player.start(PLAYBACK_RATE)
        while block := decoder.stdout.read(PLAYBACK_RATE * 2):
            pcm = np.frombuffer(block[: len(block) // 2 * 2], dtype="<i2")
            player.write(pcm)
            first_audio = first_audio if first_audio is not None else time.perf_counter() - started
            samples += pcm.size
        if decoder.wait() != 0:
            message = decoder.stderr.read().decode("utf-8", "replace").strip().splitlines()
            raise SourceError(f"{path} can't be decoded as audio: {message[-1] if message else 'ffmpeg failed'}")
        player.finish()
    except BaseException:
        player.stop()
        raise
    finally:
        if decoder.poll() is None:
            decoder.kill()
        decoder.wait()
    return Playback(samples / PLAYBACK_RATE, first_audio or 0.0)
