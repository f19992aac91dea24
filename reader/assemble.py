"""Assemble: stream chunk audio and pauses into one encoded file.

PCM goes straight into ffmpeg's stdin as it is synthesized, so a long
narration is never held in memory and encoding overlaps synthesis. The file
is written under a temporary name beside the target and renamed only when
ffmpeg exits cleanly: a failure or Ctrl-C never leaves a partial output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .errors import AssemblyError, UsageError

# Codec settings per format: chosen for speech (mono, modest bit rates).
FORMATS: dict[str, list[str]] = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k", "-compression_level", "7", "-f", "mp3"],
    "wav": ["-c:a", "pcm_s16le", "-f", "wav"],
    "ogg": ["-c:a", "libopus", "-b:a", "48k", "-ar", "48000", "-f", "ogg"],
    "opus": ["-c:a", "libopus", "-b:a", "48k", "-ar", "48000", "-f", "ogg"],
    "m4b": ["-c:a", "aac", "-b:a", "96k", "-f", "ipod"],
    "m4a": ["-c:a", "aac", "-b:a", "96k", "-f", "ipod"],
    "flac": ["-c:a", "flac", "-f", "flac"],
}
DEFAULT_FORMAT = "mp3"


def find_ffmpeg() -> str:
    """The system ffmpeg if on PATH, else the one imageio-ffmpeg ships."""
    system = shutil.which("ffmpeg")
    if system:
        return system
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as exc:
        raise AssemblyError(
            "No ffmpeg found: install ffmpeg, or pip install imageio-ffmpeg."
        ) from exc


def choose_format(out: Path | None, fmt: str | None) -> str:
    """The output format from --format and/or the output's extension."""
    suffix = out.suffix.lower().lstrip(".") if out else ""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt not in FORMATS:
            raise UsageError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
        if suffix in FORMATS and suffix != fmt and not (suffix, fmt) in _SAME:
            raise UsageError(f"--format {fmt} contradicts the output name {out.name}.")
        return fmt
    if suffix in FORMATS:
        return suffix
    if suffix:
        raise UsageError(f"Unknown output extension .{suffix}; use one of {', '.join(FORMATS)} or --format.")
    return DEFAULT_FORMAT


_SAME = {("ogg", "opus"), ("opus", "ogg"), ("m4a", "m4b"), ("m4b", "m4a")}


def check_writable(out: Path) -> None:
    """Fail before any synthesis if the output can't be written."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise AssemblyError(f"The output folder {folder} does not exist.")
    if out.is_dir():
        raise AssemblyError(f"The output {out} is a folder; give a file name.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise AssemblyError(f"The output folder {folder} is not writable.")


def _usual_mode(path: Path) -> None:
    """mkstemp makes files private; a narration gets the mode the user's umask gives."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def install_copy(source: Path, out: Path) -> None:
    """Copy a finished file into place atomically, with the usual umask mode."""
    check_writable(out)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent or ".")
    except OSError as exc:
        raise AssemblyError(f"Can't write in {out.parent}: {exc.strerror or exc}.") from exc
    os.close(handle)
    try:
        shutil.copyfile(source, name)
        _usual_mode(Path(name))
        os.replace(name, out)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise AssemblyError(f"Can't write {out}: {exc.strerror or exc}.") from exc


class Encoder:
    """A running ffmpeg that encodes mono int16 PCM into ``out`` atomically."""

    def __init__(self, out: Path, fmt: str, sample_rate: int, finalize: Callable[[Path], None] | None = None) -> None:
        self.out = out
        self.finalize = finalize
        """Called with the finished temporary file before it is renamed (tags, chapters)."""
        self.fmt = fmt
        self.sample_rate = sample_rate
        self.samples = 0
        self._process: subprocess.Popen | None = None
        self._tmp: Path | None = None
        self._log = None

    def __enter__(self) -> Encoder:
        check_writable(self.out)
        try:
            handle, name = tempfile.mkstemp(prefix=f".{self.out.name}.", suffix=".part", dir=self.out.parent or ".")
        except OSError as exc:
            raise AssemblyError(f"Can't write in {self.out.parent}: {exc.strerror or exc}.") from exc
        os.close(handle)
        self._tmp = Path(name)
        _usual_mode(self._tmp)
        self._log = tempfile.TemporaryFile()
        command = [
            find_ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "s16le", "-ar", str(self.sample_rate), "-ac", "1", "-i", "pipe:0",
            *FORMATS[self.fmt], str(self._tmp),
        ]  # fmt: skip
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=self._log)
        return self

    def write(self, pcm: np.ndarray) -> None:
        self._feed(np.ascontiguousarray(pcm, dtype="<i2").tobytes())
        self.samples += len(pcm)

    def silence(self, ms: int) -> None:
        count = int(self.sample_rate * ms / 1000)
        if count > 0:
            self._feed(bytes(2 * count))
            self.samples += count

    @property
    def duration_s(self) -> float:
        return self.samples / self.sample_rate

    def _feed(self, data: bytes) -> None:
        try:
            self._process.stdin.write(data)
        except (BrokenPipeError, OSError) as exc:
            raise AssemblyError(f"ffmpeg stopped while encoding: {self._ffmpeg_error()}") from exc

    def _ffmpeg_error(self) -> str:
        self._process.wait()
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit status {self._process.returncode}"

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._finish()
            else:
                self._process.kill()
                self._process.wait()
        finally:
            self._log.close()
            if self._tmp is not None and self._tmp.exists():
                self._tmp.unlink()

    def _finish(self) -> None:
        try:
            self._process.stdin.close()
        except BrokenPipeError:
            pass
        if self._process.wait() != 0:
            raise AssemblyError(f"ffmpeg failed to encode {self.out.name}: {self._ffmpeg_error()}")
        if self.finalize is not None:
            self.finalize(self._tmp)
        try:
            os.replace(self._tmp, self.out)
        except OSError as exc:
            raise AssemblyError(f"Can't write {self.out}: {exc.strerror or exc}.") from exc
