"""Long-lived workers never reuse a stale voice; crashed workers are replaced; none outlive the batch."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.batch import STATE_FILE, Task, _worker_run, run_batch
from reader.pipeline import RunOptions

from .conftest import decode


def _folder(tmp_path: Path, count: int = 3) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for n in range(count):
        (root / f"a{n}.txt").write_text(
            f"Article {n}\n\nThe harbor office said the ferry will run every hour from Monday, and the old pier "
            "will close for repairs in the autumn.\n\nBoats will use the new quay instead, the office said.\n"
        )
    return root


def test_two_batches_in_one_process_follow_their_own_rate(tmp_path, fake_voice):
    root = _folder(tmp_path, 1)
    run_batch(root, tmp_path / "slow", RunOptions(voice=fake_voice, rate=1.0), jobs=1)
    run_batch(root, tmp_path / "fast", RunOptions(voice=fake_voice, rate=2.0), jobs=1)
    slow = decode(tmp_path / "slow" / "a0.mp3").duration_s
    fast = decode(tmp_path / "fast" / "a0.mp3").duration_s
    assert fast < 0.7 * slow


def test_one_worker_process_rebuilds_its_voice_when_settings_change(tmp_path, fake_voice):
    """The per-process task, as pool workers and Dask run it, twice with other rates."""
    root = _folder(tmp_path, 1)
    durations = []
    for rate in (1.0, 2.0, 1.0):
        out = tmp_path / f"r{rate}-{len(durations)}.mp3"
        task = Task(str(root / "a0.txt"), "a0.txt", str(out), "h", "s")
        result = _worker_run(task, RunOptions(voice=fake_voice, rate=rate, cache=False))
        assert result.status == "done", result.error
        durations.append(result.duration_s)
    assert durations[1] < 0.7 * durations[0] and durations[2] == pytest.approx(durations[0], abs=0.05)


@pytest.mark.slow
def test_dask_worker_processes_follow_each_batch_s_settings(tmp_path, fake_voice):
    distributed = pytest.importorskip("distributed")
    root = _folder(tmp_path, 2)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        for rate in (1.0, 2.0):
            results = run_batch(root, tmp_path / f"out{rate}", RunOptions(voice=fake_voice, rate=rate),
                                cluster=cluster.scheduler_address)  # fmt: skip
            assert {r.status for r in results} == {"done"}, [r.error for r in results]
    slow = decode(tmp_path / "out1.0" / "a0.mp3").duration_s
    fast = decode(tmp_path / "out2.0" / "a0.mp3").duration_s
    assert fast < 0.7 * slow


def test_a_crashing_article_fails_alone_and_the_rest_are_narrated(tmp_path, fake_voice, monkeypatch):
    root = _folder(tmp_path, 4)
    (root / "bomb.txt").write_text("Kaboom\n\nThis article makes the speech engine crash: kaboom goes the worker now.\n")
    monkeypatch.setenv("READER_FAKE_CRASH_WORD", "kaboom")
    results = {r.relative: r for r in run_batch(root, tmp_path / "out", RunOptions(voice=fake_voice), jobs=2)}
    assert results["bomb.txt"].status == "failed" and "crashed" in results["bomb.txt"].error
    assert all(results[f"a{n}.txt"].status == "done" for n in range(4))
    assert all((tmp_path / "out" / f"a{n}.mp3").is_file() for n in range(4))


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux-only")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_batch_and_leave_no_temporary_files(tmp_path, fake_voice, how):
    root = _folder(tmp_path, 6)
    out = tmp_path / "out"
    env = {**os.environ, "READER_FAKE_DELAY_S": "0.3"}
    batch = subprocess.Popen([sys.executable, "-m", "reader", "batch", str(root), "-o", str(out), "--voice",
                              fake_voice, "--jobs", "2", "-q"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.time() + 30
    while len(_children(batch.pid)) < 2 and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    workers = _children(batch.pid)
    assert workers, "the batch started no workers"
    batch.send_signal(how)
    batch.wait(timeout=30)
    deadline = time.time() + 10
    while _alive(workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not _alive(workers), "workers outlived their batch"
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    if (out / STATE_FILE).exists():
        assert (out / STATE_FILE).read_text().startswith("{")
