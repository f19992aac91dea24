"""Worker processes for a batch: tied to the parent, replaced when one crashes.

At most ``jobs`` tasks are in flight, so when a worker dies (a segfault in a
speech library, the out-of-memory killer) the tasks it could have been
running are known. Python's pool then breaks as a whole; a new pool takes
over. The suspects (the tasks in flight) run again one at a time, so the
one that kills its worker is the one that fails; the rest go on in parallel.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .batch import Task, TaskResult, _worker_init, _worker_run
from .options import RunOptions
from .parallel import terminate_pool


def run_in_processes(tasks: list[Task], options: RunOptions, jobs: int) -> Iterator[TaskResult]:
    """Each task's result as it finishes, in ``jobs`` worker processes; see the module docstring."""
    pending, suspects = list(tasks), []
    while pending or suspects:
        alone = bool(suspects)
        queue = suspects if alone else pending
        with ProcessPoolExecutor(max_workers=1 if alone else jobs, initializer=_worker_init) as pool:
            broken = yield from _drain(pool, queue, options, 1 if alone else jobs)
        if alone:
            for task in broken:  # it ran alone, so it is the one that crashed
                yield TaskResult(task.relative, "failed", error="the worker process narrating it crashed")
        else:
            suspects = broken


def _drain(pool: ProcessPoolExecutor, pending: list[Task], options: RunOptions, jobs: int) -> Iterator[TaskResult]:
    """Feed ``pending`` (consumed in order) to the pool; the tasks in flight when it broke, if it did."""
    running: dict[Future, Task] = {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                task = pending.pop(0)
                running[pool.submit(_worker_run, task, options)] = task
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = []
            for future in done:
                task = running.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append(task)
            if broken:
                return [*broken, *running.values()]
    except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped: no worker may outlive this
        terminate_pool(pool)  # each worker removes its own temporary file on SIGTERM (_worker_init)
        raise
    return []
