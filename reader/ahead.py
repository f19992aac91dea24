"""Work ahead on a helper thread, handed over a bounded queue.

The sequential path chains two: the engine's thread renders chunks, a shaper
thread trims and levels them, and the consuming thread only writes audio.
The shaper runs at a lower priority (``nice``): a two-thread engine runs each
operator on both cores and waits for the slower one, so every millisecond
the shaper takes from either core would cost the engine a millisecond; the
shaper has slack (the chunks queued ahead) and is meant to fill the engine's
idle moments instead. Linux gives each thread its own nice value, and a
thread's threads inherit it, so ``Ahead`` threads must be started from a
thread at the usual priority: create the engine's before the shaper's.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator

_END = object()


def lower_priority(nice: int, pid: int | None = None) -> None:
    """Lower the priority of process ``pid`` (default: the calling thread) by ``nice``; where
    that is refused it runs as it was."""
    try:
        target = pid if pid is not None else threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, target, os.getpriority(os.PRIO_PROCESS, target) + nice)
    except (AttributeError, OSError):  # no setpriority (Windows), no per-thread priorities, or gone
        pass


class Ahead:
    """The items ``produce(put, stop)`` puts, produced on a thread started at once, at most
    ``size`` ahead of the consumer; an exception it raises is raised to the consumer."""

    def __init__(
        self, produce: Callable[[Callable[[object], None], threading.Event], None], *, name: str, size: int,
        nice: int = 0,
    ) -> None:  # fmt: skip
        self._queue: queue.Queue = queue.Queue(maxsize=size)
        self._stop, self._done = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, args=(produce, nice), name=name, daemon=True)

    def start(self) -> None:
        """Start producing. Separate from construction so the owner holds every ``Ahead`` (and
        closes it) before any thread exists: Ctrl-C can land between two starts."""
        self._thread.start()

    def _run(self, produce: Callable, nice: int) -> None:
        if nice:
            lower_priority(nice)
        try:
            produce(self._queue.put, self._stop)
            self._queue.put(_END)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
            self._queue.put(exc)
        finally:
            self._done.set()

    def __iter__(self) -> Iterator:
        while (item := self._queue.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item

    def stop(self) -> None:
        """Ask the producer to stop after its current item (without waiting for it)."""
        self._stop.set()

    def close(self) -> None:
        """Stop the producer and wait for its thread to end, unblocking a put on a full queue.

        A thread never started has nothing to wait for (one still starting sees the stop first);
        one running must end before the process may: an engine mid-chunk at exit aborts it."""
        self._stop.set()
        if self._thread.ident is not None:
            wait_out(self._done, self._drain)

    def _drain(self) -> None:
        try:
            self._queue.get(timeout=0.05)
        except queue.Empty:
            pass


def wait_out(done: threading.Event, step: Callable[[], None] | None = None) -> None:
    """Wait until ``done`` is set, calling ``step`` meanwhile; a Ctrl-C while waiting (a second
    one: the first is what is being cleaned up) is raised only after: a thread still inside
    onnxruntime when the process exits aborts it ("terminate called")."""
    interrupted = False
    while not done.is_set():
        try:
            step() if step else done.wait(0.05)
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt
