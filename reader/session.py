"""A synthesis session: one voice with its settings, and everything between it and the audio.

The pipeline talks only to a session: it answers from the chunk cache, loads
the engine on the first miss, shapes each chunk (trim, quality gate,
loudness) and counts what it did. ``stream`` overlaps the two halves: the
engine renders the next chunk on a helper thread while this thread shapes
the one before, so the engine never waits on numpy.

A session's ``settings`` say everything that makes its audio what it is; a
long-lived worker compares them to decide whether its session still fits a
new task, and builds a new one when any of them changed.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .engines import Engine, engine_identity, engine_spec, load_engine
from .errors import EngineError
from .options import DEFAULT_TARGET_LUFS
from .types import VoicePreset

if TYPE_CHECKING:
    import numpy as np

    from .cache import ChunkCache

SHAPING = "shaped-1"
"""Version of the trim/gate/loudness chain, part of every cache key."""
PREFETCH = 3
"""Chunks the engine may render ahead of the shaping: a few seconds of audio."""
_END = object()


@dataclass(frozen=True)
class SessionSettings:
    """Everything that makes a session's audio what it is (and its threads)."""

    identity: str
    threads: int | None
    cache: bool


@dataclass
class SessionStats:
    hits: int = 0
    misses: int = 0
    synthesis_s: float = 0.0
    """Seconds inside the engine (and the cache), for the overhead measurement."""


class SynthesisSession:
    """Cached, shaped synthesis with one voice; see the module docstring."""

    def __init__(
        self, preset: VoicePreset, *, search_dirs: list[Path], loudness: float = DEFAULT_TARGET_LUFS,
        cache: ChunkCache | None = None, threads: int | None = None, engine: Engine | None = None,
    ) -> None:  # fmt: skip
        self.preset = preset
        self._spec = engine_spec(preset.engine)
        identity = f"{engine_identity(preset, search_dirs=search_dirs)}:{SHAPING}:{loudness}"
        self.settings = SessionSettings(identity, threads, cache is not None)
        self._search_dirs = search_dirs
        self._loudness = loudness
        self._cache = cache
        self._engine = engine
        self._owns_engine = engine is None
        self._engine_lock = threading.Lock()
        self._shapers: dict[int, object] = {}
        self._rate: int | None = None
        self.stats = SessionStats()

    @property
    def identity(self) -> str:
        return self.settings.identity

    @property
    def sample_rate(self) -> int:
        """The voice's rate: known from the cache without loading the engine, else from the engine."""
        return self._rate or self._real().sample_rate

    def _real(self) -> Engine:
        if self._engine is None:
            self._engine = load_engine(self.preset, threads=self.settings.threads, search_dirs=self._search_dirs)
        return self._engine

    def synthesize(self, text: str) -> np.ndarray:
        """One chunk's shaped audio, from the cache or the engine."""
        return next(self.stream([text]))

    def stream(self, texts: Iterable[str]) -> Iterator[np.ndarray]:
        """Each text's shaped audio, in order; the engine works ahead on a helper thread."""
        ahead: queue.Queue = queue.Queue(maxsize=PREFETCH)
        stop = threading.Event()
        worker = threading.Thread(target=self._produce, args=(list(texts), ahead, stop), daemon=True)
        worker.start()
        try:
            while (item := ahead.get()) is not _END:
                if isinstance(item, BaseException):
                    raise item
                text, key, cached, raw = item
                yield cached if cached is not None else self._finish(text, key, raw)
        finally:
            stop.set()
            while worker.is_alive():  # unblock a producer waiting on a full queue
                try:
                    ahead.get(timeout=0.05)
                except queue.Empty:
                    pass

    def _produce(self, texts: list[str], ahead: queue.Queue, stop: threading.Event) -> None:
        try:
            for text in texts:
                if stop.is_set():
                    return
                started = time.perf_counter()
                key, cached = self._lookup(text)
                raw = None if cached is not None else self._raw(text)
                self.stats.synthesis_s += time.perf_counter() - started
                ahead.put((text, key, cached, raw))
            ahead.put(_END)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
            ahead.put(exc)

    def _lookup(self, text: str) -> tuple[str | None, np.ndarray | None]:
        if self._cache is None:
            return None, None
        key = self._cache.key(self.identity, text)
        found = self._cache.get(key)
        if found is not None and self._rate in (None, found[0]):
            self._rate = found[0]
            self.stats.hits += 1
            return key, found[1]
        return key, None

    def _raw(self, text: str) -> np.ndarray:
        with self._engine_lock:
            engine = self._real()
            pcm = engine.synthesize(text)
            self._rate = engine.sample_rate
        self.stats.misses += 1
        return pcm

    def _finish(self, text: str, key: str | None, raw: np.ndarray) -> np.ndarray:
        """Trim, check (one retry) and level a fresh chunk, then keep it in the cache."""
        from .shaping import problem, trim

        pace = self._spec.words_per_minute * self.preset.rate
        for attempt in range(2):
            pcm = trim(raw, self.sample_rate)
            issue = problem(pcm, self.sample_rate, text, pace)
            if issue is None:
                shaped = self._level(pcm)
                if self._cache is not None and key is not None:
                    self._cache.put(key, self.sample_rate, shaped)
                return shaped
            if attempt == 0:
                raw = self._raw(text)
        raise EngineError(f"The voice gave {issue} audio twice for: {text[:80]!r}")

    def _level(self, pcm: np.ndarray) -> np.ndarray:
        from .shaping import PAUSE_COMPENSATION_LU
        from .loudness import LoudnessShaper

        rate = self.sample_rate
        if rate not in self._shapers:
            self._shapers[rate] = LoudnessShaper(rate, self._loudness + PAUSE_COMPENSATION_LU)
        return self._shapers[rate].shape(pcm)

    def close(self) -> None:
        if self._engine is not None and self._owns_engine:
            self._engine.close()
        self._engine = None
