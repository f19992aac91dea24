"""Tags and chapters inside the audio file, the way players and podcast apps read them.

mp3: ID3v2.4 (title, artist, album, date, source URL, description, and
CHAP/CTOC chapter frames); ogg/opus/flac: Vorbis comments; m4b/m4a: MP4
atoms and chapters, written by an ffmpeg stream copy (mutagen writes no MP4
chapters). WAV gets no tags.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import AssemblyError


@dataclass(frozen=True)
class Chapter:
    start_s: float
    end_s: float
    title: str


@dataclass(frozen=True)
class Tags:
    title: str = ""
    artist: str = ""
    """The author, else the site."""
    album: str = ""
    """The site, or --album."""
    date: str = ""
    url: str = ""
    description: str = ""


def write_tags(path: Path, fmt: str, tags: Tags, chapters: list[Chapter]) -> None:
    """Tag a finished (not yet renamed) file in place."""
    try:
        if fmt == "mp3":
            _id3(path, tags, chapters)
        elif fmt in ("ogg", "opus", "flac"):
            _vorbis(path, fmt, tags)
        elif fmt in ("m4b", "m4a"):
            _mp4_with_ffmpeg(path, tags, chapters)
    except (OSError, ValueError) as exc:
        raise AssemblyError(f"Can't write tags into {path.name}: {exc}") from exc


def _id3(path: Path, tags: Tags, chapters: list[Chapter]) -> None:
    from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TDRC, TIT2, TPE1, WOAS, CTOCFlags

    id3 = ID3()
    for frame, value in ((TIT2, tags.title), (TPE1, tags.artist), (TALB, tags.album), (TDRC, tags.date)):
        if value:
            id3.add(frame(encoding=3, text=value))
    if tags.url:
        id3.add(WOAS(url=tags.url))
    if tags.description:
        id3.add(COMM(encoding=3, lang="eng", desc="", text=tags.description))
    if chapters:
        ids = [f"chp{i}" for i in range(len(chapters))]
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text="Chapters")]))  # fmt: skip
        for element, chapter in zip(ids, chapters):
            id3.add(CHAP(element_id=element, start_time=int(chapter.start_s * 1000), end_time=int(chapter.end_s * 1000),
                         sub_frames=[TIT2(encoding=3, text=chapter.title)]))  # fmt: skip
    id3.save(str(path), v2_version=4)


def _vorbis(path: Path, fmt: str, tags: Tags) -> None:
    from mutagen.flac import FLAC
    from mutagen.oggopus import OggOpus

    audio = FLAC(str(path)) if fmt == "flac" else OggOpus(str(path))
    for key, value in (("title", tags.title), ("artist", tags.artist), ("album", tags.album), ("date", tags.date),
                       ("contact", tags.url), ("description", tags.description)):  # fmt: skip
        if value:
            audio[key] = value
    audio.save()


def _ffmetadata(tags: Tags, chapters: list[Chapter]) -> str:
    def escape(text: str) -> str:
        return "".join("\\" + ch if ch in "=;#\\\n" else ch for ch in text)

    lines = [";FFMETADATA1"]
    for key, value in (("title", tags.title), ("artist", tags.artist), ("album", tags.album), ("date", tags.date),
                       ("comment", tags.url), ("description", tags.description)):  # fmt: skip
        if value:
            lines.append(f"{key}={escape(value)}")
    for chapter in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={int(chapter.start_s * 1000)}",
                  f"END={int(chapter.end_s * 1000)}", f"title={escape(chapter.title)}"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _mp4_with_ffmpeg(path: Path, tags: Tags, chapters: list[Chapter]) -> None:
    from .assemble import find_ffmpeg

    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        meta = Path(tmp) / "meta.txt"
        meta.write_text(_ffmetadata(tags, chapters), encoding="utf-8")
        remuxed = Path(tmp) / f"out{path.suffix}"
        command = [find_ffmpeg(), "-v", "error", "-nostdin", "-y", "-i", str(path), "-f", "ffmetadata", "-i", str(meta),
                   "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy", "-f", "ipod", str(remuxed)]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise ValueError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "ffmpeg failed")
        remuxed.replace(path)
