"""Cache integrity: a damaged, foreign or unreachable entry is a miss, never audio."""

from __future__ import annotations

import os
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest

from reader.cache import ChunkCache
from reader.errors import UsageError

from . import ARTICLE, assert_one_line_error, reader_env, run_reader

PCM = (np.arange(4000) % 200 - 100).astype(np.int16)


def _stored(tmp_path: Path) -> tuple[ChunkCache, str, Path]:
    cache = ChunkCache(tmp_path)
    key = cache.key("fake:1", "Hello there.")
    cache.put(key, 16000, PCM)
    return cache, key, tmp_path / key[:2] / f"{key}.pcm"


@pytest.mark.parametrize("damage", ["truncate", "flip", "append", "empty"])
def test_damaged_chunk_is_a_miss_and_is_deleted(tmp_path, damage):
    cache, key, path = _stored(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-100] ^= 0x40
    elif damage == "append":
        data += b"\x01\x02" * 50
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert cache.get(key) is None
    assert not path.exists()


def test_fifo_in_the_cache_is_never_opened(tmp_path):
    cache, key, path = _stored(tmp_path)
    path.unlink()
    os.mkfifo(path)
    answer = []
    worker = threading.Thread(target=lambda: answer.append(cache.get(key)), daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # release the blocked reader before failing
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO in the cache hung")
    assert answer == [None]


def _narration(tmp_path: Path) -> tuple[ChunkCache, Path]:
    cache = ChunkCache(tmp_path / "cache")
    audio = tmp_path / "n.mp3"
    audio.write_bytes(os.urandom(5000))
    cache.put_narration("ab" * 32, "mp3", audio, {"duration_s": 1.0})
    return cache, audio


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_narration_is_a_miss(tmp_path, damage):
    cache, audio = _narration(tmp_path)
    stored, meta = cache.get_narration("ab" * 32, "mp3")
    assert stored.read_bytes() == audio.read_bytes() and meta["duration_s"] == 1.0
    data = bytearray(stored.read_bytes())
    data = data[:100] if damage == "truncate" else data[:50] + bytes([data[50] ^ 1]) + data[51:]
    stored.write_bytes(bytes(data))
    assert cache.get_narration("ab" * 32, "mp3") is None
    assert not stored.exists()


def test_read_only_cache_still_serves_its_entries(tmp_path, monkeypatch):
    cache, _ = _narration(tmp_path)
    _, key, _ = _stored(tmp_path / "cache")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "utime", refuse)  # root can write anywhere; a read-only file system can't
    assert cache.get_narration("ab" * 32, "mp3") is not None
    assert cache.get(key) is not None


def test_unusable_cache_folder_is_no_cache_and_one_warning(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = reader_env(tmp_path, READER_CACHE_DIR=str(blocker / "chunks"))
    result = run_reader(["convert", str(source), "-o", str(tmp_path / "n.mp3"), "--voice", "tones", "-q"], env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "n.mp3").stat().st_size > 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cache" in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_unusable_cache_warns_once_per_process(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(3):
            cache = ChunkCache(blocker / "chunks")
            cache.put(cache.key("x", "y"), 16000, PCM)
    assert len(caught) == 1


@pytest.mark.parametrize("value", ["abc", "-5", "nan", ""])
def test_bad_cache_limit(tmp_path, value, monkeypatch):
    monkeypatch.setenv("READER_CACHE_MAX_MB", value)
    if value == "":
        assert ChunkCache(tmp_path).max_bytes == 2 * 1024**3  # unset and empty are the same
        return
    with pytest.raises(UsageError, match="READER_CACHE_MAX_MB"):
        ChunkCache(tmp_path)
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    env = reader_env(tmp_path, READER_CACHE_MAX_MB=value)
    result = run_reader(["convert", str(source), "-o", str(tmp_path / "n.mp3"), "--voice", "tones", "-q"], env)
    assert_one_line_error(result, 2)
    assert not (tmp_path / "n.mp3").exists()


def test_damaged_cached_narration_is_rendered_again_not_copied(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    env = reader_env(tmp_path)
    for name in ("a.mp3", "b.mp3"):
        if name == "b.mp3":  # damage every stored narration between the runs
            for audio in (tmp_path / "cache" / "narrations").rglob("*.mp3"):
                audio.write_bytes(audio.read_bytes()[:500])
        result = run_reader(["convert", str(source), "-o", str(tmp_path / name), "--voice", "tones", "-q"], env)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
