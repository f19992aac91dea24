"""Chunk-parallel synthesis: in order, streamed, bounded, cancellable, and a crash is one clear error.

The fake engine runs in worker processes when jobs > 1 is asked explicitly;
READER_FAKE_DELAY_S slows each chunk down and READER_FAKE_CRASH_WORD makes
the worker die outright (os._exit) on a chunk containing that word. Workers
are forked, so they see the environment as it is when the pool starts.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from reader import parallel
from reader.errors import EngineError
from reader.pipeline import RunOptions, narrate
from reader.render import render
from reader.session import SynthesisSession
from reader.types import Chunk
from reader.voices import resolve_voice, voice_dirs

from .conftest import SAMPLE_TXT, decode

TEXTS = [" ".join(["word"] * n) + "." for n in range(1, 13)]
"""Twelve chunks of distinct lengths, so any reordering shows."""


def _session(voice: str, jobs: int | None, cache=None) -> SynthesisSession:
    return SynthesisSession(resolve_voice(voice), search_dirs=voice_dirs(), jobs=jobs, cache=cache)


@contextmanager
def _deadline(seconds: int):
    """Fail instead of hanging (on the main thread, which is the one that forks the workers)."""

    def expired(signum, frame):
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _gone(pids: list[int]) -> bool:
    return all(not Path(f"/proc/{pid}").exists() for pid in pids)


def test_parallel_audio_is_the_sequential_audio_in_order(fake_voice, monkeypatch):
    monkeypatch.setenv("READER_FAKE_DELAY_S", "0.02")
    sequential = _session(fake_voice, jobs=1)
    expected = list(sequential.stream(TEXTS))
    sequential.close()
    session = _session(fake_voice, jobs=3)
    with _deadline(60):
        got = list(session.stream(TEXTS))
    assert session.workers == 3 and session.stats.misses == len(TEXTS)
    assert [a.size for a in got] == [a.size for a in expected]
    assert all(np.array_equal(a, b) for a, b in zip(got, expected))
    assert session._pool is not None  # a finished stream keeps its idle workers for the next one
    session.close()
    assert multiprocessing.active_children() == []


class _ReversePool:
    """A stand-in pool whose futures finish last-submitted-first, and which counts what was submitted."""

    workers = 2

    def __init__(self, engine) -> None:
        self.engine = engine
        self.submitted: list[tuple[str, Future]] = []

    def submit(self, text: str) -> Future:
        self.submitted.append((text, Future()))
        return self.submitted[-1][1]

    def result(self, future: Future, text: str):
        for later_text, later in reversed(self.submitted):  # the latest finish first
            if not later.done():
                later.set_result((self.engine.sample_rate, self.engine.synthesize(later_text), 0.0))
        return future.result()

    def terminate(self) -> None:
        pass


def test_results_come_back_in_order_when_workers_finish_out_of_order(fake_voice, monkeypatch):
    from reader.engines import load_engine

    sequential = _session(fake_voice, jobs=1)
    expected = list(sequential.stream(TEXTS))
    session = _session(fake_voice, jobs=2)
    pool = _ReversePool(load_engine(resolve_voice(fake_voice)))
    monkeypatch.setattr(session, "_open_pool", lambda workers: pool)
    monkeypatch.setattr(session, "_pool", pool)
    got, ahead = [], []
    for pcm in session.stream(TEXTS):
        ahead.append(len(pool.submitted) - len(got))
        got.append(pcm)
    assert [text for text, _ in pool.submitted] == TEXTS
    assert all(np.array_equal(a, b) for a, b in zip(got, expected)) and len(got) == len(expected)
    assert max(ahead) <= parallel.AHEAD_PER_WORKER * pool.workers  # a bounded window, never the article


def test_first_chunk_reaches_the_sink_before_the_last_is_synthesized(fake_voice, monkeypatch):
    """The last chunk kills its worker: audio already written proves it streamed before."""
    monkeypatch.setenv("READER_FAKE_DELAY_S", "0.05")
    monkeypatch.setenv("READER_FAKE_CRASH_WORD", "finale")
    chunks = [Chunk(text, 100, i) for i, text in enumerate(TEXTS)] + [Chunk("The finale.", 100, 99)]
    sink = _RecordingSink()
    session = _session(fake_voice, jobs=2)
    with _deadline(60), pytest.raises(EngineError, match="worker process crashed"):
        render(chunks, session, [sink])
    assert sink.writes > 0 and sink.aborted
    assert multiprocessing.active_children() == [] and session._pool is None


class _RecordingSink:
    def __init__(self) -> None:
        self.writes, self.aborted = 0, False

    def start(self, sample_rate: int) -> None:
        pass

    def write(self, pcm) -> None:
        self.writes += 1

    def finish(self, rendered) -> None:
        pass

    def abort(self) -> None:
        self.aborted = True


def test_closing_the_stream_midway_leaves_no_worker(fake_voice, monkeypatch):
    monkeypatch.setenv("READER_FAKE_DELAY_S", "0.5")
    session = _session(fake_voice, jobs=2)
    audio = session.stream(TEXTS)
    with _deadline(60):
        next(audio)
        pids = session._pool.pids()
        assert len(pids) == 2
        audio.close()
    assert multiprocessing.active_children() == [] and _gone(pids)
    session.close()


def test_a_crashed_worker_fails_the_narration_once_and_the_session_recovers(fake_voice, monkeypatch):
    monkeypatch.setenv("READER_FAKE_CRASH_WORD", "boom")
    session = _session(fake_voice, jobs=2)
    texts = [*TEXTS[:4], "It went boom.", *TEXTS[4:]]
    with _deadline(60):
        with pytest.raises(EngineError, match="worker process crashed"):
            list(session.stream(texts))
        assert multiprocessing.active_children() == []
        monkeypatch.delenv("READER_FAKE_CRASH_WORD")
        assert len(list(session.stream(texts))) == len(texts)  # a new pool takes over
    session.close()
    assert multiprocessing.active_children() == []


def test_chunk_cache_fills_and_answers_as_in_the_sequential_path(fake_voice, tmp_path):
    from reader.cache import ChunkCache

    cache = ChunkCache(tmp_path / "cache")
    first = _session(fake_voice, jobs=2, cache=cache)
    cold = list(first.stream(TEXTS))
    first.close()
    again = _session(fake_voice, jobs=2, cache=cache)
    warm = list(again.stream(TEXTS))
    assert again.stats.hits == len(TEXTS) and again.stats.misses == 0
    assert again._pool is None  # found whole in the cache: no worker was started
    assert all(np.array_equal(a, b) for a, b in zip(cold, warm))
    again.close()


def test_narration_and_transcript_match_the_sequential_path(fake_voice, tmp_path):
    results = {}
    for jobs in (1, 2):
        options = RunOptions(voice=fake_voice, cache=False, format="wav")
        session = SynthesisSession(resolve_voice(fake_voice), search_dirs=voice_dirs(), jobs=jobs)
        try:
            results[jobs] = narrate(str(SAMPLE_TXT), tmp_path / f"{jobs}.wav", options=options,
                                    session_for=lambda preset, session=session: session)  # fmt: skip
        finally:
            session.close()
    assert results[2].segments == results[1].segments
    assert decode(tmp_path / "2.wav").duration_s == pytest.approx(decode(tmp_path / "1.wav").duration_s, abs=1e-3)


def test_engine_decides_unless_jobs_is_given(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    monkeypatch.setattr(parallel, "available_memory", lambda: int(2.5 * parallel.WORKER_BYTES))
    assert parallel.worker_count(None, processes=True) == 2  # memory caps the cores
    assert parallel.worker_count(None, processes=False) == 1  # inline engines stay inline
    assert parallel.worker_count(3, processes=False) == 3  # --jobs overrides
    monkeypatch.setattr(parallel, "available_memory", lambda: None)
    assert parallel.worker_count(None, processes=True) == 4
    monkeypatch.setattr(parallel, "available_memory", lambda: 100)
    assert parallel.worker_count(None, processes=True) == 1


def test_a_lent_engine_is_always_used_in_this_process(fake_voice):
    from reader.engines import load_engine

    preset = resolve_voice(fake_voice)
    session = SynthesisSession(preset, search_dirs=voice_dirs(), jobs=4, engine=load_engine(preset))
    assert session.workers == 1


def test_batch_workers_do_not_start_chunk_pools(tmp_path, fake_voice, monkeypatch):
    from reader import batch, workers

    seen = []
    monkeypatch.setattr(workers, "run_in_processes", lambda tasks, options, jobs: iter(seen.append(options) or []))
    task = batch.Task(str(SAMPLE_TXT), "a.txt", str(tmp_path / "a.mp3"), "", "")
    list(batch.execute([task], RunOptions(voice=fake_voice, jobs=4), jobs=2))
    assert [options.jobs for options in seen] == [1]


def test_jobs_option_is_checked_and_carried(tmp_path):
    from reader.cli.options import run_options
    from reader.errors import UsageError

    assert run_options(jobs=3).jobs == 3 and run_options().jobs is None
    with pytest.raises(UsageError, match="--jobs"):
        run_options(jobs=0)


def test_jobs_on_the_command_line_reaches_the_session(tmp_path, fake_voice, monkeypatch):
    from typer.testing import CliRunner

    from reader.cli import app

    started = []
    real_init = parallel.ChunkPool.__init__

    def recording(self, *args, **kwargs):
        started.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(parallel.ChunkPool, "__init__", recording)
    for jobs in ("1", "2"):
        result = CliRunner().invoke(app, ["convert", str(SAMPLE_TXT), "-o", str(tmp_path / f"{jobs}.wav"), "--voice",
                                          fake_voice, "--no-cache", "--jobs", jobs, "-q"])  # fmt: skip
        assert result.exit_code == 0, result.output
        assert len(started) == (0 if jobs == "1" else 1)
    assert decode(tmp_path / "2.wav").duration_s == pytest.approx(decode(tmp_path / "1.wav").duration_s, abs=1e-3)


def _recording_loads(monkeypatch, log: Path) -> None:
    """Every engine load, in whichever process, appends that process's id to ``log``."""
    real = parallel._load

    def load(preset, search_dirs):
        with log.open("a") as out:
            out.write(f"{__import__('os').getpid()}\n")
        return real(preset, search_dirs)

    monkeypatch.setattr(parallel, "_load", load)


def test_a_voice_that_forks_is_loaded_once_and_shared_by_the_workers(fake_voice, monkeypatch, tmp_path):
    """Loaded before the fork, the workers share its weights; the parent lets its copy go."""
    import dataclasses
    import os

    from reader.engines import fake_engine

    monkeypatch.setattr(fake_engine, "SPEC", dataclasses.replace(fake_engine.SPEC, fork_loaded=True))
    _recording_loads(monkeypatch, tmp_path / "loads")
    expected = list(_session(fake_voice, jobs=1).stream(TEXTS))
    session = _session(fake_voice, jobs=2)
    with _deadline(60):
        got = list(session.stream(TEXTS))
    assert (tmp_path / "loads").read_text().split() == [str(os.getpid())]
    assert parallel._LOADED == {}  # the parent's copy is closed once the workers have theirs
    assert all(np.array_equal(a, b) for a, b in zip(got, expected)) and len(got) == len(expected)
    session.close()


def test_other_voices_load_in_each_worker(fake_voice, monkeypatch, tmp_path):
    import os

    monkeypatch.setenv("READER_FAKE_DELAY_S", "0.05")  # both workers get chunks
    _recording_loads(monkeypatch, tmp_path / "loads")
    session = _session(fake_voice, jobs=2)
    with _deadline(60):
        list(session.stream(TEXTS))
    loaders = (tmp_path / "loads").read_text().split()
    assert len(loaders) == 2 and str(os.getpid()) not in loaders
    session.close()
