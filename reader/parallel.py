"""Worker processes that synthesize one article's chunks side by side.

onnxruntime's intra-op threads buy a Piper voice about 5 % on two cores,
while two processes with one thread each nearly double the throughput. So a
heavy engine (``EngineSpec.processes``) renders its chunks in a pool of
processes, each loading the voice once with one thread. The pool only runs
the raw ``engine.synthesize``; the session keeps the cache, shaping and
ordering (``reader.session``).

Workers die with their parent (Linux ``PR_SET_PDEATHSIG``) and ignore
Ctrl-C, which is the parent's to handle: the parent terminates them. A worker
that crashes (a segfault in a speech library, the out-of-memory killer)
breaks the pool; the chunk waiting on it fails with one ``EngineError``.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import EngineError

if TYPE_CHECKING:
    import numpy as np

    from .types import VoicePreset

WORKER_BYTES = 600 * 2**20
"""Resident memory one Piper worker may reach (450-600 MB measured): the memory cap's unit."""
AHEAD_PER_WORKER = 2
"""Chunks submitted per worker ahead of the consumer: workers never idle, memory stays flat."""


def die_with_parent() -> None:
    """Tie a worker process to its parent: SIGTERM when the parent dies (Linux), Ctrl-C ignored.

    The terminal sends Ctrl-C to the whole process group; the parent handles
    it and terminates its workers, so a worker must not die half-way on its own.
    Note that Linux sends the signal when the *thread* that forked the worker
    ends, so pools are started from the thread that consumes them.
    """
    import signal

    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's shutdown is all there is
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def terminate_pool(pool: ProcessPoolExecutor) -> None:
    """Stop every worker of ``pool`` now and wait until each has exited and been reaped.

    The worker list is taken before ``shutdown``, which forgets it; the pool's
    manager thread is joined last, as it reaps workers too and, until it is
    done, a worker may still look alive.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():  # ignoring SIGTERM (stuck in native code): no worker may outlive us
            process.kill()
            process.join(timeout=5)
    if manager is not None:
        manager.join(timeout=5)


def available_memory() -> int | None:
    """Bytes the system can still give without swapping (MemAvailable), None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(jobs: int | None, processes: bool) -> int:
    """How many processes synthesize: ``jobs`` when given, else the engine decides.

    An engine that runs inline (``processes`` False) gets 1; a heavy one gets
    a process per core, capped by the memory available at WORKER_BYTES each.
    1 means the sequential path, in this process.
    """
    if jobs is not None:
        return max(1, jobs)
    if not processes:
        return 1
    memory = available_memory()
    by_memory = usable_cores() if memory is None else memory // WORKER_BYTES
    return max(1, min(usable_cores(), by_memory))


class ChunkPool:
    """``workers`` processes with ``preset``'s voice (one thread each).

    An engine whose spec allows it (``EngineSpec.fork_loaded``) is loaded here,
    once, before the workers fork: they start with the voice, and its weights
    (~100 MB, only read while synthesizing) stay shared between them instead of
    each worker loading its own copy. Any other engine is loaded by each worker
    on its first chunk.
    """

    def __init__(self, preset: VoicePreset, search_dirs: list[Path], workers: int) -> None:
        from .engines import engine_spec

        self.workers = workers
        self._preset = preset
        self._search_dirs = list(search_dirs)
        _LOADED.clear()
        if engine_spec(preset.engine).fork_loaded:
            _LOADED[_engine_key(preset, self._search_dirs)] = _load(preset, self._search_dirs)
        # fork: a worker starts in milliseconds (play's first audio waits for one) and the
        # parent's pages are shared; the pool is started from the consuming thread.
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init
        )

    def submit(self, text: str) -> Future:
        try:
            future = self._pool.submit(_synthesize, self._preset, self._search_dirs, text)
        except BrokenProcessPool as exc:
            raise self._crashed(text) from exc
        _drop_loaded()  # the first submit forked every worker (fork context): this copy has done its part
        return future

    def result(self, future: Future, text: str) -> tuple[int, np.ndarray, float]:
        """(sample rate, raw PCM, seconds in the engine) of a submitted chunk; a crash is an EngineError."""
        try:
            return future.result()
        except BrokenProcessPool as exc:
            raise self._crashed(text) from exc

    def _crashed(self, text: str) -> EngineError:
        self.terminate()
        # The crashed worker may have held a later chunk than the one waited for: say where the
        # narration stopped, not which chunk killed it.
        return EngineError(
            f"A speech worker process crashed (a fault in the voice, or out of memory); "
            f"the narration stopped at {text[:60]!r}."
        )

    def pids(self) -> list[int]:
        return [p.pid for p in (getattr(self._pool, "_processes", None) or {}).values()]

    def terminate(self) -> None:
        terminate_pool(self._pool)

    def close(self) -> None:
        """Let idle workers exit (they have nothing in flight)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    """A chunk worker holds no file: SIGTERM ends it at once, even if the parent had turned
    SIGTERM into KeyboardInterrupt (``reader.signals``) before forking it."""
    import signal

    die_with_parent()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# One engine per worker process (loaded before the fork, or on its first chunk): module
# state by necessity (a pool calls plain functions, and a forked worker inherits only
# what the module holds), keyed by the preset so it can never serve another voice.
_LOADED: dict[str, object] = {}


def _engine_key(preset: VoicePreset, search_dirs: list[Path]) -> str:
    return repr((preset, search_dirs))


def _load(preset: VoicePreset, search_dirs: list[Path]) -> object:
    from .engines import load_engine

    return load_engine(preset, threads=1, search_dirs=[Path(d) for d in search_dirs])


def _drop_loaded() -> None:
    """Close this process's engine: in the parent, once the workers have their copies."""
    for engine in _LOADED.values():
        engine.close()
    _LOADED.clear()


def _synthesize(preset: VoicePreset, search_dirs: list[Path], text: str) -> tuple[int, np.ndarray, float]:
    """In a worker: the raw engine's PCM for ``text``, with the engine's rate and the seconds it took."""
    started = time.perf_counter()  # a first chunk's load counts, as in the sequential path
    key = _engine_key(preset, search_dirs)
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _load(preset, search_dirs)
    engine = _LOADED[key]
    pcm = engine.synthesize(text)
    return engine.sample_rate, pcm, time.perf_counter() - started
