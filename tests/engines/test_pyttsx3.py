import threading
import wave

import numpy as np
import pytest

from reader.engines import load_engine
from reader.engines import pyttsx3_engine
from reader.errors import EngineError, VoiceNotFound
from reader.voices import resolve_voice

pytestmark = pytest.mark.slow


@pytest.fixture
def espeak():
    engine = load_engine(resolve_voice("espeak"))
    yield engine
    engine.close()


def test_renders_speech(espeak):
    audio = espeak.synthesize("The losses on both sides are thought to be extremely high.")
    assert espeak.sample_rate == 22050 and audio.dtype == np.int16
    assert 1.5 < len(audio) / espeak.sample_rate < 8
    assert np.sqrt(np.mean((audio / 32768.0) ** 2)) > 0.01


def test_rate_changes_length():
    text = "Russia has been attempting to encircle Bakhmut for months."
    slow = load_engine(resolve_voice("espeak", rate=0.6)).synthesize(text)
    fast = load_engine(resolve_voice("espeak", rate=1.8)).synthesize(text)
    assert len(slow) > 1.8 * len(fast)


def test_unknown_system_voice():
    with pytest.raises(VoiceNotFound, match="no voice"):
        load_engine(resolve_voice("pyttsx3:xx/not-a-voice"))


class _Hanging:
    """Stands in for a pyttsx3 engine whose run loop never finishes."""

    def setProperty(self, name, value):  # noqa: N802 - pyttsx3's naming
        pass

    def save_to_file(self, text, path):
        pass

    def runAndWait(self):  # noqa: N802 - pyttsx3's naming
        threading.Event().wait(30)


class _Empty:
    """A pyttsx3 engine that reports success but writes an empty file."""

    def __init__(self, owner):
        self.owner = owner

    def setProperty(self, name, value):  # noqa: N802
        pass

    def save_to_file(self, text, path):
        self.path = path

    def runAndWait(self):  # noqa: N802
        with wave.open(self.path, "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(22050)
        self.owner._on_finished(completed=True)


def test_hang_becomes_a_clear_error(espeak, monkeypatch):
    monkeypatch.setattr(pyttsx3_engine, "_TIMEOUT_BASE_S", 0.5)
    monkeypatch.setattr(pyttsx3_engine, "_TIMEOUT_PER_CHAR_S", 0.0)
    espeak._engine = _Hanging()
    with pytest.raises(EngineError, match="did not finish"):
        espeak.synthesize("This never ends.")


def test_empty_result_is_an_error(espeak):
    espeak._engine = _Empty(espeak)
    with pytest.raises(EngineError, match="no audio"):
        espeak.synthesize("Nothing comes out.")


def test_alternating_presets_keep_their_own_settings():
    """pyttsx3 shares one engine per process; each preset's rate must still hold."""
    from dataclasses import replace

    text = "Russia has been attempting to encircle Bakhmut for months."
    slow = load_engine(replace(resolve_voice("espeak", rate=0.6), volume=0.5))
    fast = load_engine(resolve_voice("espeak", rate=1.8))
    for _ in range(8):
        assert len(slow.synthesize(text)) > 1.8 * len(fast.synthesize(text))


def test_speaks_through_the_espeakng_loader_wheel_without_a_system_library():
    """With the espeakng-loader wheel installed, no system espeak-ng is needed (pip-only set-up)."""
    import subprocess
    import sys

    pytest.importorskip("espeakng_loader", reason="the pip-only set-up needs: pip install espeakng-loader")
    probe = (
        "from reader.engines import load_engine\nfrom reader.voices import resolve_voice\n"
        "audio = load_engine(resolve_voice('espeak')).synthesize('Hello from the wheel.')\n"
        "maps = {line.split()[-1] for line in open('/proc/self/maps') if 'libespeak' in line}\n"
        "print(len(audio), sorted(maps))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr[-500:]
    samples, maps = out.stdout.split(" ", 1)
    assert int(samples) > 11025 and "espeakng_loader" in maps and "/usr/lib" not in maps
