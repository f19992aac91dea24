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
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .assemble import fit_name
from .batch_state import STATE_FILE, OutputLock, load_state, prune_missing, record, save_state
from .errors import ReaderError, UsageError
from .options import RunOptions
from .types import VoicePreset

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown"}
__all__ = ["STATE_FILE", "Task", "TaskResult", "find_articles", "load_state", "plan", "run_batch", "save_state"]


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
    if pattern and (Path(pattern).is_absolute() or ".." in Path(pattern).parts):
        raise UsageError(f"--glob {pattern!r} must be relative to {root}, e.g. '*.html' or 'news/**/*.txt'.")
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


def settings_hash(options: RunOptions, preset: VoicePreset | None = None) -> str:
    """A hash of everything that shapes the audio: voice preset, format, lexicon, reader version.

    ``preset`` is the options' voice when the caller has already resolved it (the CLI does, to
    check it before any work); resolving it again would read every preset file a second time.
    """
    from .versions import package_version

    from .engines import engine_identity
    from .voices import resolve_voice, voice_dirs

    if preset is None:
        preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch, speaker=options.speaker)
    reader_version = package_version("reader") or "dev"
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


def check_folders(root: Path, outdir: Path) -> None:
    """The output folder exists (or is made), is a writable folder, and is not the input folder."""
    if root.is_dir() and outdir.resolve() == root.resolve():
        raise UsageError(f"The output folder can't be the input folder {root}; give another -o.")
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"The output {outdir} is a file, not a folder.")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"Can't create the output folder {outdir}: {exc.strerror or exc}.") from exc
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise UsageError(f"The output folder {outdir} is not writable.")


def plan(
    root: Path, outdir: Path, options: RunOptions, *, pattern: str | None = None, force: bool = False,
    preset: VoicePreset | None = None,
) -> BatchPlan:
    """Which articles to narrate and which are already done with these settings.

    Call it holding the folder's ``OutputLock``: it removes the temporary
    files a killed batch left, which only the lock's holder may do.
    """
    check_folders(root, outdir)
    fmt = options.format or "mp3"
    settings = settings_hash(replace(options, format=fmt), preset)
    for stale in outdir.rglob(".*.part"):  # left by a batch that was killed mid-file
        stale.unlink(missing_ok=True)
    state = load_state(outdir)
    result = BatchPlan(root=root, outdir=outdir)
    articles = find_articles(root, pattern, exclude=outdir)
    for path, output in zip(articles, output_names(root, outdir, articles, fmt)):
        relative = path.relative_to(root).as_posix()
        digest = _file_hash(path)
        previous = state.get(relative, {})
        unchanged = previous.get("input_hash") == digest and previous.get("settings_hash") == settings
        if unchanged and output.is_file() and not force:
            # The state keeps outputs relative to the output folder; a result names the file as a task does.
            fields = {**_known(previous), "relative": relative, "status": "skipped", "output": str(output)}
            result.skipped.append(TaskResult(**fields))
        else:
            result.tasks.append(Task(str(path), relative, str(output), digest, settings))
    return result


def output_names(root: Path, outdir: Path, articles: list[Path], fmt: str) -> list[Path]:
    """One distinct output per input: ``news/a.mp3``, or ``news/a.txt.mp3`` and ``news/a.html.mp3``
    when two inputs share a stem (case-insensitively, for file systems that fold case)."""
    stems: dict[str, int] = {}
    for path in articles:
        key = path.relative_to(root).with_suffix("").as_posix().lower()
        stems[key] = stems.get(key, 0) + 1
    names = []
    for path in articles:
        relative = path.relative_to(root)
        shared = stems[relative.with_suffix("").as_posix().lower()] > 1
        name = fit_name(relative.name if shared else relative.stem, f".{fmt}")
        names.append(outdir / relative.parent / name)
    return names


def _known(entry: dict) -> dict:
    names = {f for f in TaskResult.__dataclass_fields__}
    return {k: v for k, v in entry.items() if k in names}


def run_task(task: Task, options: RunOptions, keeper: SessionKeeper | None = None) -> TaskResult:
    """Narrate one article; any ReaderError becomes a failed result, never an exception."""
    from .pipeline import narrate

    started = time.perf_counter()
    try:
        Path(task.output).parent.mkdir(parents=True, exist_ok=True)
        session_for = (lambda preset: keeper.session_for(preset, options)) if keeper else None
        narration = narrate(task.source, task.output, options=options, session_for=session_for)
    except ReaderError as exc:
        return TaskResult(task.relative, "failed", error=str(exc), elapsed_s=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not end the batch unreported
        error = f"unexpected {type(exc).__name__}: {exc} (please report it)"
        return TaskResult(task.relative, "failed", error=error, elapsed_s=time.perf_counter() - started)
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

    def session_for(self, preset, options: RunOptions):
        """The kept session if ``preset`` and ``options`` make the same audio, else a new one."""
        from .pipeline import open_session

        candidate = open_session(preset, options)
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
        return run_task(task, options, keeper=_KEEPER)
    except SystemExit as exc:
        # SIGTERM (_worker_init) unwound the task, removing its temporary file. The pool would
        # catch SystemExit and wait for the next task from a parent that is gone: exit now.
        os._exit(exc.code if isinstance(exc.code, int) else 1)


def execute(
    tasks: list[Task], options: RunOptions, *, jobs: int, cluster: str | None = None, preset: VoicePreset | None = None
) -> Iterator[TaskResult]:
    """Results as they finish: in this process, in ``jobs`` worker processes, or on a Dask cluster."""
    if not tasks:
        return
    if cluster:
        from .cluster import run_on_cluster

        # Articles fill the cluster's cores; a chunk pool inside each task would oversubscribe them.
        yield from run_on_cluster(cluster, tasks, replace(options, jobs=1))
    elif jobs <= 1:
        yield from _run_here(tasks, replace(options, jobs=1))
    else:
        big, rest = split_big(tasks, jobs) if _synthesizes_in_processes(options, preset) else ([], tasks)
        # An article longer than its share of the batch would hold the tail on one core while the
        # others idle: it runs alone first, its chunks spread over every core by the session's pool.
        yield from _run_here(big, replace(options, jobs=jobs))
        if rest:
            from .workers import run_in_processes

            # One article per worker: a chunk pool inside each would oversubscribe the cores.
            options = replace(options, jobs=1, threads=max(1, (os.cpu_count() or 1) // jobs))
            yield from run_in_processes(rest, options, jobs)


def split_big(tasks: list[Task], jobs: int) -> tuple[list[Task], list[Task]]:
    """The tasks whose input is larger than the batch's total over ``jobs``, and the others, in order."""
    total = sum(_size(task.source) for task in tasks)
    big = [task for task in tasks if _size(task.source) * jobs > total]
    return big, [task for task in tasks if task not in big]


def _synthesizes_in_processes(options: RunOptions, preset: VoicePreset | None = None) -> bool:
    """Whether the options' voice renders chunks in worker processes (Piper, Kokoro), not inline (espeak),
    so that a crash in the speech library cannot take this process, and the batch, with it."""
    from .engines import engine_spec
    from .voices import resolve_voice

    try:
        if preset is None:
            preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch, speaker=options.speaker)
        return engine_spec(preset.engine).processes
    except ReaderError:
        return False


def _run_here(tasks: list[Task], options: RunOptions) -> Iterator[TaskResult]:
    keeper = SessionKeeper()
    try:
        for task in tasks:
            yield run_task(task, options, keeper=keeper)
    finally:
        keeper.close()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def run_batch(
    root: Path, outdir: Path, options: RunOptions, *, jobs: int = 0, pattern: str | None = None,
    force: bool = False, cluster: str | None = None, preset: VoicePreset | None = None,
    on_start: Callable[[int, int], None] | None = None, on_result: Callable[[TaskResult], None] | None = None,
    on_running: Callable[[list[str]], None] | None = None,
) -> list[TaskResult]:
    """Narrate every article under ``root`` into ``outdir``; returns one result per article.

    The folder is locked for the run (a second batch on it is refused), and
    articles whose input is gone are forgotten (status "removed"), so the
    feed no longer lists them; their audio stays.
    """
    jobs = jobs or os.cpu_count() or 1
    check_folders(root, outdir)
    with OutputLock(outdir):
        the_plan = plan(root, outdir, options, pattern=pattern, force=force, preset=preset)
        return _run_locked(the_plan, options, jobs, cluster, preset, on_start, on_result, on_running)


def _run_locked(the_plan, options, jobs, cluster, preset, on_start, on_result, on_running):
    root, outdir = the_plan.root, the_plan.outdir
    options = replace(options, format=options.format or "mp3")
    if on_start:
        on_start(len(the_plan.tasks), len(the_plan.skipped))
    state = load_state(outdir)
    removed = [TaskResult(name, "removed", error="input gone; dropped from the feed") for name in prune_missing(root, state)]
    if removed:
        save_state(outdir, state)
    results = list(the_plan.skipped) + removed
    # Longest articles first, so no worker is left with a long one at the end.
    pending = sorted(the_plan.tasks, key=lambda task: _size(task.source), reverse=True)
    if on_running:
        on_running([task.relative for task in pending[:jobs]])
    for result in execute(pending, options, jobs=jobs, cluster=cluster, preset=preset):
        record(outdir, state, result)
        results.append(result)
        pending = [task for task in pending if task.relative != result.relative]
        if on_result:
            on_result(result)
        if on_running:
            on_running([task.relative for task in pending[:jobs]])  # workers take tasks in this order
    return sorted(results, key=lambda r: r.relative)

