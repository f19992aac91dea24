"""A podcast feed (RSS 2.0 with iTunes tags) for a folder of narrations.

The feed is rebuilt from the batch state file each time, one item per
narrated article keyed by its path, so re-running a batch updates items
instead of duplicating them. Any podcast app subscribed to it becomes the
listening queue.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
FEED_FILE = "feed.xml"
MIME_TYPES = {
    ".mp3": "audio/mpeg", ".m4b": "audio/x-m4b", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
    ".opus": "audio/ogg", ".flac": "audio/flac", ".wav": "audio/wav",
}  # fmt: skip


def publication_date(text: str | None, fallback: float) -> datetime:
    """The article's date as a timezone-aware datetime, else the time it was narrated."""
    if text:
        try:
            from dateutil import parser

            parsed = parser.parse(text, fuzzy=True)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        except (ImportError, ValueError, OverflowError):
            pass
    return datetime.fromtimestamp(fallback, tz=timezone.utc)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _sub(parent: ET.Element, tag: str, content: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if content is not None:
        element.text = content
    return element


def build_feed(items: dict[str, dict], base_url: str, *, title: str, description: str) -> ET.ElementTree:
    ET.register_namespace("itunes", ITUNES)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", base_url)
    _sub(channel, "description", description)
    _sub(channel, "language", "en")
    _sub(channel, "generator", "reader")
    _sub(channel, "lastBuildDate", format_datetime(datetime.now(timezone.utc)))
    _sub(channel, f"{{{ITUNES}}}author", "reader")
    _sub(channel, f"{{{ITUNES}}}summary", description)
    _sub(channel, f"{{{ITUNES}}}explicit", "false")
    _sub(channel, f"{{{ITUNES}}}category", None, text="News")
    entries = sorted(items.items(), key=lambda kv: publication_date(kv[1].get("date"), kv[1].get("finished", 0)), reverse=True)
    for relative, entry in entries:
        _item(channel, base_url, relative, entry)
    return ET.ElementTree(rss)


def _item(channel: ET.Element, base_url: str, relative: str, entry: dict) -> None:
    item = _sub(channel, "item")
    title = entry.get("title") or Path(relative).stem
    _sub(item, "title", title)
    byline = entry.get("byline")
    _sub(item, "description", f"{title}" + (f", by {byline}" if byline else "") + ". Narrated by reader.")
    _sub(item, "pubDate", format_datetime(publication_date(entry.get("date"), entry.get("finished", time.time()))))
    _sub(item, "guid", relative, isPermaLink="false")
    if entry.get("url"):
        _sub(item, "link", entry["url"])
    output = entry["output"]
    _sub(item, "enclosure", url=f"{base_url.rstrip('/')}/{quote(output)}", length=str(entry.get("bytes", 0)),
         type=MIME_TYPES.get(Path(output).suffix.lower(), "audio/mpeg"))  # fmt: skip
    _sub(item, f"{{{ITUNES}}}duration", _clock(entry.get("duration_s", 0.0)))
    if byline:
        _sub(item, f"{{{ITUNES}}}author", byline)


def write_feed(outdir: Path, base_url: str, items: dict[str, dict], *, title: str | None = None) -> Path:
    """Write ``outdir/feed.xml`` atomically and return its path."""
    tree = build_feed(
        items, base_url, title=title or f"{outdir.resolve().name} (narrated)",
        description=f"Articles from {outdir.resolve().name}, narrated offline by reader.",
    )  # fmt: skip
    ET.indent(tree)
    handle, tmp = tempfile.mkstemp(dir=outdir, prefix=".feed.", suffix=".tmp")
    os.close(handle)
    tree.write(tmp, encoding="utf-8", xml_declaration=True)
    os.replace(tmp, outdir / FEED_FILE)
    return outdir / FEED_FILE
