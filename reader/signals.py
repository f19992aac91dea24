"""Termination signals handled like Ctrl-C, so every cleanup path runs.

Python turns SIGINT into KeyboardInterrupt, and every writer in reader
(the encoder's temporary file, the cache's temporary entries, batch state)
already cleans up on it. SIGTERM (``kill``, a service manager, a container
stop) and SIGHUP (a closed terminal) would instead end the process at once
and leave ``.part`` files behind. Inside :func:`terminate_as_interrupt` they
raise KeyboardInterrupt too. ``kill -9`` can't be caught: then a hidden
``.NAME.*.part`` file may stay beside the output, but the output itself is
never partial.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
"""The signals turned into KeyboardInterrupt (SIGHUP does not exist on Windows)."""


@contextmanager
def terminate_as_interrupt(signals: tuple[signal.Signals, ...] = TERMINATING) -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise KeyboardInterrupt in the main thread.

    Only the first signal raises: a second one arriving while the cleanup runs
    is ignored, so the cleanup finishes instead of being interrupted halfway.
    The previous handlers are restored on exit. Outside the main thread
    (where Python can't install handlers) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = threading.Event()

    def handler(signum: int, frame: object) -> None:
        if not raised.is_set():
            raised.set()
            raise KeyboardInterrupt(f"terminated by {signal.Signals(signum).name}")

    previous = {signum: signal.signal(signum, handler) for signum in signals}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
