"""Assemble: stream chunk audio and pauses into one encoded file.

PCM goes straight into ffmpeg's stdin as it is synthesized, so a long
narration is never held in memory and encoding overlaps synthesis. The file
is written under a temporary name beside the target and renamed only when
ffmpeg exits cleanly: a failure or Ctrl-C never leaves a partial output.

An output that is a symlink is written through: the temporary file goes
beside the link's final target and is renamed onto that target, so the link
stays and points at the new narration. An output that is the input (by
device and inode), a folder, a device, a FIFO or a socket is refused.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Self

from typing import TYPE_CHECKING

from .ahead import lower_priority
from .errors import AssemblyError, UsageError

if TYPE_CHECKING:
    import numpy as np

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


def check_writable(out: Path, inputs: Iterable[str | Path] = ()) -> None:
    """Fail before any synthesis if ``out`` can't be written, or must not be.

    Refused: a folder; a device, FIFO or socket (the rename would replace the
    node itself, e.g. /dev/null); and any of ``inputs`` (paths; "-" and URLs
    are ignored) under any name: the same file through a symlink or a hard
    link is found by device and inode, so the input is never overwritten.
    """
    try:
        target = output_target(out)
        _refuse_special(out, target)
        exists = target.exists()
    except OSError as exc:  # a name or path too long for the file system, a loop of links
        raise AssemblyError(f"Can't use the output name {out}: {exc.strerror or exc}.") from exc
    if exists and any(_same_file(target, name) for name in inputs):
        raise UsageError(f"The output {out} is the input file; give another name with -o.")
    folder = target.parent
    if not folder.is_dir():
        raise AssemblyError(f"The output folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise AssemblyError(f"The output folder {folder} is not writable.")


DURATION_TOLERANCE_S = 0.5
"""Encoders pad a frame or two (mp3: ~50 ms, Opus: 6.5 ms pre-skip); more is a damaged file."""


def check_duration(path: Path, expected_s: float) -> None:
    """Refuse a file that doesn't hold the audio written into it (deleted or truncated while
    being written, a full disk ffmpeg didn't notice): nothing is tagged, renamed or cached then."""
    from mutagen import File as MutagenFile
    from mutagen import MutagenError

    try:
        info = MutagenFile(path)
        length = info.info.length if info is not None else None
    except (MutagenError, OSError) as exc:
        raise AssemblyError(f"The encoded file for {path.name} can't be read back: {exc}.") from exc
    kind = type(info.info).__module__ if info is not None else ""
    if kind.endswith(("wave", "flac")):
        # WAV and FLAC headers state the length up front, so a cut file still claims it all:
        # count what really decodes (fast for these formats).
        length = _decoded_seconds(path)
    elif kind.endswith("mp3") and length and info.info.bitrate:
        # The LAME header holds the frame count; our constant bit rate gives the bytes it needs.
        length = min(length, path.stat().st_size * 8 / info.info.bitrate)
    if length is None or abs(length - expected_s) > DURATION_TOLERANCE_S + 0.01 * expected_s:
        found = "nothing readable" if length is None else f"{length:.1f} s"
        raise AssemblyError(f"The encoded file holds {found} instead of {expected_s:.1f} s of audio; it was not kept.")


def _decoded_seconds(path: Path) -> float | None:
    result = subprocess.run(
        [find_ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", "8000", "-"],
        capture_output=True, check=False,
    )  # fmt: skip
    return len(result.stdout) / 16000 if result.returncode == 0 else None


def output_target(out: Path) -> Path:
    """The file a write to ``out`` lands in: a symlink's target (followed to the
    end), so the link stays a link and its target gets the new content."""
    out = Path(out)
    return Path(os.path.realpath(out)) if out.is_symlink() else out


def _refuse_special(out: Path, target: Path) -> None:
    try:
        mode = target.lstat().st_mode
    except OSError:
        return  # not there yet: a new file
    if stat.S_ISDIR(mode):
        raise AssemblyError(f"The output {out} is a folder; give a file name.")
    if not stat.S_ISREG(mode):
        raise AssemblyError(
            f"The output {out} is not a regular file (a device, pipe or socket); give a file name."
        )


def _same_file(target: Path, name: str | Path) -> bool:
    if str(name) == "-" or str(name).startswith(("http://", "https://")):
        return False
    try:
        return os.path.samefile(target, name)
    except OSError:
        return False


def _temp_beside(target: Path) -> Path:
    """A new private temporary file beside ``target`` (same file system, so the rename is atomic)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=temp_prefix(target.name), suffix=".part", dir=folder)
    except OSError as exc:
        raise AssemblyError(f"Can't write in {folder}: {exc.strerror or exc}.") from exc
    os.close(handle)
    return Path(name)


NAME_MAX_BYTES = 255
"""The longest file name (one path component) of the usual Linux and macOS file systems."""
_TEMP_NAME_CHARS = 60
"""How much of the output's name a temporary file's name repeats."""


def fit_name(stem: str, suffix: str) -> str:
    """``stem + suffix``, or when that passes ``NAME_MAX_BYTES`` (a long but valid input name
    plus a longer suffix) the stem cut at a character and marked with a hash of it, so two
    long names that differ only at their end still get two outputs."""
    raw = stem.encode("utf-8", "surrogateescape")
    room = NAME_MAX_BYTES - len(suffix.encode("utf-8", "surrogateescape"))
    if len(raw) <= room:
        return stem + suffix
    mark = "-" + hashlib.blake2b(raw, digest_size=4).hexdigest()
    return raw[: room - len(mark)].decode("utf-8", "ignore") + mark + suffix


def temp_prefix(name: str) -> str:
    """A temporary file's prefix that names its output: shortened, so that a long (valid)
    output name doesn't make the temporary file's name too long for the file system."""
    return f".{name[:_TEMP_NAME_CHARS]}."


def _rename_into_place(tmp: Path, out: Path) -> None:
    """Rename our finished temporary file onto ``out``'s target, checked once more just before."""
    target = output_target(out)
    _refuse_special(out, target)  # it may have become a FIFO or device since check_writable
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise AssemblyError(f"Can't write {out}: {exc.strerror or exc}.") from exc


def usual_mode(path: Path) -> None:
    """mkstemp makes files private; a narration gets the mode the user's umask gives."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def install_copy(source: Path, out: Path, digest: str | None = None) -> None:
    """Copy a finished file into place atomically, with the usual umask mode.

    With ``digest`` (a BLAKE2b-256 hex digest, as the cache records it) the
    bytes are hashed as they are copied and nothing is installed unless they
    match, so a cache entry damaged after it was checked never reaches ``out``.
    """
    check_writable(out)
    tmp = _temp_beside(output_target(out))
    try:
        copied = _copy_hashing(source, tmp)
        if digest is not None and copied != digest:
            raise AssemblyError(f"The cached narration for {out.name} is damaged; run again with --no-cache.")
        usual_mode(tmp)
        _rename_into_place(tmp, out)
    except OSError as exc:
        raise AssemblyError(f"Can't write {out}: {exc.strerror or exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)  # ours; gone already after a successful rename


def _copy_hashing(source: Path, dest: Path) -> str:
    """Copy a regular file's bytes; their BLAKE2b-256 hex digest."""
    digest = hashlib.blake2b(digest_size=32)
    # O_NONBLOCK: a FIFO put in the source's place must not hang the copy; it is refused below.
    handle = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as reader, open(dest, "wb") as writer:
        if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
            raise AssemblyError(f"{source} is not a regular file.")
        while block := reader.read(1 << 20):
            digest.update(block)
            writer.write(block)
    return digest.hexdigest()


ENCODER_NICE = 10
"""How much the encoder yields the cores to the engine: it has slack (a pipe and the chunks
queued ahead), the engine's threads have none (each operator waits for its slowest thread)."""


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

    def __enter__(self) -> Self:
        check_writable(self.out)
        self._tmp = _temp_beside(output_target(self.out))
        try:
            usual_mode(self._tmp)
            self._log = tempfile.TemporaryFile()
            command = [
                find_ffmpeg(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "s16le", "-ar", str(self.sample_rate), "-ac", "1", "-i", "pipe:0",
                *FORMATS[self.fmt], str(self._tmp),
            ]  # fmt: skip
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=self._log)
            lower_priority(ENCODER_NICE, self._process.pid)
        except BaseException:  # Ctrl-C while ffmpeg starts: no caller holds us yet to clean up
            self.__exit__(BaseException, None, None)
            raise
        return self

    def write(self, pcm: np.ndarray) -> None:
        import numpy as np  # here, not at the top: the CLI imports this module to check formats

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
            elif self._process is not None:
                self._process.kill()
                self._process.wait()
        finally:
            if self._log is not None:
                self._log.close()
            if self._tmp is not None:
                self._tmp.unlink(missing_ok=True)  # only ever our own temporary file

    def _finish(self) -> None:
        try:
            self._process.stdin.close()
        except BrokenPipeError:
            pass
        if self._process.wait() != 0:
            raise AssemblyError(f"ffmpeg failed to encode {self.out.name}: {self._ffmpeg_error()}")
        check_duration(self._tmp, self.duration_s)
        if self.finalize is not None:
            self.finalize(self._tmp)
        check_duration(self._tmp, self.duration_s)  # tagging rewrote the file: check it again
        _rename_into_place(self._tmp, self.out)
