import os

import numpy as np
import pytest

from reader.assemble import FORMATS, Encoder, choose_format
from reader.errors import AssemblyError, UsageError

from .conftest import decode, probe_rate

RATE = 22050


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (np.sin(2 * np.pi * 300 * t) * 12000).astype(np.int16)


@pytest.mark.parametrize("fmt", ["mp3", "wav", "ogg", "m4b", "flac"])
def test_every_format_decodes_with_the_right_duration(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    with Encoder(out, fmt, RATE) as encoder:
        encoder.write(_tone(1.0))
        encoder.silence(500)
        encoder.write(_tone(0.5))
    assert encoder.duration_s == pytest.approx(2.0)
    audio = decode(out)
    # Lossy codecs pad by a few tens of milliseconds at most.
    assert audio.duration_s == pytest.approx(2.0, abs=0.08)
    assert audio.rms(0.1, 0.9) > 0.2 and audio.rms(1.1, 1.4) < 0.01 and audio.rms(1.6, 1.9) > 0.2
    assert not list(tmp_path.glob("*.part"))


def test_sample_rates_of_outputs(tmp_path):
    for fmt, expected in {"wav": RATE, "flac": RATE, "mp3": RATE, "ogg": 48000}.items():
        out = tmp_path / f"x.{fmt}"
        with Encoder(out, fmt, RATE) as encoder:
            encoder.write(_tone(0.3))
        assert probe_rate(out) == expected


def test_failure_midway_leaves_no_file(tmp_path):
    out = tmp_path / "story.mp3"
    with pytest.raises(RuntimeError), Encoder(out, "mp3", RATE) as encoder:
        encoder.write(_tone(0.5))
        raise RuntimeError("engine died")
    assert list(tmp_path.iterdir()) == []


def test_existing_output_survives_a_failed_run(tmp_path):
    out = tmp_path / "story.mp3"
    out.write_bytes(b"previous narration")
    with pytest.raises(RuntimeError), Encoder(out, "mp3", RATE) as encoder:
        encoder.write(_tone(0.2))
        raise RuntimeError("boom")
    assert out.read_bytes() == b"previous narration"


def test_missing_output_folder(tmp_path):
    with pytest.raises(AssemblyError, match="does not exist"):
        Encoder(tmp_path / "nope" / "x.mp3", "mp3", RATE).__enter__()


def test_output_mode_follows_umask(tmp_path):
    out = tmp_path / "x.wav"
    with Encoder(out, "wav", RATE) as encoder:
        encoder.write(_tone(0.1))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_format_choice():
    from pathlib import Path

    assert choose_format(None, None) == "mp3"
    assert choose_format(Path("a.ogg"), None) == "ogg"
    assert choose_format(Path("a"), "flac") == "flac"
    assert choose_format(Path("a.m4b"), "m4a") == "m4a"
    assert set(FORMATS) >= {"mp3", "wav", "ogg", "m4b", "flac"}
    with pytest.raises(UsageError):
        choose_format(Path("a.mp3"), "wav")
    with pytest.raises(UsageError):
        choose_format(Path("a.xyz"), None)


@pytest.mark.parametrize("fmt", ["mp3", "ogg", "flac", "m4b", "wav"])
def test_a_file_that_lost_its_audio_is_never_renamed_into_place(tmp_path, fmt):
    """Something cut the temporary file (another process, a full disk): refuse it, keep nothing."""
    import numpy as np

    from reader.assemble import Encoder
    from reader.errors import AssemblyError

    out = tmp_path / f"cut.{fmt}"

    def cut(path):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])

    with pytest.raises(AssemblyError, match="instead of|can't be read back"):
        with Encoder(out, fmt, 16000, finalize=cut) as encoder:
            encoder.write((np.sin(np.arange(16000 * 20) / 5) * 8000).astype(np.int16))
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("fmt", ["mp3", "m4b"])
def test_generated_cover_is_drawn_while_the_voice_speaks(tmp_path, fmt, monkeypatch):
    """The cover (~0.25 s) is drawn on a helper thread during synthesis, not after the last chunk;
    the file embeds exactly the cover the tags would have drawn themselves."""
    import threading

    from reader import cover
    from reader.render import FileSink, Rendered
    from reader.tags import Tags, cover_bytes

    drawn_on, real = [], cover.make_cover

    def recording(*args, **kwargs):
        drawn_on.append(threading.current_thread().name)
        return real(*args, **kwargs)

    tags = Tags(title="A ferry timetable", album="Harbor Courier")
    expected = cover_bytes(tags)
    monkeypatch.setattr(cover, "make_cover", recording)
    sink = FileSink(tmp_path / f"out.{fmt}", fmt, tags)
    sink.start(16000)
    sink.write(np.zeros(16000, dtype=np.int16))
    sink.finish(Rendered(sample_rate=16000, samples=16000))
    assert drawn_on == ["reader-cover"]  # drawn once, on the helper thread, never again when tagging
    assert _embedded_cover(tmp_path / f"out.{fmt}", fmt) == expected


def _embedded_cover(path, fmt: str) -> bytes:
    if fmt == "mp3":
        from mutagen.id3 import ID3

        return bytes(ID3(str(path)).getall("APIC")[0].data)
    from mutagen.mp4 import MP4

    return bytes(MP4(str(path)).tags["covr"][0])


def test_the_encoder_yields_the_cores_to_the_engine(tmp_path):
    """The encoder has slack (a pipe, chunks queued ahead); a two-thread engine has none."""
    with Encoder(tmp_path / "out.mp3", "mp3", 16000) as encoder:
        encoder.write(np.zeros(16000, dtype=np.int16))
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, encoder._process.pid) == min(19, ours + 10)
    assert decode(tmp_path / "out.mp3").duration_s == pytest.approx(1.0, abs=0.06)


def test_ctrl_c_while_the_encoder_starts_leaves_no_temporary_file(tmp_path, monkeypatch):
    import reader.assemble as assemble

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(assemble.subprocess, "Popen", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Encoder(tmp_path / "out.mp3", "mp3", 16000).__enter__()
    assert list(tmp_path.iterdir()) == []
