"""The settings of one narration, built once from the CLI or a caller.

Its own small module so that code which only passes options around (the
batch planner, the CLI) does not load the pipeline's libraries.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TARGET_LUFS = -16.0
"""Integrated loudness of a narration unless told otherwise (podcast norm); ``reader.loudness`` uses it too."""


@dataclass(frozen=True)
class RunOptions:
    """Settings for one narration, built once from the CLI or a caller."""

    voice: str | None = None
    """Preset name, engine voice id, ``engine:voice`` or Piper model path."""
    rate: float | None = None
    """Speed factor overriding the preset's (0.5 - 2.0)."""
    pitch: int | None = None
    """Voice pitch 0-100 overriding the preset's, for engines that have one (pyttsx3)."""
    format: str | None = None
    """mp3, wav, ogg, m4b or flac; default from the output name, else mp3."""
    keep_all: bool = False
    """Narrate every line of the input, skipping the article detection."""
    threads: int | None = None
    """Engine threads; None lets the engine use every core."""
    lexicon: str | None = None
    """An extra pronunciation lexicon (TOML) on top of the shipped and user ones."""
    cache: bool = True
    """Reuse and store synthesized chunks in the chunk cache."""
    loudness: float = DEFAULT_TARGET_LUFS
    """Integrated loudness target of the output, in LUFS."""
    album: str | None = None
    """The album tag; default the article's site."""
    subtitles: str | None = None
    """Also write a transcript beside the audio: "srt" or "vtt"."""
    speaker: str | None = None
    """A speaker of a multi-speaker voice (Piper), by number or name."""
    language: str | None = None
    """The article's language (ISO 639-1), overriding the detected one."""
    normalize: bool = True
    """Rewrite numbers, dates and abbreviations into words; off gives the engine the text as written."""
    jobs: int | None = None
    """Processes synthesizing one article's chunks; None lets the engine decide (Piper: the cores,
    capped by memory), 1 synthesizes in this process."""
