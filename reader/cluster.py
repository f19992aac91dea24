"""Batch tasks on a Dask distributed cluster (the optional ``reader[cluster]`` extra).

Every worker runs the same per-article task as a local worker process: it
loads the voice once, uses the chunk cache and writes to the output folder,
which the workers must share (a network file system). Resume, the state file
and the summary stay with the process that runs ``reader batch``.
"""

from __future__ import annotations

from collections.abc import Iterator

from .batch import Task, TaskResult, _worker_run
from .errors import UsageError
from .options import RunOptions

CONNECT_TIMEOUT = "10s"


def run_on_cluster(address: str, tasks: list[Task], options: RunOptions) -> Iterator[TaskResult]:
    """Submit every task to the scheduler at ``address``; results as they finish."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise UsageError("--cluster needs the cluster extra: pip install 'reader[cluster]'") from exc
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"Can't reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        futures = {client.submit(_worker_run, task, options, pure=False): task for task in tasks}
        for future in as_completed(futures):
            task = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # a worker lost or killed mid-task
                yield TaskResult(task.relative, "failed", error=f"cluster worker failed: {exc}")
