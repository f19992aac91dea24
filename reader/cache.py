"""A content-addressed cache of synthesized chunks and whole narrations.

The key is the chunk's text plus everything that changes its sound: engine,
engine version, voice model, rate, volume, pitch. So re-narrating an edited
article only synthesizes the chunks that changed, and any upgrade or setting
change misses the cache instead of replaying stale audio. Entries are
written atomically (safe for parallel batch workers) and the oldest are
evicted past a size limit.

Integrity: every entry carries its format version, length and a BLAKE2b-256
checksum, verified on every read. A truncated, damaged or foreign entry is
deleted and counts as a miss, so bad bytes are never played or copied. Only
regular files are ever opened (a FIFO or device in the cache folder is
skipped, never read). A cache folder that can't be written means no cache
for the run and one :class:`~reader.errors.CacheWarning`, never an error;
entries already in a read-only cache are still served.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
import struct
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .errors import CacheWarning, UsageError

DEFAULT_MAX_BYTES = 2 * 1024**3
_MAGIC = b"RDC2"
_HEADER = struct.Struct("<4sIQ32s")
"""Chunk entry header: magic and version, sample rate, payload bytes, BLAKE2b-256 of all three and the payload."""
_NARRATION_VERSION = 2
_MAX_CHUNK_BYTES = 256 * 1024**2
_MAX_META_BYTES = 16 * 1024**2
_PRUNE_EVERY_BYTES = 64 * 1024**2
_STALE_TMP_S = 24 * 3600
"""A temporary file this old was left by a killed writer (kill -9); prune removes it."""
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def default_cache_dir() -> Path:
    """READER_CACHE_DIR, else the user's cache folder (~/.cache/reader/chunks on Linux)."""
    if override := os.environ.get("READER_CACHE_DIR"):
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader")) / "chunks"


def limit_from_env() -> int:
    """READER_CACHE_MAX_MB in bytes (unset or empty: 2 GiB).

    A value that is not a number of megabytes is a usage error, not a
    warning: a typo silently replaced by the 2 GiB default would fill the
    disk the user set the limit to protect.
    """
    raw = os.environ.get("READER_CACHE_MAX_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = math.nan
    if not math.isfinite(megabytes) or megabytes < 0:
        raise UsageError(f"READER_CACHE_MAX_MB={raw!r} is not a size in megabytes; use a number such as 500.")
    return int(megabytes * 1024**2)


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    """Synthesized chunks."""
    narrations: int
    """Whole encoded narrations (reused when nothing in an article changed)."""
    bytes: int
    max_bytes: int


def _digest(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=32)
    for part in parts:
        digest.update(part)
    return digest.digest()


def _chunk_digest(rate: int, payload: bytes) -> bytes:
    return _digest(_MAGIC, struct.pack("<IQ", rate, len(payload)), payload)


def _parse_chunk(data: bytes) -> tuple[int, np.ndarray] | None:
    """(rate, PCM) from a whole entry file, or None unless every check passes."""
    if len(data) < _HEADER.size:
        return None
    magic, rate, length, digest = _HEADER.unpack_from(data)
    payload = data[_HEADER.size :]
    if magic != _MAGIC or length != len(payload) or length % 2 or digest != _chunk_digest(rate, payload):
        return None
    return rate, np.frombuffer(payload, dtype="<i2").copy()


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for reading if it is a regular file; anything else is deleted, never read.

    O_NONBLOCK keeps a FIFO from blocking the open, O_NOFOLLOW refuses a
    symlink, and the type is checked on the open file, so nothing swapped in
    after the check can hang or redirect the read.
    """
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return None
    except OSError:
        _discard(path)  # a symlink (ELOOP) or an unreadable entry
        return None
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        _discard(path)
        return None
    return os.fdopen(handle, "rb")


def _discard(*paths: Path) -> None:
    """Delete bad entries where we can (a read-only cache keeps them; they stay misses)."""
    for path in paths:
        try:
            path.unlink()
        except OSError:
            pass


def _touch(*paths: Path) -> None:
    """Mark entries recently used (evicted last); a read-only cache can't, and needn't."""
    for path in paths:
        try:
            os.utime(path)
        except OSError:
            pass


_HEX_KEY = re.compile(r"[0-9a-f]{64}")


class ChunkCache:
    """Chunk PCM on disk, one file per chunk, keyed by a SHA-256 of identity and text."""

    def __init__(self, folder: Path | None = None, max_bytes: int | None = None) -> None:
        self.folder = folder or default_cache_dir()
        self.max_bytes = max_bytes if max_bytes is not None else limit_from_env()
        self._added = 0
        self._unwritable = False

    @staticmethod
    def key(identity: str, text: str) -> str:
        return hashlib.sha256(f"{identity}\0{text}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pcm"

    def get(self, key: str) -> tuple[int, np.ndarray] | None:
        """(sample rate, int16 PCM) or None; a damaged entry is deleted and counts as a miss."""
        path = self._path(key)
        handle = _open_regular(path)
        if handle is None:
            return None
        with handle:
            data = handle.read(_MAX_CHUNK_BYTES)
        entry = _parse_chunk(data)
        if entry is None:
            _discard(path)
            return None
        _touch(path)
        return entry

    def put(self, key: str, rate: int, pcm: np.ndarray) -> None:
        """Store a chunk; a cache that can't be written is skipped (one warning), never an error."""
        payload = np.ascontiguousarray(pcm, dtype="<i2").tobytes()
        header = _HEADER.pack(_MAGIC, rate, len(payload), _chunk_digest(rate, payload))
        if self._write_atomic(self._path(key), lambda out: out.write(header + payload)) is not None:
            self._grew(len(header) + len(payload))

    def get_narration(self, key: str, fmt: str) -> tuple[Path, dict] | None:
        """A whole encoded narration stored under ``key``, with its metadata, or None.

        The audio's checksum is verified before it is returned; the returned
        metadata carries it as ``"blake2b"`` so the copy into place
        (``assemble.install_copy(path, out, digest=...)``) verifies its bytes again.
        """
        audio, sidecar = self._narration_paths(key, fmt)
        record = self._read_record(sidecar, fmt)
        if record is None or self._audio_digest(audio) != (record["size"], record["blake2b"]):
            _discard(audio, sidecar)
            return None
        _touch(audio, sidecar)
        return audio, {**record["meta"], "blake2b": record["blake2b"]}

    def put_narration(self, key: str, fmt: str, source: Path, meta: dict) -> None:
        """Keep a copy of an encoded narration; an unwritable cache is skipped (one warning)."""
        audio, sidecar = self._narration_paths(key, fmt)
        copied = self._write_atomic(audio, lambda out: _copy_hashing(source, out))
        if copied is None:
            return
        size, digest = copied
        record = {"version": _NARRATION_VERSION, "format": fmt, "size": size, "blake2b": digest, "meta": meta}
        if self._write_atomic(sidecar, lambda out: out.write(json.dumps(record).encode())) is not None:
            self._grew(size)

    def expects_narration(self, hint: str, fmt: str) -> bool:
        """Whether the source fingerprinted by ``hint`` (``pipeline.source_hint``) was narrated
        before and that narration is still kept. Only a guess (what the key covers may have
        changed): it decides whether loading the voice ahead is worth it, never what is reused."""
        handle = _open_regular(self._hint_path(hint))
        if handle is None:
            return False
        with handle:
            key = handle.read(128).decode("ascii", "replace")
        if not _HEX_KEY.fullmatch(key):  # a damaged hint never names a path outside the cache
            return False
        return all(path.is_file() for path in self._narration_paths(key, fmt))

    def note_narration(self, hint: str, key: str) -> None:
        """Remember that ``hint``'s source was narrated under ``key`` (see ``expects_narration``)."""
        self._write_atomic(self._hint_path(hint), lambda out: out.write(key.encode("ascii")))

    def _hint_path(self, hint: str) -> Path:
        return self.folder / "narrations" / hint[:2] / f"{hint}.hint.json"

    def _narration_paths(self, key: str, fmt: str) -> tuple[Path, Path]:
        folder = self.folder / "narrations" / key[:2]
        return folder / f"{key}.{fmt}", folder / f"{key}.json"

    @staticmethod
    def _read_record(sidecar: Path, fmt: str) -> dict | None:
        handle = _open_regular(sidecar)
        if handle is None:
            return None
        with handle:
            data = handle.read(_MAX_META_BYTES)
        try:
            record = json.loads(data)
        except ValueError:
            return None
        fields_ok = isinstance(record, dict) and isinstance(record.get("meta"), dict)
        if not fields_ok or record.get("version") != _NARRATION_VERSION or record.get("format") != fmt:
            return None
        return record

    @staticmethod
    def _audio_digest(audio: Path) -> tuple[int, str] | None:
        handle = _open_regular(audio)
        if handle is None:
            return None
        with handle:
            digest, size = hashlib.blake2b(digest_size=32), 0
            while block := handle.read(1 << 20):
                digest.update(block)
                size += len(block)
        return size, digest.hexdigest()

    def _write_atomic(self, path: Path, write: Callable[[BinaryIO], object]) -> object | None:
        """Write ``path`` through a temporary file and a rename; ``write``'s result, or None
        when the cache can't be written. The temporary file is removed on any failure,
        Ctrl-C or SIGTERM included; only ``kill -9`` can leave one, and prune removes it later."""
        if self._unwritable:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except OSError as exc:
            return self._give_up(exc)
        try:
            with os.fdopen(handle, "wb") as out:
                result = write(out)
            os.replace(tmp, path)
        except BaseException as exc:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                return self._give_up(exc)
            raise
        return result if result is not None else True

    def _give_up(self, exc: OSError) -> None:
        """No cache for the rest of this run, and one warning line.

        ``warnings`` prints a given message once per process (its default
        filter), so however many caches a run opens the user sees one line.
        """
        self._unwritable = True
        reason = exc.strerror or type(exc).__name__
        warnings.warn(
            f"the chunk cache in {self.folder} can't be written ({reason}); narrating without it.", CacheWarning
        )

    def _grew(self, size: int) -> None:
        self._added += size
        if self._added >= _PRUNE_EVERY_BYTES:
            self.prune()

    def _entries(self) -> list[tuple[float, int, Path]]:
        entries = []
        for path in [*self.folder.glob("??/*.pcm"), *self.folder.glob("narrations/??/*")]:
            try:
                info = path.lstat()
            except OSError:
                continue
            if path.suffix != ".tmp" and not stat.S_ISDIR(info.st_mode):
                entries.append((info.st_mtime, info.st_size, path))
        return entries

    def _remove_stale_temporaries(self) -> None:
        cutoff = time.time() - _STALE_TMP_S
        for path in [*self.folder.glob("??/*.tmp"), *self.folder.glob("narrations/??/*.tmp")]:
            try:
                if path.lstat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                continue

    def prune(self) -> int:
        """Evict least recently used entries until the cache fits its limit; returns how many."""
        self._added = 0
        self._remove_stale_temporaries()
        entries = sorted(self._entries())
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in entries:
            if total <= self.max_bytes:
                break
            _discard(path)
            total -= size
            removed += 1
        return removed

    def info(self) -> CacheInfo:
        entries = self._entries()
        chunks = sum(1 for _, _, path in entries if path.suffix == ".pcm")
        narrations = sum(1 for _, _, path in entries if path.suffix not in (".pcm", ".json"))
        return CacheInfo(self.folder, chunks, narrations, sum(size for _, size, _ in entries), self.max_bytes)

    def clear(self) -> int:
        """Delete every entry; returns how many were deleted."""
        removed = 0
        for _, _, path in self._entries():
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
        return removed


def _copy_hashing(source: Path, out: BinaryIO) -> tuple[int, str]:
    """Copy ``source`` into ``out``: (bytes copied, their BLAKE2b-256 hex digest)."""
    digest, size = hashlib.blake2b(digest_size=32), 0
    with open(source, "rb") as reader:
        while block := reader.read(1 << 20):
            digest.update(block)
            out.write(block)
            size += len(block)
    return size, digest.hexdigest()
