"""Transcripts: SRT or WebVTT cues, one per spoken chunk, timed from the audio itself.

Every chunk is synthesized on its own and its samples are counted as they go
to the encoder, so a cue's start and end are where its speech starts and ends
in the file, not an estimate.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import AssemblyError, UsageError
from .types import Segment

SUBTITLE_FORMATS = ("srt", "vtt")


def _clock(seconds: float, separator: str) -> str:
    millis = int(round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def render(segments: tuple[Segment, ...] | list[Segment], fmt: str) -> str:
    """The transcript text in ``fmt`` (srt or vtt)."""
    if fmt not in SUBTITLE_FORMATS:
        raise UsageError(f"Unknown subtitle format {fmt!r}; use srt or vtt.")
    separator = "," if fmt == "srt" else "."
    cues = []
    for number, segment in enumerate(segments, 1):
        timing = f"{_clock(segment.start_s, separator)} --> {_clock(segment.end_s, separator)}"
        cues.append(f"{number}\n{timing}\n{segment.text}\n" if fmt == "srt" else f"{timing}\n{segment.text}\n")
    body = "\n".join(cues)
    return body if fmt == "srt" else f"WEBVTT\n\n{body}"


def subtitles_path(audio: Path, fmt: str) -> Path:
    """Where the transcript of ``audio`` goes: beside it, same name, .srt or .vtt."""
    return audio.with_suffix(f".{fmt}")


def write_subtitles(segments, audio: Path, fmt: str) -> Path:
    """Write the transcript beside ``audio`` (same name, .srt or .vtt), atomically."""
    from .assemble import temp_prefix, usual_mode

    path = subtitles_path(audio, fmt)
    text = render(segments, fmt)
    tmp = None
    try:
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path.name), suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        usual_mode(Path(tmp))  # mkstemp makes it private; a transcript is served beside its audio
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise AssemblyError(f"Can't write {path}: {exc.strerror or exc}.") from exc
    return path
