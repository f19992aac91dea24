"""Batch: narrate every article under a folder, in parallel, resumably.

Each article is a task; a task is skipped while its input bytes and the
settings that shape its audio are unchanged (content hashes kept in
``OUTDIR/.reader-batch.json``, not file times). Outputs are written
atomically, so a batch killed at any moment leaves no partial file and the
next run finishes the rest. One failing article never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .errors import ReaderError, UsageError
from .options import RunOptions

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown"}
STATE_FILE = ".reader-batch.json"


@dataclass(frozen=True)
class Task:
    """One article to narrate."""

    source: str
    relative: str
    output: str
    input_hash: str
    settings_hash: str


@dataclass(frozen=True)
class TaskResult:
    """What became of one article."""

    relative: str
    status: str
    """done, skipped or failed."""
    output: str = ""
    error: str = ""
    duration_s: float = 0.0
    elapsed_s: float = 0.0
    bytes: int = 0
    title: str = ""
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    input_hash: str = ""
    settings_hash: str = ""


@dataclass
class BatchPlan:
    root: Path
    outdir: Path
    tasks: list[Task] = field(default_factory=list)
    skipped: list[TaskResult] = field(default_factory=list)


def find_articles(root: Path, pattern: str | None = None, exclude: Path | None = None) -> list[Path]:
    """Article files under ``root`` (hidden files and the output folder left out), sorted."""
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder.")
    candidates = root.rglob(pattern) if pattern else root.rglob("*")
    found = []
    for path in candidates:
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if exclude is not None and exclude.resolve() in path.resolve().parents:
            continue
        if pattern or path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
    return sorted(found)


def settings_hash(options: RunOptions) -> str:
    """A hash of everything that shapes the audio: voice preset, format, lexicon, reader version."""
    from importlib.metadata import PackageNotFoundError, version

    from .engines import engine_identity
    from .voices import resolve_voice, voice_dirs

    preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch)
    try:
        reader_version = version("reader")
    except PackageNotFoundError:
        reader_version = "dev"
    lexicons = [d / "lexicon.toml" for d in voice_dirs()] + ([Path(options.lexicon)] if options.lexicon else [])
    parts = {
        "reader": reader_version,
        "voice": engine_identity(preset, search_dirs=voice_dirs()),
        "pauses": asdict(preset.pauses),
        "format": options.format,
        "keep_all": options.keep_all,
        "loudness": options.loudness,
        "lexicons": [_file_hash(p) for p in lexicons if p.is_file()],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_state(outdir: Path) -> dict[str, dict]:
    try:
        return json.loads((outdir / STATE_FILE).read_text(encoding="utf-8")).get("items", {})
    except (OSError, ValueError):
        return {}


def save_state(outdir: Path, items: dict[str, dict]) -> None:
    """Write the state file atomically: a kill mid-write leaves the previous one."""
    handle, tmp = tempfile.mkstemp(dir=outdir, prefix=".reader-batch.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"version": 1, "items": items}, out, indent=1, sort_keys=True)
    os.replace(tmp, outdir / STATE_FILE)


def plan(root: Path, outdir: Path, options: RunOptions, *, pattern: str | None = None, force: bool = False) -> BatchPlan:
    """Which articles to narrate and which are already done with these settings."""
    outdir.mkdir(parents=True, exist_ok=True)
    if not os.access(outdir, os.W_OK):
        raise UsageError(f"The output folder {outdir} is not writable.")
    fmt = options.format or "mp3"
    settings = settings_hash(replace(options, format=fmt))
    for stale in outdir.rglob(".*.part"):  # left by a batch that was killed mid-file
        stale.unlink(missing_ok=True)
    state = load_state(outdir)
    result = BatchPlan(root=root, outdir=outdir)
    for path in find_articles(root, pattern, exclude=outdir):
        relative = path.relative_to(root).as_posix()
        output = outdir / Path(relative).with_suffix(f".{fmt}")
        digest = _file_hash(path)
        previous = state.get(relative, {})
        unchanged = previous.get("input_hash") == digest and previous.get("settings_hash") == settings
        if unchanged and output.is_file() and not force:
            result.skipped.append(TaskResult(**{**_known(previous), "relative": relative, "status": "skipped"}))
        else:
            result.tasks.append(Task(str(path), relative, str(output), digest, settings))
    return result


def _known(entry: dict) -> dict:
    names = {f for f in TaskResult.__dataclass_fields__}
    return {k: v for k, v in entry.items() if k in names}


def run_task(task: Task, options: RunOptions, session=None) -> TaskResult:
    """Narrate one article; any ReaderError becomes a failed result, never an exception."""
    from .pipeline import narrate

    started = time.perf_counter()
    try:
        Path(task.output).parent.mkdir(parents=True, exist_ok=True)
        narration = narrate(task.source, task.output, options=options, session=session)
    except ReaderError as exc:
        return TaskResult(task.relative, "failed", error=str(exc), elapsed_s=time.perf_counter() - started)
    return TaskResult(
        task.relative, "done", output=task.output, duration_s=narration.duration_s,
        elapsed_s=time.perf_counter() - started, bytes=Path(task.output).stat().st_size,
        title=narration.title, byline=narration.byline, date=narration.date, url=narration.url,
        input_hash=task.input_hash, settings_hash=task.settings_hash,
    )  # fmt: skip


class SessionKeeper:
    """The session a long-lived worker keeps between tasks, rebuilt whenever the settings change.

    A worker process (local pool or Dask) narrates many articles; loading the
    voice once is the point of keeping a session, but a task with other
    settings (rate, voice, loudness, cache) must never get the old voice.
    The candidate session is cheap to make (the engine loads on first use),
    so its settings are compared with the kept one's.
    """

    def __init__(self) -> None:
        self._session = None

    def session_for(self, options: RunOptions):
        from .pipeline import open_session
        from .voices import resolve_voice

        candidate = open_session(resolve_voice(options.voice, rate=options.rate, pitch=options.pitch), options)
        if self._session is not None and self._session.settings == candidate.settings:
            return self._session
        if self._session is not None:
            self._session.close()
        self._session = candidate
        return candidate

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        self._session = None


# One per worker process: module state by necessity (a pool calls plain functions),
# keyed by the full settings so it can never serve a task with other settings.
_KEEPER = SessionKeeper()


def _worker_init() -> None:
    """Tie a pool worker to its parent (``die_with_parent``), and let SIGTERM unwind it like an
    exception, so its temporary file is removed."""
    import signal
    import sys

    from .parallel import die_with_parent

    die_with_parent()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _worker_run(task: Task, options: RunOptions) -> TaskResult:
    try:
        session = _KEEPER.session_for(options)
        return run_task(task, options, session=session)
    except ReaderError as exc:
        return TaskResult(task.relative, "failed", error=str(exc))
    except SystemExit as exc:
        # SIGTERM (_worker_init) unwound the task, removing its temporary file. The pool would
        # catch SystemExit and wait for the next task from a parent that is gone: exit now.
        os._exit(exc.code if isinstance(exc.code, int) else 1)


def execute(
    tasks: list[Task], options: RunOptions, *, jobs: int, cluster: str | None = None
) -> Iterator[TaskResult]:
    """Results as they finish: in this process, in ``jobs`` worker processes, or on a Dask cluster."""
    if not tasks:
        return
    if cluster or jobs > 1:
        # Articles already fill the cores (or the cluster's); a chunk pool inside each worker
        # would oversubscribe them and multiply the voices in memory.
        options = replace(options, jobs=1)
    if cluster:
        from .cluster import run_on_cluster

        yield from run_on_cluster(cluster, tasks, options)
    elif jobs <= 1:
        keeper = SessionKeeper()
        try:
            for task in tasks:
                try:
                    session = keeper.session_for(options)
                except ReaderError as exc:
                    yield TaskResult(task.relative, "failed", error=str(exc))
                    continue
                yield run_task(task, options, session=session)
        finally:
            keeper.close()
    else:
        from .workers import run_in_processes

        options = replace(options, threads=max(1, (os.cpu_count() or 1) // jobs))
        yield from run_in_processes(tasks, options, jobs)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def record(outdir: Path, state: dict[str, dict], result: TaskResult) -> None:
    """Remember a finished article (and forget a failed one) in the state file."""
    if result.status == "done":
        entry = asdict(result)
        entry["output"] = Path(result.output).relative_to(outdir).as_posix()
        entry["finished"] = time.time()
        state[result.relative] = entry
    elif result.status == "failed":
        state.pop(result.relative, None)
    save_state(outdir, state)


def run_batch(
    root: Path, outdir: Path, options: RunOptions, *, jobs: int = 0, pattern: str | None = None,
    force: bool = False, cluster: str | None = None,
    on_start: Callable[[int, int], None] | None = None, on_result: Callable[[TaskResult], None] | None = None,
    on_running: Callable[[list[str]], None] | None = None,
) -> list[TaskResult]:
    """Narrate every article under ``root`` into ``outdir``; returns one result per article."""
    jobs = jobs or os.cpu_count() or 1
    the_plan = plan(root, outdir, options, pattern=pattern, force=force)
    options = replace(options, format=options.format or "mp3")
    if on_start:
        on_start(len(the_plan.tasks), len(the_plan.skipped))
    state = load_state(outdir)
    results = list(the_plan.skipped)
    # Longest articles first, so no worker is left with a long one at the end.
    pending = sorted(the_plan.tasks, key=lambda task: _size(task.source), reverse=True)
    if on_running:
        on_running([task.relative for task in pending[:jobs]])
    for result in execute(pending, options, jobs=jobs, cluster=cluster):
        record(outdir, state, result)
        results.append(result)
        pending = [task for task in pending if task.relative != result.relative]
        if on_result:
            on_result(result)
        if on_running:
            on_running([task.relative for task in pending[:jobs]])  # workers take tasks in this order
    return sorted(results, key=lambda r: r.relative)

