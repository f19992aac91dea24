"""Join narrations into one audiobook (m4b) with a chapter per article."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from .assemble import FORMATS, check_writable, find_ffmpeg
from .errors import AssemblyError, UsageError
from .tags import Chapter, Tags, write_tags


def combine(parts: list[tuple[Path, str, float]], out: Path, *, title: str) -> Path:
    """``parts`` are (audio file, chapter title, duration); writes ``out`` atomically."""
    if out.suffix.lower() not in (".m4b", ".m4a"):
        raise UsageError("--combine writes an audiobook: give a .m4b file name.")
    if not parts:
        raise UsageError("Nothing to combine: no article was narrated.")
    check_writable(out)
    chapters, start = [], 0.0
    for _, name, duration in parts:
        chapters.append(Chapter(start, start + duration, name))
        start += duration
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        listing = Path(tmp) / "parts.txt"
        listing.write_text("".join(f"file '{_quote(path)}'\n" for path, _, _ in parts), encoding="utf-8")
        joined = Path(tmp) / "joined.m4b"
        command = [find_ffmpeg(), "-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
                   "-vn", *FORMATS["m4b"], str(joined)]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            message = result.stderr.strip().splitlines()
            raise AssemblyError(f"ffmpeg could not join the narrations: {message[-1] if message else 'failed'}")
        write_tags(joined, "m4b", Tags(title=title, album=title), chapters)
        os.replace(joined, out)
    return out


def _quote(path: Path) -> str:
    return str(path.resolve()).replace("'", "'\\''")
