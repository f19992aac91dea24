"""A synthesis session: one voice with its settings, and everything between it and the audio.

The pipeline talks only to a session: it answers from the chunk cache, loads
the engine on the first miss, shapes each chunk (trim, quality gate,
loudness) and counts what it did. ``stream`` overlaps the two halves: the
engine renders the next chunk on a helper thread while a second one shapes
the one before at a lower priority (``reader.ahead``), so the engine never
waits on numpy, and numpy never takes a core the engine could use.

With more than one worker (``jobs``, or an engine that wants processes:
``reader.parallel``) only the raw synthesis of cache misses moves to a pool
of processes; the lookups, shaping and cache writes stay on the consuming
thread (the pool's workers die with the thread that forked them), in order,
on the same code as the sequential path. Chunks are submitted at most
AHEAD_PER_WORKER per worker ahead of the consumer, and each is yielded as
soon as it and every chunk before it are done.

A session's ``settings`` say everything that makes its audio what it is; a
long-lived worker compares them to decide whether its session still fits a
new task, and builds a new one when any of them changed.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .engines import Engine, engine_identity, engine_spec, load_engine
from .errors import EngineError
from .options import DEFAULT_TARGET_LUFS
from .types import VoicePreset

if TYPE_CHECKING:
    from concurrent.futures import Future

    import numpy as np

    from .cache import ChunkCache
    from .parallel import ChunkPool
    from .warmup import Warmup

SHAPING = "shaped-1"
"""Version of the trim/gate/loudness chain, part of every cache key."""
PREFETCH = 3
"""Chunks the engine may render ahead of the shaping: a few seconds of audio."""
SHAPER_NICE = 10
"""How far the shaping yields the cores to the engine's threads (``reader.ahead``)."""


@dataclass(frozen=True)
class SessionSettings:
    """Everything that makes a session's audio what it is (and its threads)."""

    identity: str
    threads: int | None
    cache: bool
    jobs: int | None = None


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
        jobs: int | None = None,
    ) -> None:  # fmt: skip
        self.preset = preset
        self._spec = engine_spec(preset.engine)
        identity = f"{engine_identity(preset, search_dirs=search_dirs)}:{SHAPING}:{loudness}"
        self.settings = SessionSettings(identity, threads, cache is not None, jobs)
        self._search_dirs = search_dirs
        self._loudness = loudness
        self._cache = cache
        self._engine = engine
        self._owns_engine = engine is None
        self._engine_lock = threading.Lock()
        self._shapers: dict[int, object] = {}
        self._rate: int | None = None
        self._pool: ChunkPool | None = None
        self._warmup: Warmup | None = None
        self.stats = SessionStats()

    @property
    def identity(self) -> str:
        return self.settings.identity

    @property
    def sample_rate(self) -> int:
        """The voice's rate: known from the cache without loading the engine, else from the engine."""
        return self._rate or self._real().sample_rate

    def warm(self) -> None:
        """Start loading the voice on a helper thread (``reader.warmup``): the engine for the
        sequential path, or the voice a pool forks its workers with. A no-op once loaded."""
        from .warmup import Warmup, import_quietly

        if self._engine is not None or self._pool is not None or self._warmup is not None:
            return
        import_quietly(self._spec.imports)
        if self.workers > 1:
            from .parallel import ChunkPool

            self._warmup = Warmup(lambda: ChunkPool(self.preset, self._search_dirs, self.workers), ChunkPool.close)
        else:
            self._warmup = Warmup(self._load, lambda engine: engine.close())
        self._warmup.start()

    def _load(self) -> Engine:
        return load_engine(self.preset, threads=self.settings.threads, search_dirs=self._search_dirs)

    def _warmed(self) -> object | None:
        """What the warm-up loaded (its error raised here), or None without one. A wait cut short
        (Ctrl-C) leaves the warm-up in place for ``close`` to wait for."""
        if self._warmup is None:
            return None
        loaded = self._warmup.result()
        self._warmup = None
        return loaded

    def _real(self) -> Engine:
        if self._engine is None:
            self._engine = self._warmed() or self._load()
        return self._engine

    def synthesize(self, text: str) -> np.ndarray:
        """One chunk's shaped audio, from the cache or the engine."""
        return next(self.stream([text]))

    @property
    def workers(self) -> int:
        """Processes that synthesize for this session; 1 is the sequential path (a lent engine: always)."""
        from .parallel import worker_count

        if not self._owns_engine:
            return 1
        return worker_count(self.settings.jobs, self._spec.processes)

    def stream(self, texts: Iterable[str]) -> Iterator[np.ndarray]:
        """Each text's shaped audio, in order, each as soon as it is ready; the engine works ahead."""
        texts, workers = list(texts), self.workers
        if workers == 1:
            yield from self._stream_on_threads(texts)
            return
        ahead = self._ahead_in_pool(texts, workers)  # shaped here: the pool is tied to this thread
        again = partial(self._raw_in_pool, workers=workers)
        try:
            for text, key, cached, raw in ahead:
                yield cached if cached is not None else self._finish(text, key, raw, again)
        finally:
            ahead.close()

    def _stream_on_threads(self, texts: list[str]) -> Iterator[np.ndarray]:
        """The sequential path: the engine on one helper thread, the shaping on another at a
        lower priority (``reader.ahead``), this thread only handing the audio on."""
        from .ahead import Ahead

        produced = Ahead(partial(self._produce, texts), name="reader-engine", size=PREFETCH)
        shaped = Ahead(partial(self._shape, produced), name="reader-shaper", size=1, nice=SHAPER_NICE)
        try:
            produced.start()  # first: the shaper's lower priority must not pass to the engine's thread
            shaped.start()
            yield from shaped
        finally:
            produced.stop()  # first, so neither thread starts another chunk
            try:
                shaped.close()
            finally:
                produced.close()

    def _shape(self, produced: Iterable[tuple], put: Callable[[object], None], stop: threading.Event) -> None:
        for text, key, cached, raw in produced:
            if stop.is_set():
                return
            put(cached if cached is not None else self._finish(text, key, raw, self._raw))

    def _ahead_in_pool(self, texts: list[str], workers: int) -> Iterator[tuple]:
        """The same items, cache misses rendered in the process pool, a bounded window ahead.

        The pool starts on the first miss (a narration found whole in the cache
        starts none). Leaving early (closed, an error, Ctrl-C) with chunks in
        flight terminates the workers: nothing runs on for a narration that has stopped.
        """
        from .parallel import AHEAD_PER_WORKER

        todo, window = iter(texts), deque()
        try:
            while True:
                while len(window) < AHEAD_PER_WORKER * workers and (text := next(todo, None)) is not None:
                    window.append(self._request(text, workers))
                if not window:
                    return
                text, key, cached, future = window.popleft()
                yield text, key, cached, None if future is None else self._collect(future, text)
        except GeneratorExit:  # the consumer stopped: chunks still in flight have no one to go to
            if window:
                self._stop_pool()
            raise
        except BaseException:  # a crash, the engine's error, Ctrl-C while waiting
            self._stop_pool()
            raise

    def _request(self, text: str, workers: int) -> tuple:
        started = time.perf_counter()
        key, cached = self._lookup(text)
        self.stats.synthesis_s += time.perf_counter() - started
        return text, key, cached, None if cached is not None else self._open_pool(workers).submit(text)

    def _collect(self, future: Future, text: str) -> np.ndarray:
        """A submitted chunk's raw audio; any failure stops the pool (a new one starts if asked again)."""
        try:
            rate, pcm, seconds = self._pool.result(future, text)
        except BaseException:  # a crash, the engine's error, Ctrl-C: this narration stops here
            self._stop_pool()
            raise
        self._rate = rate
        self.stats.synthesis_s += seconds
        self.stats.misses += 1
        return pcm

    def _raw_in_pool(self, text: str, workers: int) -> np.ndarray:
        return self._collect(self._open_pool(workers).submit(text), text)

    def _open_pool(self, workers: int) -> ChunkPool:
        """The session's pool, started on first use and kept for its next streams."""
        from .parallel import ChunkPool

        if self._pool is None:
            started = time.perf_counter()  # the voice may load here, before the workers fork
            self._pool = self._warmed() or ChunkPool(self.preset, self._search_dirs, workers)
            self.stats.synthesis_s += time.perf_counter() - started
        return self._pool

    def _stop_pool(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
        self._pool = None

    def _produce(self, texts: list[str], put: Callable[[object], None], stop: threading.Event) -> None:
        for text in texts:
            if stop.is_set():
                return
            started = time.perf_counter()
            key, cached = self._lookup(text)
            raw = None if cached is not None else self._raw(text)
            self.stats.synthesis_s += time.perf_counter() - started
            put((text, key, cached, raw))

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

    def _finish(
        self, text: str, key: str | None, raw: np.ndarray, again: Callable[[str], np.ndarray]
    ) -> np.ndarray:
        """Trim, check (one retry by ``again``) and level a fresh chunk, then keep it in the cache."""
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
                raw = again(text)
        raise EngineError(f"The voice gave {issue} audio twice for: {text[:80]!r}")

    def _level(self, pcm: np.ndarray) -> np.ndarray:
        from .loudness import LoudnessShaper
        from .shaping import PAUSE_COMPENSATION_LU

        rate = self.sample_rate
        if rate not in self._shapers:
            self._shapers[rate] = LoudnessShaper(rate, self._loudness + PAUSE_COMPENSATION_LU)
        return self._shapers[rate].shape(pcm)

    def close(self) -> None:
        if self._warmup is not None:  # a voice loaded for nothing (the narration was cached)
            self._warmup.cancel()
            self._warmup = None
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        if self._engine is not None and self._owns_engine:
            self._engine.close()
        self._engine = None
