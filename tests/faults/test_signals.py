"""Termination by SIGTERM or SIGHUP cleans up like Ctrl-C: no partial file, no temporary file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from . import ARTICLE, reader_env


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_terminated_convert_leaves_nothing(tmp_path, signum):
    source = tmp_path / "notes.txt"
    more = "\n\n".join(f"Paragraph {n} of the notes tells the reader one more thing about the harbor." for n in range(30))
    source.write_text(ARTICLE + "\n" + more + "\n")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = reader_env(tmp_path, READER_FAKE_DELAY_S="0.2")
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "convert", str(source), "-o", str(out_dir / "notes.mp3"), "--voice", "tones"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not list(out_dir.glob("*.part")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert list(out_dir.glob("*.part")), f"the narration never started: {process.poll()} {process.stderr.read()}"
    time.sleep(0.3)  # mid-synthesis
    process.send_signal(signum)
    stderr = process.communicate(timeout=30)[1]
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert list(out_dir.iterdir()) == []
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.suffix in (".tmp", ".part")]


def test_handlers_are_restored_and_only_the_main_thread_is_touched():
    from reader.signals import terminate_as_interrupt

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), terminate_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs between bytecodes; never reached
    assert signal.getsignal(signal.SIGTERM) == before
