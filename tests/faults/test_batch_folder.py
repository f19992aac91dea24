"""Batch faults: concurrent batches, colliding names, damaged state, bad folders, vanished inputs."""

import errno
import json
import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from reader.batch import STATE_FILE, load_state, run_batch
from reader.batch_state import LOCK_FILE
from reader.cli import app
from reader.options import RunOptions

runner = CliRunner()
TEXT = "The harbor office said the ferry will run every hour from Monday, and the old pier will close.\n"


def _folder(tmp_path, names=("a.txt", "b.txt")):
    root = tmp_path / "in"
    root.mkdir(exist_ok=True)
    for name in names:
        (root / name).write_text(f"Title of {name}\n\n{TEXT}")
    return root


def test_a_second_batch_on_the_same_folder_is_refused_and_the_first_one_finishes(tmp_path, fake_voice):
    root = _folder(tmp_path, [f"a{n}.txt" for n in range(4)])
    out = tmp_path / "out"
    env = {**os.environ, "READER_FAKE_DELAY_S": "0.2"}
    first = subprocess.Popen([sys.executable, "-m", "reader", "batch", str(root), "-o", str(out), "--voice",
                              fake_voice, "--jobs", "1", "-q"], env=env, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.time() + 30
    while not (out / LOCK_FILE).exists() and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    second = runner.invoke(app, ["batch", str(root), "-o", str(out), "--voice", fake_voice, "--jobs", "1"])
    assert second.exit_code == 2 and "Another reader batch" in second.stderr
    assert first.wait(timeout=120) == 0, first.stderr.read()
    state = load_state(out)
    assert sorted(state) == [f"a{n}.txt" for n in range(4)]
    for n in range(4):
        assert (out / f"a{n}.mp3").stat().st_size > 10_000  # real audio, not a tag-only shell


def test_inputs_sharing_a_stem_get_distinct_outputs(tmp_path, fake_voice):
    root = _folder(tmp_path, ["dup.txt", "solo.txt"])
    (root / "dup.html").write_text(f"<html><head><title>Dup</title></head><body><article><h1>Dup</h1><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    results = {r.relative: r for r in run_batch(root, tmp_path / "out", RunOptions(voice=fake_voice), jobs=1)}
    assert {r.status for r in results.values()} == {"done"}
    outputs = {results[name].output for name in ("dup.txt", "dup.html", "solo.txt")}
    assert len(outputs) == 3 and (tmp_path / "out" / "dup.txt.mp3").is_file() and (tmp_path / "out" / "dup.html.mp3").is_file()
    assert (tmp_path / "out" / "solo.mp3").is_file()


@pytest.mark.parametrize("content", ["{not json", "[1, 2, 3]", '{"items": [1]}', '{"items": {"a.txt": 5}}', ""])
def test_a_damaged_or_foreign_state_file_means_narrating_again(tmp_path, fake_voice, content):
    root = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / STATE_FILE).write_text(content)
    with pytest.warns(UserWarning, match="damaged") as caught:
        results = run_batch(root, out, RunOptions(voice=fake_voice), jobs=1)
    assert len([w for w in caught if "damaged" in str(w.message)]) == 1  # one warning per run
    assert (out / f"{STATE_FILE}.damaged").read_text() == content  # set aside, not lost
    assert {r.status for r in results} == {"done"}
    assert set(json.loads((out / STATE_FILE).read_text())["items"]) == {"a.txt", "b.txt"}


def test_bad_output_folders_are_one_line_usage_errors(tmp_path, fake_voice):
    root = _folder(tmp_path)
    (tmp_path / "file").write_text("x")
    for outdir, words in [(tmp_path / "file", "is a file"), (root, "input folder"), (tmp_path / "file" / "sub", "")]:
        result = runner.invoke(app, ["batch", str(root), "-o", str(outdir), "--voice", fake_voice])
        assert result.exit_code == 2, result.output
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path, fake_voice):
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    result = runner.invoke(app, ["batch", str(_folder(tmp_path)), "-o", str(out), "--voice", fake_voice])
    assert result.exit_code == 2 and "not writable" in result.stderr


@pytest.mark.parametrize("pattern", ["/etc/*", "../*.txt"])
def test_a_glob_outside_the_folder_is_refused(tmp_path, fake_voice, pattern):
    result = runner.invoke(app, ["batch", str(_folder(tmp_path)), "-o", str(tmp_path / "out"), "--voice", fake_voice,
                                 "--glob", pattern])  # fmt: skip
    assert result.exit_code == 2 and "--glob" in result.stderr and "Traceback" not in result.output


def test_vanished_inputs_leave_the_state_and_are_reported(tmp_path, fake_voice):
    root = _folder(tmp_path)
    out = tmp_path / "out"
    run_batch(root, out, RunOptions(voice=fake_voice), jobs=1)
    (root / "b.txt").unlink()
    result = runner.invoke(app, ["batch", str(root), "-o", str(out), "--voice", fake_voice,
                                 "--feed", "https://example.org/pod"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 removed" in result.stdout
    assert set(load_state(out)) == {"a.txt"}
    feed = (out / "feed.xml").read_text()
    assert "a.mp3" in feed and "b.mp3" not in feed


def test_a_full_disk_while_saving_state_warns_and_leaves_no_temporary_file(tmp_path, fake_voice, monkeypatch):
    import reader.batch_state as batch_state

    root = _folder(tmp_path)
    out = tmp_path / "out"

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch_state.json, "dump", full)
    with pytest.warns(UserWarning, match="No space left"):
        results = run_batch(root, out, RunOptions(voice=fake_voice), jobs=1)
    assert {r.status for r in results} == {"done"}
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
