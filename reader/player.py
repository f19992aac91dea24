"""Audio output: the first player that works on this machine.

Every player takes mono 16-bit PCM as it arrives, so narration can be heard
while it is still being synthesized: a Python audio library where installed
(sounddevice), else ffplay, mpv, paplay or aplay reading raw PCM on stdin,
else afplay (macOS) or the Windows API on a temporary WAV. ``--player CMD``
names any command that reads raw PCM on stdin; ``{rate}`` in it becomes the
sample rate.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

from .errors import ReaderError


class PlayerError(ReaderError):
    """No audio output, or the player failed."""


# name -> argv reading raw s16le mono PCM at {rate} on stdin
STREAMING_PLAYERS: dict[str, list[str]] = {
    "ffplay": ["ffplay", "-nodisp", "-autoexit", "-loglevel", "error", "-f", "s16le", "-ar", "{rate}",
               "-ch_layout", "mono", "-i", "-"],
    "mpv": ["mpv", "--no-video", "--really-quiet", "--demuxer=rawaudio", "--demuxer-rawaudio-rate={rate}",
            "--demuxer-rawaudio-channels=1", "--demuxer-rawaudio-format=s16le", "-"],
    "paplay": ["paplay", "--raw", "--format=s16le", "--rate={rate}", "--channels=1"],
    "aplay": ["aplay", "-q", "-t", "raw", "-f", "S16_LE", "-r", "{rate}", "-c", "1", "-"],
}  # fmt: skip


class CommandPlayer:
    """A player process fed raw PCM on its stdin."""

    def __init__(self, argv: list[str], name: str) -> None:
        self.argv, self.name = argv, name
        self._process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()

    def start(self, rate: int) -> None:
        argv = [part.replace("{rate}", str(rate)) for part in self.argv]
        try:
            self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log)
        except OSError as exc:
            raise PlayerError(f"The player {self.name!r} could not start: {exc.strerror or exc}.") from exc

    def write(self, pcm: np.ndarray) -> None:
        try:
            self._process.stdin.write(np.ascontiguousarray(pcm, dtype="<i2").tobytes())
        except (BrokenPipeError, OSError) as exc:
            raise PlayerError(f"{self.name} stopped playing: {self._reason()}") from exc

    def finish(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self._process.stdin.close()
        if self._process.wait() != 0:
            raise PlayerError(f"{self.name} could not play the audio: {self._reason()}")

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def _reason(self) -> str:
        self._process.wait()
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {self._process.returncode} (is there an audio output?)"


class SoundDevicePlayer:
    """PortAudio through the sounddevice package, when installed and a device exists."""

    name = "sounddevice"

    def __init__(self, module) -> None:
        self._sd, self._stream = module, None

    def start(self, rate: int) -> None:
        self._stream = self._sd.RawOutputStream(samplerate=rate, channels=1, dtype="int16")
        self._stream.start()

    def write(self, pcm: np.ndarray) -> None:
        self._stream.write(np.ascontiguousarray(pcm, dtype="<i2").tobytes())

    def finish(self) -> None:
        self._stream.stop()
        self._stream.close()

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.abort()
            self._stream.close()


class WavFilePlayer:
    """afplay or the Windows API: they play files, so the audio is gathered first."""

    def __init__(self, name: str) -> None:
        self.name = name
        handle, path = tempfile.mkstemp(suffix=".wav")
        os.close(handle)
        self._path = Path(path)
        self._wav: wave.Wave_write | None = None

    def start(self, rate: int) -> None:
        self._wav = wave.open(str(self._path), "wb")
        self._wav.setnchannels(1)
        self._wav.setsampwidth(2)
        self._wav.setframerate(rate)

    def write(self, pcm: np.ndarray) -> None:
        self._wav.writeframes(np.ascontiguousarray(pcm, dtype="<i2").tobytes())

    def finish(self) -> None:
        self._wav.close()
        try:
            if self.name == "winsound":
                import winsound

                winsound.PlaySound(str(self._path), winsound.SND_FILENAME)
            else:
                subprocess.run(["afplay", str(self._path)], check=True)
        except (OSError, subprocess.CalledProcessError, RuntimeError) as exc:
            raise PlayerError(f"{self.name} could not play the audio: {exc}") from exc
        finally:
            self._path.unlink(missing_ok=True)

    def stop(self) -> None:
        self._path.unlink(missing_ok=True)


def find_player(command: str | None = None):
    """The player to use: ``command`` if given, else the first one available here."""
    if command:
        try:
            argv = shlex.split(command)
        except ValueError as exc:  # an unclosed quote
            raise PlayerError(f"The player command {command!r} can't be read: {exc}.") from exc
        if not argv or not shutil.which(argv[0]):
            raise PlayerError(f"The player command {command!r} was not found.")
        return CommandPlayer(argv, argv[0])
    sounddevice = _sounddevice()
    if sounddevice is not None:
        return SoundDevicePlayer(sounddevice)
    for name, argv in STREAMING_PLAYERS.items():
        if shutil.which(name):
            return CommandPlayer(argv, name)
    if sys.platform == "darwin" and shutil.which("afplay"):
        return WavFilePlayer("afplay")
    if sys.platform == "win32":
        return WavFilePlayer("winsound")
    raise PlayerError(
        "No audio player found. Install ffmpeg (ffplay), mpv, pulseaudio-utils (paplay) or alsa-utils (aplay), "
        "or name one with --player CMD; 'reader convert' writes a file instead."
    )


def _sounddevice():
    try:
        import sounddevice
    except (ImportError, OSError):
        return None
    try:
        sounddevice.query_devices(kind="output")
    except Exception:  # PortAudio raises its own error type when no output device exists
        return None
    return sounddevice
