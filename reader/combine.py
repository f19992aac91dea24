"""Join narrations into one audiobook (m4b) with a chapter per article.

Each narration ends with only its last paragraph's pause, which between two
articles sounds like the next paragraph of the same one. So a pause of at
least the preset's title pause is added after every article but the last,
and each chapter starts where its article's title is spoken.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .assemble import FORMATS, check_writable, find_ffmpeg, output_target
from .errors import AssemblyError, UsageError
from .tags import Chapter, Tags, write_tags
from .types import Pauses

DEFAULT_PAUSE_S = Pauses().title / 1000


@dataclass(frozen=True)
class Book:
    """The audiobook written."""

    path: Path
    duration_s: float
    chapters: int


def combine(
    parts: list[tuple[Path, str, float]], out: Path, *, title: str, pause_s: float = DEFAULT_PAUSE_S,
    author: str = "", cover: Path | None = None,
) -> Book:  # fmt: skip
    """``parts`` are (audio file, chapter title, duration); writes ``out`` atomically.

    ``pause_s`` of silence is added between articles (the voice's title pause);
    ``cover`` is an image to embed instead of a cover generated from ``title``.
    """
    if out.suffix.lower() not in (".m4b", ".m4a"):
        raise UsageError("--combine writes an audiobook: give a .m4b file name.")
    if not parts:
        raise UsageError("Nothing to combine: no article was narrated.")
    check_writable(out, inputs=[path for path, _, _ in parts])
    pause_s = max(0.0, pause_s)
    chapters, start = [], 0.0
    for index, (_, name, duration) in enumerate(parts):
        gap = pause_s if index < len(parts) - 1 else 0.0
        chapters.append(Chapter(start, start + duration + gap, name))
        start += duration + gap
    with tempfile.TemporaryDirectory(dir=output_target(out).parent) as tmp:
        joined = Path(tmp) / "joined.m4b"
        _join([path for path, _, _ in parts], pause_s, joined)
        write_tags(joined, "m4b", Tags(title=title, artist=author, album=title, cover=cover), chapters)
        os.replace(joined, output_target(out))  # through a symlink, onto its target
    return Book(out, start, len(chapters))


def _join(paths: list[Path], pause_s: float, joined: Path) -> None:
    """Decode every part, pad all but the last with ``pause_s`` of silence, and encode them as one.

    The concat filter (not the concat demuxer) because the parts are decoded
    anyway and the padding must be real samples; every part is brought to the
    first part's sample rate, mono, so parts from different voices join too.
    """
    rate = _sample_rate(paths[0])
    inputs, chains = [], []
    for index, path in enumerate(paths):
        inputs += ["-i", str(path)]
        pad = f",apad=pad_dur={pause_s:.3f}" if index < len(paths) - 1 and pause_s > 0 else ""
        chains.append(f"[{index}:a:0]aresample={rate},aformat=channel_layouts=mono{pad}[a{index}]")
    graph = ";".join(chains) + ";" + "".join(f"[a{i}]" for i in range(len(paths))) + f"concat=n={len(paths)}:v=0:a=1[out]"
    command = [find_ffmpeg(), "-v", "error", "-nostdin", "-y", *inputs, "-filter_complex", graph, "-map", "[out]",
               *FORMATS["m4b"], str(joined)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        raise AssemblyError(f"ffmpeg could not join the narrations: {message[-1] if message else 'failed'}")


def _sample_rate(path: Path) -> int:
    """The first part's sample rate (mutagen reads it from the header), else 24 kHz."""
    import mutagen

    try:
        info = mutagen.File(str(path))
    except (OSError, mutagen.MutagenError):
        info = None
    return int(getattr(getattr(info, "info", None), "sample_rate", 0) or 24000)
