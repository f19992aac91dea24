"""Warm-up: a voice loaded on a helper thread while the article is still being prepared.

Loading a voice is the one long wait before the first audio (Piper: ~0.3 s to
build its onnxruntime session), and onnxruntime builds it without holding the
GIL. Started as soon as the voice is known, it overlaps reader's own imports
and the cleaning and normalizing of the article, which a bare engine process
never pays, instead of following them.

A warm-up that turns out not to be needed (the narration was in the cache) is
cancelled: if the load has not begun it never does; if it has, ``cancel``
waits for it and closes what it built, so no thread outlives its session.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from .ahead import wait_out

T = TypeVar("T")


def import_quietly(modules: Iterable[str]) -> None:
    """Import what a load will need, here, first (``EngineSpec.imports``); one that is missing
    is left for the load itself to report, with its usual message."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - missing or broken: the load raises EngineUnavailable
            if _interrupted(exc):
                raise KeyboardInterrupt from exc
            continue


def _interrupted(exc: BaseException) -> bool:
    """Whether Ctrl-C caused ``exc``: a C extension interrupted while it initializes raises
    ImportError('initialization failed') from the KeyboardInterrupt (onnxruntime does)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


class Warmup(Generic[T]):
    """``load`` run on a helper thread; ``result`` waits for it, ``cancel`` drops it."""

    def __init__(self, load: Callable[[], T], close: Callable[[T], None]) -> None:
        self._load, self._close = load, close
        self._cancelled, self._done = threading.Event(), threading.Event()
        self._outcome: list[tuple[bool, object]] = []
        self._thread = threading.Thread(target=self._run, name="reader-warmup", daemon=True)

    def start(self) -> None:
        """Start loading. Separate from construction so the owner holds the warm-up before its
        thread exists: an interrupt at any point leaves something ``cancel`` can wait for."""
        self._thread.start()

    def _run(self) -> None:
        try:
            if not self._cancelled.is_set():
                self._outcome.append((True, self._load()))
        except BaseException as exc:  # noqa: BLE001 - raised again by result(), in the caller's thread
            self._outcome.append((False, exc))
        finally:
            self._done.set()

    def result(self) -> T:
        """What ``load`` returned, once it has; its exception, raised here, if it failed."""
        self._done.wait()
        if not self._outcome:
            raise RuntimeError("the warm-up was cancelled")
        ok, value = self._outcome[0]
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop a load that has not begun; wait for one that has, and close what it built."""
        self._cancelled.set()
        if self._thread.ident is not None:  # running (or about to: it then sees the cancel first)
            wait_out(self._done)  # a model half built can't be dropped; a process exiting under it aborts
        if self._outcome and self._outcome[0][0]:
            self._close(self._outcome[0][1])
        self._outcome.clear()
