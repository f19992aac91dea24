"""After a batch: the podcast feed and the combined audiobook, checked before the batch starts.

``check`` runs before any article is narrated, so a wrong ``--combine``
name, feed URL or feed image is a usage error at once, not after an hour of
synthesis. ``publish`` then writes what was asked for from the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError


@dataclass(frozen=True)
class PublishOptions:
    feed_url: str | None = None
    """Base URL where the output folder is served; writes OUTDIR/feed.xml when set."""
    title: str | None = None
    author: str | None = None
    image: Path | None = None
    combine: Path | None = None
    """An .m4b audiobook joining every narration, a chapter per article."""
    pause_s: float = 1.1
    """Silence between articles in the audiobook: the voice's title pause."""


@dataclass(frozen=True)
class Published:
    feed: Path | None = None
    book: Path | None = None
    book_duration_s: float = 0.0
    book_chapters: int = 0


def check(options: PublishOptions) -> None:
    """Every publishing option that can be wrong, before any work (UsageError, exit 2)."""
    if options.feed_url and not options.feed_url.startswith(("http://", "https://")):
        raise UsageError("--feed takes the base URL where OUTDIR will be served, e.g. https://example.org/podcast")
    if options.combine is not None:
        from .assemble import check_writable

        if options.combine.suffix.lower() not in (".m4b", ".m4a"):
            raise UsageError(f"--combine writes an audiobook: give a .m4b file name, not {options.combine.name}.")
        check_writable(options.combine)
    if options.image is not None:
        from .cover import check_image

        check_image(options.image)


def publish(root: Path, outdir: Path, results: list, options: PublishOptions) -> Published:
    """Write the feed and/or the audiobook for a finished batch."""
    feed = book = None
    if options.feed_url:
        from .batch import load_state
        from .feed import write_feed

        feed = write_feed(outdir, options.feed_url, load_state(outdir), title=options.title,
                          author=options.author, image=options.image)  # fmt: skip
    if options.combine is not None:
        from .combine import combine

        done = [r for r in results if r.status in ("done", "skipped") and r.output]
        parts = [(Path(r.output), r.title or Path(r.relative).stem, r.duration_s) for r in done]
        book = combine(parts, options.combine, title=options.title or root.resolve().name, pause_s=options.pause_s,
                       author=options.author or "", cover=options.image)  # fmt: skip
    return Published(feed, book.path if book else None, book.duration_s if book else 0.0, book.chapters if book else 0)

