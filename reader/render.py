"""The renderer: chunks through a session into any set of sinks (a file, a player, both).

``convert``, ``play``, batch workers and cluster tasks all narrate through
``render``; what differs is only where the audio goes. Speech and the
pauses between chunks reach every sink in order; the renderer records where
each chunk's speech sits (for transcripts) and where chapters open.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import EngineError
from .session import SynthesisSession
from .types import Chunk, Segment

if TYPE_CHECKING:
    import numpy as np

    from .tags import Chapter, Tags

ProgressCallback = Callable[[int, int], None]
"""Called with (chunks done, chunks total) after each chunk."""

SPEAKABLE = re.compile(r"\w")
"""A chunk with no word character (a lone "." or emoji) has nothing to say: silence only."""


class Sink(Protocol):
    """Where narrated audio goes. ``start`` comes before the first ``write``, then ``finish`` or ``abort``."""

    def start(self, sample_rate: int) -> None: ...

    def write(self, pcm: np.ndarray) -> None: ...

    def finish(self, rendered: Rendered) -> None: ...

    def abort(self) -> None: ...


@dataclass
class Rendered:
    """What the renderer measured while narrating."""

    sample_rate: int = 0
    samples: int = 0
    segments: list[Segment] = field(default_factory=list)
    openings: list[tuple[float, str]] = field(default_factory=list)
    """(start second, written title) of the title and each heading."""
    synthesis_s: float = 0.0
    elapsed_s: float = 0.0
    first_audio_s: float = 0.0
    """Seconds from the start of ``render`` until the first audio reached the sinks."""

    @property
    def duration_s(self) -> float:
        return self.samples / self.sample_rate if self.sample_rate else 0.0

    def chapters(self) -> list[Chapter]:
        """Chapters from the title and headings; none when there is only a title."""
        from .tags import Chapter

        if len(self.openings) < 2:
            return []
        ends = [start for start, _ in self.openings[1:]] + [self.duration_s]
        return [Chapter(start, end, title.rstrip(".")) for (start, title), end in zip(self.openings, ends)]


def render(
    chunks: list[Chunk], session: SynthesisSession, sinks: list[Sink], on_progress: ProgressCallback | None = None
) -> Rendered:
    """Narrate ``chunks`` into every sink; on any failure each sink is aborted and the error raised."""
    import numpy as np

    started = time.perf_counter()
    result = Rendered()
    spoken = [chunk.text for chunk in chunks if SPEAKABLE.search(chunk.text)]
    audio = session.stream(spoken)
    try:
        for done, chunk in enumerate(chunks, 1):
            if chunk.chapter and result.sample_rate:
                result.openings.append((result.duration_s, chunk.chapter))
            pcm = next(audio) if SPEAKABLE.search(chunk.text) else None
            if pcm is not None and pcm.size == 0:
                raise EngineError(f"The engine returned no audio for {chunk.text[:60]!r}.")
            if not result.sample_rate:
                _start(result, session, sinks, started)
                if chunk.chapter:
                    result.openings.append((0.0, chunk.chapter))
            silence = np.zeros(int(result.sample_rate * chunk.pause_ms / 1000), dtype=np.int16)
            if pcm is not None:
                start_s = result.duration_s
                _write(sinks, result, pcm)
                result.segments.append(Segment(start_s, result.duration_s, chunk.written))
            _write(sinks, result, silence)
            if on_progress:
                on_progress(done, len(chunks))
        result.synthesis_s = session.stats.synthesis_s
        result.elapsed_s = time.perf_counter() - started
        for sink in sinks:
            sink.finish(result)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    finally:
        audio.close()
    return result


def _start(result: Rendered, session: SynthesisSession, sinks: list[Sink], started: float) -> None:
    result.sample_rate = session.sample_rate
    result.first_audio_s = time.perf_counter() - started
    for sink in sinks:
        sink.start(result.sample_rate)


def _write(sinks: list[Sink], result: Rendered, pcm: np.ndarray) -> None:
    if pcm.size:
        for sink in sinks:
            sink.write(pcm)
        result.samples += pcm.size


class FileSink:
    """An encoded file written atomically, tagged (with chapters) before it is renamed into place.

    A generated cover takes ~0.25 s to draw and compress; it depends only on
    the tags, so it is drawn on a helper thread while the voice speaks, not
    after the last chunk, when everything waits for it.
    """

    def __init__(self, out: Path, fmt: str, tags: Tags | None = None) -> None:
        self.out, self.fmt, self.tags = out, fmt, tags
        self._encoder = None
        self._cover: list[bytes | None] = []
        self._drawing: threading.Thread | None = None

    def start(self, sample_rate: int) -> None:
        from .assemble import Encoder

        self._encoder = Encoder(self.out, self.fmt, sample_rate).__enter__()
        tags = self.tags
        if tags is not None and tags.artwork and tags.cover is None and self.fmt in ("mp3", "m4b", "m4a"):
            self._drawing = threading.Thread(target=self._draw_cover, name="reader-cover", daemon=True)
            self._drawing.start()

    def _draw_cover(self) -> None:
        from .tags import cover_bytes

        try:
            self._cover.append(cover_bytes(self.tags))
        except Exception:  # noqa: BLE001 - drawn again when tagging, which reports the error as always
            self._cover.append(None)

    def write(self, pcm: np.ndarray) -> None:
        self._encoder.write(pcm)

    def finish(self, rendered: Rendered) -> None:
        import tempfile

        from .tags import write_tags

        if self._encoder is None:
            return
        with tempfile.TemporaryDirectory(prefix="reader-cover-") as folder:
            if self.tags is not None:
                tags = self._with_cover(Path(folder))
                self._encoder.finalize = lambda path: write_tags(path, self.fmt, tags, rendered.chapters())
            self._encoder.__exit__(None, None, None)

    def _with_cover(self, folder: Path) -> Tags:
        """The tags, with the cover drawn on the helper thread as a given image file (when it was)."""
        from dataclasses import replace

        if self._drawing is None:
            return self.tags
        self._drawing.join()
        if not self._cover or not self._cover[0]:
            return self.tags
        (folder / "cover").write_bytes(self._cover[0])
        return replace(self.tags, cover=folder / "cover")

    def abort(self) -> None:
        if self._encoder is not None:
            self._encoder.__exit__(BaseException, None, None)


class PlayerSink:
    """A running player (``reader.player``) fed as audio arrives."""

    def __init__(self, player) -> None:
        self.player = player
        self._started: float | None = None

    def start(self, sample_rate: int) -> None:
        self.player.start(sample_rate)
        self._started = time.perf_counter()

    def first_audio_s(self, since: float) -> float:
        """Seconds from ``since`` until the player got its first audio (0 if it never did)."""
        return self._started - since if self._started is not None else 0.0

    def write(self, pcm: np.ndarray) -> None:
        self.player.write(pcm)

    def finish(self, rendered: Rendered) -> None:
        self.player.finish()

    def abort(self) -> None:
        if self._started is not None:
            self.player.stop()
