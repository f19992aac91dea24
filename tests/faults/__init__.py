"""Hostile-user tests: nothing lost, nothing corrupted, never a traceback (issue 11).

``run_reader`` runs the real command in a subprocess, so what is checked is
what a user sees: files on disk, the exit code and the lines on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PRESET = 'description = "test tones"\nengine = "fake"\nvoice = "fake:low"\n'

ARTICLE = """Harbor notes

The ferry to the island will run every hour from Monday, the harbor office said on Friday.

Tickets will cost the same as last year, and children under twelve will travel for free.

The old pier will close for repairs in the autumn, and boats will use the new quay instead.
"""


def reader_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment with a fake voice named 'tones' and a private cache."""
    voices = tmp_path / "voices"
    voices.mkdir(exist_ok=True)
    (voices / "tones.toml").write_text(FAKE_PRESET)
    env = {**os.environ, "READER_VOICES_PATH": str(voices), "READER_CACHE_DIR": str(tmp_path / "cache")}
    env.update(extra)
    return env


def run_reader(args: list[str], env: dict[str, str], timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], check=False, env=env, capture_output=True, text=True, timeout=timeout,
        cwd=kwargs.pop("cwd", None), **kwargs,
    )


def assert_one_line_error(result: subprocess.CompletedProcess, code: int | None = None) -> None:
    """Failed the way a user should see: a non-zero exit and one line on stderr, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode != 0 if code is None else result.returncode == code, result
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
