"""Rich progress bars on stderr (only on a terminal), yielding the library's callbacks."""

from __future__ import annotations

from contextlib import contextmanager

from .common import stderr


def _bar(*columns):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = stderr()
    return Progress(*[TextColumn(c) if isinstance(c, str) else c for c in columns], BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console,
                    disable=not console.is_terminal, transient=True)  # fmt: skip


@contextmanager
def chunk_progress(disabled: bool):
    """One bar over the article's chunks; yields ``on_progress(done, total)`` (None when disabled)."""
    if disabled:
        yield None
        return
    with _bar("Narrating") as bar:
        task = None

        def update(done: int, total: int) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task("narrate", total=total)
            bar.update(task, completed=done)

        yield update


@contextmanager
def batch_progress(disabled: bool):
    """One overall bar and a line per article being narrated; yields (on_start, on_result, on_running)."""
    if disabled:
        yield None, None, None
        return
    with _bar("{task.description}") as bar:
        overall, current = [None], {}

        def on_start(todo: int, skipped: int) -> None:
            overall[0] = bar.add_task(f"Articles ({skipped} unchanged)", total=todo)

        def on_result(result) -> None:
            bar.update(overall[0], advance=1)

        def on_running(names: list[str]) -> None:
            for name in set(current) - set(names):
                bar.remove_task(current.pop(name))
            for name in names:
                current.setdefault(name, bar.add_task(f"  {name[-50:]}", total=None))

        yield on_start, on_result, on_running
