"""Play: narrate an article while it is heard, or play an audio file.

Synthesis runs on a thread ahead of playback (a bounded prefetch queue), so
the first sentence plays as soon as it is rendered and the rest never waits
on the engine. ``save`` keeps the narration in a file too, written
atomically like ``convert``'s output.
"""

from __future__ import annotations

import queue
import subprocess
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .assemble import Encoder, check_writable, choose_format, find_ffmpeg
from .errors import SourceError
from .pipeline import RunOptions, extract, make_chunks, open_voice, synthesize_chunks
from .voices import resolve_voice

PREFETCH_CHUNKS = 8
"""Chunks rendered ahead of playback: tens of seconds of audio, a few MB."""
PLAYBACK_RATE = 24000
_DONE = object()


@dataclass(frozen=True)
class Playback:
    duration_s: float
    first_audio_s: float
    """Seconds from the start of the call until the first audio went to the player."""
    saved: Path | None = None


def play_article(
    source: str, player, *, options: RunOptions | None = None, save: Path | None = None, engine=None,
    stdin: BinaryIO | None = None,
) -> Playback:  # fmt: skip
    """Narrate ``source`` into ``player`` while synthesizing; optionally keep it in ``save``."""
    started = time.perf_counter()
    options = options or RunOptions()
    preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch)
    fmt = choose_format(save, options.format) if save else None
    if save:
        check_writable(save)
    article = extract(source, keep_all=options.keep_all, stdin=stdin, language=options.language)
    chunks = make_chunks(article, preset, options)
    voice = open_voice(preset, options, engine)
    stop = threading.Event()
    ahead: queue.Queue = queue.Queue(maxsize=PREFETCH_CHUNKS)
    worker = threading.Thread(target=_produce, args=(chunks, voice, ahead, stop), daemon=True)
    worker.start()
    samples, first_audio = 0, None
    try:
        with ExitStack() as stack:
            encoder = None
            for chunk, pcm in _consume(ahead):
                if first_audio is None:
                    player.start(voice.sample_rate)
                    stack.callback(player.stop)
                    if save:
                        encoder = stack.enter_context(Encoder(save, fmt, voice.sample_rate))
                    first_audio = time.perf_counter() - started
                silence = np.zeros(int(voice.sample_rate * chunk.pause_ms / 1000), dtype=np.int16)
                for part in (pcm, silence):
                    if part is not None and part.size:
                        player.write(part)
                        if encoder is not None:
                            encoder.write(part)
                        samples += part.size
            player.finish()
    finally:
        stop.set()
        if engine is None:
            voice.close()
    rate = voice.sample_rate if samples else 1
    return Playback(samples / rate, first_audio or 0.0, save)


def _produce(chunks, voice, ahead: queue.Queue, stop: threading.Event) -> None:
    try:
        for chunk, pcm, _ in synthesize_chunks(chunks, voice):
            if stop.is_set():
                return
            ahead.put((chunk, pcm))
        ahead.put(_DONE)
    except BaseException as exc:  # noqa: BLE001 - handed to the playing thread
        ahead.put(exc)


def _consume(ahead: queue.Queue):
    while True:
        item = ahead.get()
        if item is _DONE:
            return
        if isinstance(item, BaseException):
            raise item
        yield item


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
