"""A podcast feed (RSS 2.0 with iTunes tags) for a folder of narrations.

The feed is rebuilt from the batch state file each time, one item per
narrated article keyed by its path, so re-running a batch updates items
instead of duplicating them. Any podcast app subscribed to it becomes the
listening queue.

What apps show: the channel's artwork (a generated cover, or the user's
checked image, served from OUTDIR), its owner and author, and for each item
the article's first paragraph (read back from the audio file's own tags when
the state has none) and a link to the article (or, for a local file, to the
audio). Text from pages may hold control characters (a stray "\\x0b", an
ANSI colour code); XML 1.0 forbids them, so every string is cleaned before it
is written: one bad title must never make the whole feed unreadable.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from .dates import as_datetime, parse_date

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
COVER_NAME = "cover"
MIME_TYPES = {
    ".mp3": "audio/mpeg", ".m4b": "audio/x-m4b", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
    ".opus": "audio/ogg", ".flac": "audio/flac", ".wav": "audio/wav",
}  # fmt: skip
# ANSI escape sequences first (so "\x1b[31m" goes whole, not leaving "[31m"), then what XML 1.0 forbids
# or discourages: C0 controls but tab/newline/return, DEL and C1, lone surrogates, U+FFFE/U+FFFF.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str | None) -> str:
    """``text`` without control characters and escape codes, safe in an XML document."""
    return _NOT_XML.sub("", _ANSI.sub("", text or ""))


def publication_date(text: str | None, fallback: float) -> datetime:
    """The article's date as a timezone-aware datetime, else the time it was narrated."""
    parsed = parse_date(text)
    return as_datetime(parsed) if parsed is not None else datetime.fromtimestamp(fallback, tz=UTC)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _sub(parent: ET.Element, tag: str, content: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: xml_text(value) for key, value in attrs.items()})
    if content is not None:
        element.text = xml_text(content)
    return element


def _url(base_url: str, relative: str) -> str:
    return f"{base_url.rstrip('/')}/{quote(relative)}"


def build_feed(
    items: dict[str, dict], base_url: str, *, title: str, description: str, author: str,
    email: str | None = None, image_url: str | None = None, outdir: Path | None = None,
) -> ET.ElementTree:  # fmt: skip
    """The feed document; ``outdir`` lets items without a stored description read it from their audio."""
    ET.register_namespace("itunes", ITUNES)
    ET.register_namespace("atom", ATOM)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", base_url)
    _sub(channel, "description", description)
    _sub(channel, "language", "en")
    _sub(channel, "generator", "reader")
    _sub(channel, "lastBuildDate", format_datetime(datetime.now(UTC)))
    _sub(channel, f"{{{ATOM}}}link", href=_url(base_url, FEED_FILE), rel="self", type="application/rss+xml")
    if image_url:
        image = _sub(channel, "image")
        _sub(image, "url", image_url)
        _sub(image, "title", title)
        _sub(image, "link", base_url)
        _sub(channel, f"{{{ITUNES}}}image", href=image_url)
    _sub(channel, f"{{{ITUNES}}}author", author)
    owner = _sub(channel, f"{{{ITUNES}}}owner")
    _sub(owner, f"{{{ITUNES}}}name", author)
    if email:
        _sub(owner, f"{{{ITUNES}}}email", email)
    _sub(channel, f"{{{ITUNES}}}summary", description)
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    _sub(channel, f"{{{ITUNES}}}category", None, text="News")
    entries = sorted(items.items(), key=lambda kv: publication_date(kv[1].get("date"), kv[1].get("finished", 0)), reverse=True)
    for relative, entry in entries:
        _item(channel, base_url, relative, entry, outdir)
    return ET.ElementTree(rss)


def _item(channel: ET.Element, base_url: str, relative: str, entry: dict, outdir: Path | None) -> None:
    item = _sub(channel, "item")
    title = xml_text(entry.get("title")).strip() or Path(relative).stem
    output = entry["output"]
    audio_url = _url(base_url, output)
    _sub(item, "title", title)
    _sub(item, "description", _description(entry, title, outdir))
    _sub(item, "link", entry.get("url") or audio_url)
    _sub(item, "pubDate", format_datetime(publication_date(entry.get("date"), entry.get("finished", time.time()))))
    _sub(item, "guid", relative, isPermaLink="false")
    _sub(item, "enclosure", url=audio_url, length=str(entry.get("bytes", 0)),
         type=MIME_TYPES.get(Path(output).suffix.lower(), "audio/mpeg"))  # fmt: skip
    _sub(item, f"{{{ITUNES}}}duration", _clock(entry.get("duration_s", 0.0)))
    if entry.get("byline"):
        _sub(item, f"{{{ITUNES}}}author", entry["byline"])


def _description(entry: dict, title: str, outdir: Path | None) -> str:
    """The article's first paragraph: from the state, else from the audio's own tags, else a line."""
    text = xml_text(entry.get("description")).strip()
    if not text and outdir is not None:
        text = xml_text(description_from_audio(outdir / entry["output"])).strip()
    if text:
        return text
    byline = xml_text(entry.get("byline")).strip()
    return f"{title}" + (f", by {byline}" if byline else "") + "."


def description_from_audio(path: Path) -> str:
    """The description tag reader wrote into a narration (ID3 COMM, Vorbis description, MP4 desc)."""
    import mutagen

    try:
        audio = mutagen.File(str(path))
    except (OSError, ValueError, mutagen.MutagenError):
        return ""
    tags = getattr(audio, "tags", None)
    if not tags:
        return ""
    if hasattr(tags, "getall"):  # ID3
        comments = tags.getall("COMM")
        return str(comments[0].text[0]) if comments and comments[0].text else ""
    for key in ("description", "desc", "DESCRIPTION"):
        if key in tags:
            return str(tags[key][0])
    return ""


def write_feed(
    outdir: Path, base_url: str, items: dict[str, dict], *, title: str | None = None, author: str | None = None,
    image: Path | None = None, email: str | None = None, description: str | None = None,
) -> Path:  # fmt: skip
    """Write ``outdir/feed.xml`` and its artwork (``outdir/cover.png``, or the user's ``image``
    copied beside it after a check) atomically, readable like the audio; return the feed's path.

    ``title`` defaults to the folder's name, ``author`` (itunes:author and owner) to the title.
    A bad ``image`` raises UsageError with one line.
    """
    name = outdir.resolve().name
    title = xml_text(title).strip() or name
    author = xml_text(author).strip() or title
    cover = _install_cover(outdir, title, author, image)
    tree = build_feed(
        items, base_url, title=title, author=author, email=email, image_url=_url(base_url, cover.name), outdir=outdir,
        description=description or f"Articles from {name}, narrated offline by reader.",
    )  # fmt: skip
    ET.indent(tree)
    return _write_public(outdir / FEED_FILE, lambda tmp: tree.write(tmp, encoding="utf-8", xml_declaration=True))


def _install_cover(outdir: Path, title: str, author: str, image: Path | None) -> Path:
    """The channel's artwork in ``outdir``: the user's checked image, else a generated cover."""
    if image is not None:
        from .cover import check_image

        suffix = ".png" if check_image(image) == "image/png" else ".jpg"
        target = outdir / f"{COVER_NAME}{suffix}"
        if target.exists() and target.samefile(image):
            return target
        return _write_public(target, lambda tmp: shutil.copyfile(image, tmp))
    from .cover import make_cover

    data = make_cover(title, author if author != title else "Narrated articles")
    return _write_public(outdir / f"{COVER_NAME}.png", lambda tmp: Path(tmp).write_bytes(data))


def _write_public(path: Path, write) -> Path:
    """Write through ``write(tmp_name)`` and rename into place, with the mode the umask gives
    (as the audio has): a web server running as another user must be able to read the feed."""
    from .assemble import usual_mode

    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(tmp)
        usual_mode(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
