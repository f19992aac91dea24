"""Tags and chapters inside the audio file, the way players and podcast apps read them.

mp3: ID3v2.4 (title, artist, album, date, source URL, description, cover
art, and CHAP/CTOC chapter frames); ogg/opus/flac: Vorbis comments;
m4b/m4a: MP4 atoms and chapters, written by an ffmpeg stream copy (mutagen
writes no MP4 chapters), then the cover by mutagen. WAV gets no tags.

Dates go in as the page wrote them and come out ISO 8601 in every format
(reader/dates.py), or not at all when the page's date can't be read.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from .dates import iso_date
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
    """As the page wrote it; written ISO 8601 (reader.dates.iso_date)."""
    url: str = ""
    description: str = ""
    cover: Path | None = None
    """An image (JPEG/PNG) to embed in mp3/m4b; None: a cover generated from title and album."""
    artwork: bool = True
    """False: embed no cover at all."""


def article_tags(article, album: str | None = None, cover: Path | None = None) -> Tags:
    """What goes into the file's tags for an ``Article``: the first paragraph, as written, is the description."""
    from .types import BlockKind

    first = next((b for b in article.blocks if b.kind == BlockKind.PARAGRAPH), None) or next(iter(article.blocks), None)
    return Tags(
        title=article.title, artist=article.byline or article.site or "", album=album or article.site or "",
        date=article.date or "", url=article.url or "", description=first.text if first else "", cover=cover,
    )  # fmt: skip


def cover_bytes(tags: Tags) -> bytes | None:
    """The image to embed: the given file, or a generated cover; None when there is none to give."""
    if not tags.artwork:
        return None
    if tags.cover is not None:
        return Path(tags.cover).read_bytes()
    try:
        from .cover import make_cover
    except ImportError:  # Pillow missing: a file without art beats no file
        return None
    site = tags.album if tags.album and tags.album != tags.title else tags.artist  # an audiobook's album is its title
    return make_cover(tags.title, site)


def write_tags(path: Path, fmt: str, tags: Tags, chapters: list[Chapter]) -> None:
    """Tag a finished (not yet renamed) file in place."""
    tags = replace(tags, date=iso_date(tags.date))
    try:
        if fmt == "mp3":
            _id3(path, tags, chapters)
        elif fmt in ("ogg", "opus", "flac"):
            _vorbis(path, fmt, tags)
        elif fmt in ("m4b", "m4a"):
            _mp4_with_ffmpeg(path, tags, chapters)
    except (OSError, ValueError) as exc:
        raise AssemblyError(f"Can't write tags into {path.name}: {exc}") from exc


def _ordered_id3():
    """An empty ID3 tag that writes frames in a fixed order.

    mutagen writes frames sorted by their size, which scatters the CHAP frames;
    ffmpeg and players list chapters in frame order. So: text frames as added,
    then the table of contents, the chapters by start time, and the picture last.
    """
    from mutagen.id3 import ID3
    from mutagen.id3._tags import (
        save_frame,  # mutagen's own frame writer (a private module)
    )

    rank = {"CTOC": 1, "CHAP": 2, "APIC": 3}

    class OrderedID3(ID3):
        def _write(self, config):
            frames = sorted(self.values(), key=lambda f: (rank.get(f.FrameID, 0), getattr(f, "start_time", 0)))
            return bytearray().join(_frame_bytes(save_frame(f, config=config), f.FrameID) for f in frames)

    return OrderedID3()


def _frame_bytes(data: bytes, frame_id: str) -> bytes:
    """mutagen writes timestamps with a space ("2023-03-07 06:41:00"); ID3v2.4 asks for the ISO "T".
    The frame's 10-byte header stays as it is: the length does not change."""
    return data[:10] + data[10:].replace(b" ", b"T") if frame_id == "TDRC" else data


def _id3(path: Path, tags: Tags, chapters: list[Chapter]) -> None:
    from mutagen.id3 import (
        APIC,
        CHAP,
        COMM,
        CTOC,
        TALB,
        TDRC,
        TIT2,
        TPE1,
        WOAS,
        CTOCFlags,
        PictureType,
    )

    id3 = _ordered_id3()
    for frame, value in ((TIT2, tags.title), (TPE1, tags.artist), (TALB, tags.album), (TDRC, tags.date)):
        if value:
            id3.add(frame(encoding=3, text=value))
    if tags.url:
        id3.add(WOAS(url=tags.url))
    if tags.description:
        id3.add(COMM(encoding=3, lang="eng", desc="", text=tags.description))
    chapters = sorted(chapters, key=lambda c: c.start_s)
    if chapters:
        ids = [f"chp{i}" for i in range(len(chapters))]
        id3.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                     sub_frames=[TIT2(encoding=3, text="Chapters")]))  # fmt: skip
        for element, chapter in zip(ids, chapters):
            id3.add(CHAP(element_id=element, start_time=int(chapter.start_s * 1000), end_time=int(chapter.end_s * 1000),
                         sub_frames=[TIT2(encoding=3, text=chapter.title)]))  # fmt: skip
    image = cover_bytes(tags)
    if image:
        from .cover import image_type

        id3.add(APIC(encoding=3, mime=image_type(image), type=PictureType.COVER_FRONT, desc="Cover", data=image))
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
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise ValueError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "ffmpeg failed")
        remuxed.replace(path)
    image = cover_bytes(tags)
    if image:
        _mp4_cover(path, image)


def _mp4_cover(path: Path, image: bytes) -> None:
    """The covr atom, added by mutagen after ffmpeg wrote the chapters (it keeps them)."""
    from mutagen.mp4 import MP4, MP4Cover

    from .cover import image_type

    audio = MP4(str(path))
    kind = MP4Cover.FORMAT_PNG if image_type(image) == "image/png" else MP4Cover.FORMAT_JPEG
    audio["covr"] = [MP4Cover(image, imageformat=kind)]
    audio.save()
