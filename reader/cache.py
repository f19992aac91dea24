"""A content-addressed cache of synthesized chunks.

The key is the chunk's text plus everything that changes its sound: engine,
engine version, voice model, rate, volume, pitch. So re-narrating an edited
article only synthesizes the chunks that changed, and any upgrade or setting
change misses the cache instead of replaying stale audio. Entries are
written atomically (safe for parallel batch workers) and the oldest are
evicted past a size limit.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_MAX_BYTES = 2 * 1024**3
_MAGIC = b"RDC1"
_HEADER = struct.Struct("<4sI")
_PRUNE_EVERY_BYTES = 64 * 1024**2


def default_cache_dir() -> Path:
    """READER_CACHE_DIR, else the user's cache folder (~/.cache/reader/chunks on Linux)."""
    if override := os.environ.get("READER_CACHE_DIR"):
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reader")) / "chunks"


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    """Synthesized chunks."""
    narrations: int
    """Whole encoded narrations (reused when nothing in an article changed)."""
    bytes: int
    max_bytes: int


class ChunkCache:
    """Chunk PCM on disk, one file per chunk, keyed by a SHA-256 of identity and text."""

    def __init__(self, folder: Path | None = None, max_bytes: int | None = None) -> None:
        self.folder = folder or default_cache_dir()
        env_limit = os.environ.get("READER_CACHE_MAX_MB")
        self.max_bytes = max_bytes or (int(env_limit) * 1024**2 if env_limit else DEFAULT_MAX_BYTES)
        self._added = 0

    @staticmethod
    def key(identity: str, text: str) -> str:
        return hashlib.sha256(f"{identity}\0{text}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pcm"

    def get(self, key: str) -> tuple[int, np.ndarray] | None:
        """(sample rate, int16 PCM) or None; a damaged entry counts as a miss."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if len(data) <= _HEADER.size or data[:4] != _MAGIC:
            return None
        _, rate = _HEADER.unpack_from(data)
        try:
            os.utime(path)  # recently used entries are evicted last
        except OSError:
            pass
        return rate, np.frombuffer(data, dtype="<i2", offset=_HEADER.size).copy()

    def put(self, key: str, rate: int, pcm: np.ndarray) -> None:
        """Store a chunk; a cache that can't be written is skipped, never an error."""
        path = self._path(key)
        payload = _HEADER.pack(_MAGIC, rate) + np.ascontiguousarray(pcm, dtype="<i2").tobytes()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(tmp, path)
        except OSError:
            return
        self._added += len(payload)
        if self._added >= _PRUNE_EVERY_BYTES:
            self.prune()

    def get_narration(self, key: str, fmt: str) -> tuple[Path, dict] | None:
        """A whole encoded narration stored under ``key``, with its metadata."""
        audio = self.folder / "narrations" / key[:2] / f"{key}.{fmt}"
        try:
            meta = json.loads(audio.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not audio.is_file():
            return None
        os.utime(audio)
        return audio, meta

    def put_narration(self, key: str, fmt: str, source: Path, meta: dict) -> None:
        """Keep a copy of an encoded narration; an unwritable cache is skipped."""
        folder = self.folder / "narrations" / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for target, write in ((folder / f"{key}.{fmt}", lambda t: shutil.copyfile(source, t)),
                                  (folder / f"{key}.json", lambda t: Path(t).write_text(json.dumps(meta)))):  # fmt: skip
                handle, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
                os.close(handle)
                write(tmp)
                os.replace(tmp, target)
        except OSError:
            return
        self._added += source.stat().st_size
        if self._added >= _PRUNE_EVERY_BYTES:
            self.prune()

    def _entries(self) -> list[tuple[float, int, Path]]:
        entries = []
        for path in [*self.folder.glob("??/*.pcm"), *self.folder.glob("narrations/??/*")]:
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        return entries

    def prune(self) -> int:
        """Evict least recently used entries until the cache fits its limit; returns how many."""
        self._added = 0
        entries = sorted(self._entries())
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in entries:
            if total <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed

    def info(self) -> CacheInfo:
        entries = self._entries()
        chunks = sum(1 for _, _, path in entries if path.suffix == ".pcm")
        narrations = sum(1 for _, _, path in entries if path.suffix not in (".pcm", ".json"))
        return CacheInfo(self.folder, chunks, narrations, sum(size for _, size, _ in entries), self.max_bytes)

    def clear(self) -> int:
        entries = self._entries()
        for _, _, path in entries:
            path.unlink(missing_ok=True)
        return len(entries)

