import numpy as np

from reader.cache import ChunkCache
from reader.engines.fake_engine import FakeEngine
from reader.pipeline import RunOptions, narrate
from reader.voices import resolve_voice

from .conftest import decode


def test_round_trip_and_damaged_entries(tmp_path):
    cache = ChunkCache(tmp_path)
    key = cache.key("piper:1:joe:1.0", "Hello there.")
    assert cache.get(key) is None
    pcm = (np.arange(1000) % 200 - 100).astype(np.int16)
    cache.put(key, 22050, pcm)
    rate, back = cache.get(key)
    assert rate == 22050 and np.array_equal(back, pcm)
    (tmp_path / key[:2] / f"{key}.pcm").write_bytes(b"junk")
    assert cache.get(key) is None
    assert cache.key("piper:1:joe:1.1", "Hello there.") != key  # another rate, another entry


def test_size_limit_evicts_least_recently_used(tmp_path):
    import os
    import time

    cache = ChunkCache(tmp_path, max_bytes=25_000)
    keys = [cache.key("x", str(i)) for i in range(5)]
    for i, key in enumerate(keys):
        cache.put(key, 16000, np.zeros(5000, dtype=np.int16))  # 10 kB each
        os.utime(tmp_path / key[:2] / f"{key}.pcm", (time.time() - 100 + i, time.time() - 100 + i))
    cache.get(keys[0])  # used again: newest
    assert cache.prune() == 3
    assert cache.get(keys[0]) is not None and cache.get(keys[4]) is not None
    assert cache.get(keys[1]) is None
    assert cache.info().entries == 2 and cache.clear() == 2 and cache.info().entries == 0


def test_unchanged_narration_is_copied_not_encoded(tmp_path, fake_voice):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    first = narrate(str(source), tmp_path / "a.mp3", options=RunOptions(voice=fake_voice))
    second = narrate(str(source), tmp_path / "b.mp3", options=RunOptions(voice=fake_voice))
    assert (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
    assert second.cached == second.chunks and second.segments == first.segments
    assert second.title == first.title == "Harbor notes" and second.duration_s == first.duration_s


ARTICLE = """Harbor notes

The ferry to the island will run every hour from Monday, the harbor office said on Friday.

Tickets will cost the same as last year, and children under twelve will travel for free.

The old pier will close for repairs in the autumn, and boats will use the new quay instead.
"""


def test_rerun_uses_the_cache_and_an_edit_synthesizes_only_its_chunks(tmp_path, fake_voice):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    preset = resolve_voice(fake_voice)
    engine = FakeEngine(preset)
    first = narrate(str(source), tmp_path / "a.wav", options=RunOptions(voice=fake_voice), engine=engine)
    assert first.cached == 0 and len(engine.calls) == first.chunks
    engine.calls.clear()
    second = narrate(str(source), tmp_path / "b.wav", options=RunOptions(voice=fake_voice), engine=engine)
    assert engine.calls == [] and second.cached == second.chunks
    assert np.array_equal(decode(tmp_path / "a.wav").samples, decode(tmp_path / "b.wav").samples)
    source.write_text(ARTICLE.replace("every hour", "every half hour"))
    narrate(str(source), tmp_path / "c.wav", options=RunOptions(voice=fake_voice), engine=engine)
    assert engine.calls == ["The ferry to the island will run every half hour from Monday, the harbor office said on Friday."]


def test_no_cache_synthesizes_everything(tmp_path, fake_voice):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    engine = FakeEngine(resolve_voice(fake_voice))
    for name in ("a.wav", "b.wav"):
        narrate(str(source), tmp_path / name, options=RunOptions(voice=fake_voice, cache=False), engine=engine)
    assert len(engine.calls) == 8


def test_cache_cli(tmp_path, fake_voice):
    from typer.testing import CliRunner

    from reader.cli import app

    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    runner = CliRunner()
    assert runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "x.mp3"), "--voice", fake_voice, "-q"]).exit_code == 0
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0 and "4 chunks, 1 narrations" in info.stdout
    assert "Removed 7 cached files." in runner.invoke(app, ["cache", "clear"]).stdout  # 4 chunks, audio + metadata, source hint


def test_a_source_hint_only_names_a_kept_narration(tmp_path):
    """The hint is a guess read from disk: only a kept narration's key makes it true, and a
    damaged or hostile hint file never names a path outside the cache."""
    cache = ChunkCache(tmp_path)
    hint, key = cache.key("hint", "a.txt"), cache.key("narration", "text")
    assert not cache.expects_narration(hint, "mp3")
    cache.note_narration(hint, key)
    assert not cache.expects_narration(hint, "mp3")  # the narration itself is not kept
    audio = tmp_path / "a.mp3"
    audio.write_bytes(b"ID3 audio")
    cache.put_narration(key, "mp3", audio, {"duration_s": 1.0})
    assert cache.expects_narration(hint, "mp3") and not cache.expects_narration(hint, "wav")
    assert cache.info().narrations == 1  # a hint is not counted as a narration
    hint_file = tmp_path / "narrations" / hint[:2] / f"{hint}.hint.json"
    for damaged in (b"../../etc/passwd", key.encode()[:-1] + b"/", b"\xff" * 64):
        hint_file.write_bytes(damaged)
        assert not cache.expects_narration(hint, "mp3")
