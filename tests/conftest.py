"""Shared fixtures: sample paths, a fake voice, audio decoding, a local HTTP server."""

from __future__ import annotations

import http.server
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from reader.assemble import find_ffmpeg

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_TXT = SAMPLES / "kyiv-independent-bakhmut.txt"
SAMPLE_EXPECTED = SAMPLES / "kyiv-independent-bakhmut.expected.txt"
SAMPLE_HTML = SAMPLES / "harbor-library.html"

FAKE_PRESET = """
description = "test tones"
engine = "fake"
voice = "fake:low"
[pauses]
title = 1000
heading = 800
paragraph = 600
sentence = 300
clause = 100
"""


@dataclass
class Decoded:
    samples: np.ndarray
    """Mono float samples in [-1, 1]."""
    rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate

    def rms(self, start_s: float, end_s: float) -> float:
        part = self.samples[int(start_s * self.rate) : int(end_s * self.rate)]
        return float(np.sqrt(np.mean(part**2))) if part.size else 0.0


def probe_rate(path: Path) -> int:
    """The stream's sample rate as ffmpeg reports it."""
    info = subprocess.run([find_ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True)
    for line in info.stderr.splitlines():
        if "Audio:" in line:
            for part in line.split(","):
                if part.strip().endswith("Hz"):
                    return int(part.strip().split()[0])
    raise AssertionError(f"no audio stream in {path}: {info.stderr[-300:]}")


def decode(path: Path, rate: int | None = None) -> Decoded:
    """Decode any audio file with ffmpeg, at its own rate unless told otherwise."""
    rate = rate or probe_rate(path)
    result = subprocess.run(
        [find_ffmpeg(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"],
        capture_output=True,
        check=True,
    )
    samples = np.frombuffer(result.stdout, dtype=np.int16).astype(np.float32) / 32768.0
    return Decoded(samples, rate)


@pytest.fixture(autouse=True)
def _private_chunk_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own chunk cache, never the user's."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("chunk-cache")))


@pytest.fixture
def fake_voice(tmp_path, monkeypatch) -> str:
    """A preset named 'tones' using the fake engine, found through READER_VOICES_PATH."""
    folder = tmp_path / "voices"
    folder.mkdir()
    (folder / "tones.toml").write_text(FAKE_PRESET)
    monkeypatch.setenv("READER_VOICES_PATH", str(folder))
    return "tones"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self):  # noqa: N802 - http.server's naming
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    """A local HTTP server; tests add routes: server.routes['/x'] = (200, type, body)."""
    routes: dict[str, tuple[int, str, bytes]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    server.routes = routes
    yield server
    server.shutdown()
    server.server_close()
