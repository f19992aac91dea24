"""pyttsx3: the system's voices (espeak-ng on Linux, SAPI5, NSSpeechSynthesizer).

pyttsx3 2.99's espeak driver has three defects this module works around:
``runAndWait()`` may return while espeak is still synthesizing, texts over
~13,000 characters crash it, and its time grows quadratically with length.
So each call gets one short chunk, runs on a helper thread, waits for the
``finished-utterance`` event under a timeout, and checks the file it wrote.
A hang or an empty result becomes an EngineError, never a silent gap.
A fourth defect found here: espeak queues property changes on its own
thread and pyttsx3's endLoop cancels that queue while espeak is busy, so a
rate change can be lost; each call waits for espeak to be idle first.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineError, EngineUnavailable, VoiceNotFound
from ..types import VoicePreset
from .base import EngineSpec, VoiceInfo

if TYPE_CHECKING:  # numpy loads when audio is made, not when engines are listed
    import numpy as np

BASE_WPM = 175
"""espeak-ng's natural pace; ``rate`` multiplies it."""
_TIMEOUT_BASE_S = 20.0
_TIMEOUT_PER_CHAR_S = 0.05
_IDLE_WAIT_S = 2.0
_ENGINE_LOCK = threading.Lock()
"""pyttsx3 keeps one engine per process; calls into it must not overlap."""


def use_wheel_espeak() -> bool:
    """Make pyttsx3 speak through the espeak-ng of the ``espeakng-loader`` wheel, when installed (Linux).

    pyttsx3 loads espeak by its soname, ``libespeak-ng.so.1``; once the wheel's
    library (same soname) is loaded, the dynamic loader hands that one back, so
    no system package is needed. espeak-ng reads its data from
    ESPEAK_DATA_PATH when pyttsx3 gives no path. It also keeps one espeak per
    process when Kokoro (whose phonemizer loads the wheel's library) runs too:
    the wheel's library with the system's data path would abort the process.
    It is loaded RTLD_LOCAL: with RTLD_GLOBAL, the private copy of the library
    that phonemizer loads for Kokoro bound its calls to this one and found no voices.
    Returns whether the wheel's espeak is in use.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: listing engines (every batch re-run does) should not load ctypes

    try:
        import espeakng_loader

        ctypes.CDLL(espeakng_loader.get_library_path())  # local, not RTLD_GLOBAL: see above
    except (ImportError, OSError):
        return False
    os.environ["ESPEAK_DATA_PATH"] = espeakng_loader.get_data_path()
    return True


def _init():
    use_wheel_espeak()
    try:
        import pyttsx3
    except ImportError as exc:
        raise EngineUnavailable("pyttsx3 is not installed; install it with: pip install pyttsx3") from exc
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return pyttsx3.init()
    except (OSError, RuntimeError, ImportError, KeyError) as exc:
        raise EngineUnavailable(
            "pyttsx3 found no speech engine on this system; install espeak-ng from PyPI: "
            "pip install espeakng-loader (or on Debian/Ubuntu: apt-get install libespeak-ng1)"
        ) from exc


def list_voices() -> list[VoiceInfo]:
    engine = _init()
    return [
        VoiceInfo("pyttsx3", voice.id, voice.name, tuple(_languages(voice)))
        for voice in engine.getProperty("voices")
    ]


def _languages(voice) -> list[str]:
    out = []
    for lang in voice.languages or []:
        out.append(lang.decode("utf-8", "ignore") if isinstance(lang, bytes) else str(lang))
    return out


def _espeak_is_playing():
    """espeak's IsPlaying(), when pyttsx3 drives espeak; None elsewhere."""
    try:
        from pyttsx3.drivers import _espeak
    except (ImportError, OSError, AttributeError):
        return None
    return getattr(_espeak, "IsPlaying", None)


class _Incomplete(Exception):
    """The driver reported the utterance as not completed."""


class Pyttsx3Engine:
    name = "pyttsx3"

    def __init__(self, preset: VoicePreset, threads: int | None = None) -> None:
        self._engine = _init()
        ids = {voice.id for voice in self._engine.getProperty("voices")}
        if preset.voice and preset.voice not in ids:
            raise VoiceNotFound(
                f"pyttsx3 has no voice {preset.voice!r}; 'reader voices --engine pyttsx3' lists them."
            )
        # pyttsx3.init() returns one shared engine per process, so each call
        # applies this preset's properties if another preset changed them.
        self._properties = {"rate": round(BASE_WPM * preset.rate), "volume": max(0.0, min(1.0, preset.volume))}
        if preset.voice:
            self._properties["voice"] = preset.voice
        if preset.pitch is not None:
            self._properties["pitch"] = preset.pitch
        self._done = threading.Event()
        self._completed = False
        self._token = self._engine.connect("finished-utterance", self._on_finished)
        import tempfile

        self._tmp = tempfile.TemporaryDirectory(prefix="reader-pyttsx3-")
        self._is_playing = _espeak_is_playing()
        self.sample_rate = 22050

    def _on_finished(self, name=None, completed=True) -> None:
        self._completed = bool(completed)
        self._done.set()

    def synthesize(self, text: str) -> np.ndarray:
        with _ENGINE_LOCK:
            self._apply_properties()
            try:
                return self._synthesize_once(text)
            except _Incomplete:
                # espeak's driver sometimes cancels an utterance right after a
                # property change; a second try is reliable, a second failure is not.
                try:
                    return self._synthesize_once(text)
                except _Incomplete as exc:
                    raise EngineError(f"pyttsx3 stopped before finishing the text {text[:60]!r}.") from exc

    def _apply_properties(self) -> None:
        applied = getattr(self._engine, "_reader_properties", {})
        changed = {k: v for k, v in self._properties.items() if applied.get(k) != v}
        with contextlib.redirect_stdout(io.StringIO()):
            for name, value in changed.items():
                with contextlib.suppress(KeyError, ValueError):  # not every driver has pitch
                    self._engine.setProperty(name, value)
        self._engine._reader_properties = {**applied, **changed}
        if changed:
            # espeak queues a parameter change on its own thread; runAndWait's
            # endLoop cancels whatever is still queued, the change included.
            self._wait_idle()

    def _synthesize_once(self, text: str) -> np.ndarray:
        path = Path(self._tmp.name) / "chunk.wav"
        path.unlink(missing_ok=True)
        self._done.clear()
        errors: list[BaseException] = []
        worker = threading.Thread(target=self._run, args=(text, path, errors), daemon=True)
        timeout = _TIMEOUT_BASE_S + _TIMEOUT_PER_CHAR_S * len(text)
        worker.start()
        # Wait for the event, not for runAndWait: it can return before espeak is done.
        finished = self._done.wait(timeout)
        worker.join(5.0 if finished else 0.1)
        if not finished or worker.is_alive():
            raise EngineError(f"pyttsx3 did not finish the text {text[:60]!r} within {timeout:.0f} s.")
        if errors:
            raise EngineError(f"pyttsx3 failed on the text {text[:60]!r}: {errors[0]}") from errors[0]
        self._wait_idle()
        if not self._completed:
            raise _Incomplete
        return self._read(path, text)

    def _wait_idle(self) -> None:
        """Let espeak's own thread finish what it has queued.

        espeak runs asynchronously: after the end event, or after a property
        change, it is still "playing" for a moment, and the next runAndWait
        would cancel it (pyttsx3's endLoop calls Cancel while espeak is busy).
        """
        if self._is_playing is None:
            return
        deadline = time.monotonic() + _IDLE_WAIT_S
        while self._is_playing() and time.monotonic() < deadline:
            time.sleep(0.002)

    def _run(self, text: str, path: Path, errors: list[BaseException]) -> None:
        try:
            # The espeak driver prints "Audio saved to ..." on stdout; keep stdout clean.
            with contextlib.redirect_stdout(io.StringIO()):
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
        except BaseException as exc:  # noqa: BLE001 - reported on the calling thread
            errors.append(exc)

    def _read(self, path: Path, text: str) -> np.ndarray:
        import wave

        import numpy as np

        if not path.is_file() or path.stat().st_size <= 44:
            raise EngineError(f"pyttsx3 wrote no audio for the text {text[:60]!r}.")
        try:
            with wave.open(str(path), "rb") as handle:
                self.sample_rate = handle.getframerate()
                frames = handle.readframes(handle.getnframes())
                width, channels = handle.getsampwidth(), handle.getnchannels()
        except (wave.Error, EOFError) as exc:
            raise EngineError(f"pyttsx3 wrote an unreadable audio file: {exc}") from exc
        if width != 2:
            raise EngineError(f"pyttsx3 wrote {8 * width}-bit audio; only 16-bit is supported.")
        audio = np.frombuffer(frames, dtype=np.int16)
        if channels > 1:
            audio = audio.reshape(-1, channels).mean(axis=1).astype(np.int16)
        if audio.size == 0:
            raise EngineError(f"pyttsx3 wrote an empty file for the text {text[:60]!r}.")
        return audio

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a replaced or broken engine has nothing to detach
            self._engine.disconnect(self._token)
        self._tmp.cleanup()



def _claims(spec: str, search_dirs: list[Path]) -> str | None:
    """An espeak/system voice id ("gmw/en-us"); asking the system costs ~0.1 s, so it goes last."""
    return spec if any(v.id == spec for v in list_voices()) else None


SPEC = EngineSpec(
    name="pyttsx3",
    load=lambda preset, threads, search_dirs: Pyttsx3Engine(preset, threads=threads),
    voice_identity=lambda preset, search_dirs: preset.voice,
    list_voices=lambda search_dirs: list_voices(),
    claims=_claims,
    claim_order=90,
    package="pyttsx3",
    words_per_minute=float(BASE_WPM),
    pitch=True,
    processes=False,
    description="The system's voices through pyttsx3 (espeak-ng on Linux)",
)
