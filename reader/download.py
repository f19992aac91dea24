"""Verified, all-or-nothing downloads of voice files (Piper voices, the Kokoro model).

Every file is streamed into a hidden staging folder inside the destination
(same file system, so the final rename is atomic), checked against its
published size and digest, and only when every file of the set passed are
they renamed into place, the file that makes the voice visible last (a Piper
voice is used only once its ``.onnx.json`` is beside the model). Any failure
(HTTP error, no network, a truncated or oversized body, a digest mismatch, a
full disk) raises one :class:`DownloadError` and leaves nothing behind: the
staging folder is always removed.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ReaderError

Progress = Callable[[int, int], None]
"""Called with (bytes received so far, bytes expected in all) as a download goes."""

_BLOCK = 1 << 16
_TIMEOUT_S = 30.0


class DownloadError(ReaderError):
    """A voice could not be downloaded or failed verification; nothing was installed."""


@dataclass(frozen=True)
class RemoteFile:
    """One file to fetch, with what its publisher says it must be."""

    url: str
    name: str
    """The installed file's name in the destination folder."""
    size: int | None = None
    md5: str | None = None
    sha256: str | None = None


def install_files(files: list[RemoteFile], folder: Path, *, progress: Progress | None = None) -> list[Path]:
    """Fetch and verify every file, then move them into ``folder`` in the given order.

    Returns the installed paths. The caller orders ``files`` so that the one
    that makes the set usable comes last.
    """
    import httpx

    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".reader-download-", dir=folder))
    except OSError as exc:
        raise DownloadError(f"Can't write to the voices folder {folder}: {exc.strerror or exc}.") from exc
    try:
        total = sum(f.size or 0 for f in files)
        done = 0
        with httpx.Client(follow_redirects=True, timeout=_TIMEOUT_S) as client:
            for remote in files:
                done = _fetch(client, remote, staging / remote.name, done, total, progress)
        return _move_into_place(staging, files, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not any(folder.iterdir()):
            folder.rmdir()  # a failed first download leaves no empty folder behind


def _fetch(client, remote: RemoteFile, target: Path, done: int, total: int, progress: Progress | None) -> int:
    """Stream one file to ``target`` with its digests; returns the running byte count."""
    import httpx

    md5, sha256, size = hashlib.md5(), hashlib.sha256(), 0
    try:
        with client.stream("GET", remote.url) as response:
            if response.status_code >= 400:
                raise DownloadError(f"{remote.url} answered HTTP {response.status_code}; nothing was installed.")
            with target.open("wb") as out:
                for block in response.iter_bytes(_BLOCK):
                    size += len(block)
                    if remote.size is not None and size > remote.size:
                        raise DownloadError(f"{remote.name} is larger than the published {remote.size} bytes; nothing was installed.")
                    md5.update(block)
                    sha256.update(block)
                    out.write(block)
                    if progress:
                        progress(done + size, total)
    except httpx.HTTPError as exc:
        # Connection refused, DNS, timeouts, and a body cut short (RemoteProtocolError) alike.
        raise DownloadError(f"Can't download {remote.url}: {_reason(exc)}; nothing was installed.") from exc
    except OSError as exc:
        raise _disk_error(exc, target.parent.parent) from exc
    _verify(remote, size, md5.hexdigest(), sha256.hexdigest())
    return done + size


def _verify(remote: RemoteFile, size: int, md5: str, sha256: str) -> None:
    if remote.size is not None and size != remote.size:
        raise DownloadError(
            f"{remote.name} is truncated or wrong: {size} bytes instead of {remote.size}; nothing was installed."
        )
    for kind, expected, actual in (("MD5", remote.md5, md5), ("SHA-256", remote.sha256, sha256)):
        if expected and expected.lower() != actual:
            raise DownloadError(f"{remote.name} failed its {kind} check; nothing was installed.")


def _move_into_place(staging: Path, files: list[RemoteFile], folder: Path) -> list[Path]:
    """Rename each verified file into ``folder``; if one rename fails, take back the ones already moved."""
    moved: list[Path] = []
    try:
        for remote in files:
            final = folder / remote.name
            (staging / remote.name).replace(final)
            moved.append(final)
    except OSError as exc:
        for path in moved:
            path.unlink(missing_ok=True)
        raise _disk_error(exc, folder) from exc
    return moved


def _disk_error(exc: OSError, folder: Path) -> DownloadError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DownloadError(f"No space left in {folder}; nothing was installed.")
    return DownloadError(f"Can't write to {folder}: {exc.strerror or exc}; nothing was installed.")


def _reason(exc: Exception) -> str:
    import httpx

    if isinstance(exc, httpx.ConnectError):
        return "the server can't be reached (no network?)"
    if isinstance(exc, httpx.TimeoutException):
        return "the server did not answer in time"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the download was cut short"
    return str(exc) or type(exc).__name__


def fetch_bytes(url: str, *, limit: int = 64 << 20) -> bytes:
    """A small file (a catalogue) in memory, with the same one-line errors."""
    import httpx

    try:
        with httpx.Client(follow_redirects=True, timeout=_TIMEOUT_S) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise DownloadError(f"{url} answered HTTP {response.status_code}.")
            body = bytearray()
            for block in response.iter_bytes(_BLOCK):
                body += block
                if len(body) > limit:
                    raise DownloadError(f"{url} is larger than {limit >> 20} MiB; refused.")
            return bytes(body)
    except httpx.HTTPError as exc:
        raise DownloadError(f"Can't download {url}: {_reason(exc)}.") from exc
