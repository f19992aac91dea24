"""What a listener hears: loudness, true peak and even pacing, measured on decoded files."""

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from reader.assemble import find_ffmpeg
from reader.session import SynthesisSession
from reader.shaping import problem, trim
from reader.types import VoicePreset
from reader.errors import EngineError
from reader.pipeline import RunOptions, narrate

from .conftest import SAMPLE_TXT, decode


def ebur128(path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg's EBU R128 meter reads the file."""
    result = subprocess.run(
        [find_ffmpeg(), "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = result.stderr[result.stderr.rfind("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return integrated, peak


@pytest.mark.slow
@pytest.mark.parametrize("voice, fmt", [("joe", "mp3"), ("joe", "m4b"), ("espeak", "ogg"), ("espeak", "flac")])
def test_loudness_and_true_peak(tmp_path, voice, fmt):
    out = tmp_path / f"sample.{fmt}"
    narrate(str(SAMPLE_TXT), out, options=RunOptions(voice=voice, cache=False))
    integrated, peak = ebur128(out)
    assert abs(integrated - -16.0) <= 1.0, integrated
    assert peak <= -1.0, peak


@pytest.mark.slow
def test_loudness_target_can_change(tmp_path):
    out = tmp_path / "quiet.mp3"
    narrate(str(SAMPLE_TXT), out, options=RunOptions(voice="joe", loudness=-20.0))
    integrated, _ = ebur128(out)
    assert abs(integrated - -20.0) <= 1.0, integrated


def _speech_bounds(audio, start_s, end_s, threshold=0.01):
    """First and last moment with sound inside a window of the decoded audio."""
    frame = int(audio.rate * 0.005)
    part = audio.samples[int(start_s * audio.rate) : int(end_s * audio.rate)]
    usable = part[: part.size - part.size % frame].reshape(-1, frame)
    loud = np.flatnonzero(np.abs(usable).max(axis=1) > threshold)
    return start_s + loud[0] * 0.005, start_s + (loud[-1] + 1) * 0.005


@pytest.mark.slow
@pytest.mark.parametrize("voice", ["joe", "espeak"])
def test_pauses_are_what_the_preset_asks_on_every_engine(tmp_path, voice):
    """Engine silence is trimmed: the silence between sentences is the preset's pause (+- the trim margin)."""
    from reader.voices import resolve_voice

    out = tmp_path / "sample.wav"
    result = narrate(str(SAMPLE_TXT), out, options=RunOptions(voice=voice, cache=False))
    audio = decode(out)
    pauses = resolve_voice(voice).pauses
    gaps = []
    for before, after in zip(result.segments, result.segments[1:]):
        _, end = _speech_bounds(audio, before.start_s, before.end_s)
        start, _ = _speech_bounds(audio, after.start_s, after.end_s)
        gaps.append(start - end)
    # The first gap follows the title; the others a clause, a sentence or a paragraph.
    assert abs(gaps[0] - pauses.title / 1000) < 0.1
    allowed = {pauses.clause / 1000, pauses.sentence / 1000, pauses.paragraph / 1000}
    assert all(min(abs(gap - p) for p in allowed) < 0.1 for gap in gaps[1:]), gaps


class _Scripted:
    """An engine that returns prepared audio, one array per call."""

    name = "fake"
    sample_rate = 16000

    def __init__(self, *outputs):
        self.outputs, self.calls = list(outputs), 0

    def synthesize(self, text):
        self.calls += 1
        return self.outputs.pop(0)

    def close(self):
        pass


def _speech(seconds: float) -> np.ndarray:
    t = np.arange(int(16000 * seconds)) / 16000
    return (np.sin(2 * np.pi * 200 * t) * 8000 * (1 + np.sin(2 * np.pi * 3 * t)) / 2).astype(np.int16)


def _session(engine) -> SynthesisSession:
    """A session (shaping, no cache) around a scripted engine."""
    return SynthesisSession(VoicePreset("t", "fake", "fake:low"), search_dirs=[], engine=engine)


TEXT = "The council approved the new ferry timetable on Friday evening."  # 10 words: about 3 s


def test_quality_gate_retries_once_then_keeps_a_good_take():
    engine = _Scripted(np.zeros(16000, dtype=np.int16), _speech(3.0))
    shaped = _session(engine)
    assert shaped.synthesize(TEXT).size > 16000 * 2 and engine.calls == 2


@pytest.mark.parametrize(
    "bad, word",
    [(np.zeros(48000, dtype=np.int16), "silent"), (_speech(0.3), "truncated"), (_speech(20.0), "runaway")],
    ids=["silent", "truncated", "runaway"],
)
def test_quality_gate_reports_a_bad_chunk_with_its_text(bad, word):
    engine = _Scripted(bad, bad)
    with pytest.raises(EngineError, match=word) as err:
        _session(engine).synthesize(TEXT)
    assert "The council approved" in str(err.value) and engine.calls == 2


def test_other_scripts_are_not_judged_by_english_pace():
    """An English voice spelling out Japanese takes long; that is not a runaway chunk."""
    assert problem(_speech(10.0), 16000, "自宅でできる簡単なパンの焼き方.", 175.0) is None
    assert problem(np.zeros(16000, dtype=np.int16), 16000, "自宅でできる.", 175.0) == "silent"


def test_trim_keeps_only_a_small_margin():
    padded = np.concatenate([np.zeros(8000, dtype=np.int16), _speech(1.0), np.zeros(16000, dtype=np.int16)])
    trimmed = trim(padded, 16000)
    assert 16000 <= trimmed.size <= 16000 + 2 * 0.03 * 16000
    assert problem(trimmed, 16000, "one two three", 175.0) is None


@pytest.mark.slow
def test_long_input_narrates_in_flat_memory(tmp_path):
    """20x the words, at most 1.5x the peak memory: the narration streams (fake engine, so this measures reader)."""
    import os
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from memory import make_article

    peaks = []
    for words in (1000, 20000):
        article = tmp_path / f"{words}.txt"
        article.write_text(make_article(words))
        child = subprocess.Popen([sys.executable, "-m", "reader", "convert", str(article), "-o", str(tmp_path / f"{words}.mp3"),
                                  "--voice", "fake:low", "--no-cache", "-q"])  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        peaks.append(usage.ru_maxrss)
    assert peaks[1] <= 1.5 * peaks[0], peaks
    assert decode(tmp_path / "20000.mp3").duration_s > 20000 / 250 * 60 * 0.8  # all of it was narrated


@pytest.mark.parametrize("rate", [16000, 22050, 48000])
def test_k_weighting_is_bs1770_as_pyloudnorm_filters_it(rate):
    """reader's numpy K-weighting equals pyloudnorm's (scipy) filters: loudness reads the same."""
    import pyloudnorm

    from reader.loudness import LoudnessShaper

    audio = np.random.default_rng(rate).normal(0, 0.1, 3 * rate) * (1 + np.sin(np.arange(3 * rate) / 900))
    expected = audio
    for stage in pyloudnorm.Meter(rate)._filters.values():
        expected = stage.apply_filter(expected)
    assert np.allclose(LoudnessShaper(rate)._k_power(audio), expected**2, rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize("size", [1, 2, 3, 40, 41])
def test_limiter_windows_equal_scipys_to_the_last_bit(size):
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    from reader.loudness import _running_mean, _running_min

    for length in (1, 5, 39, 1000):
        values = np.random.default_rng(length).random(length)
        assert np.array_equal(_running_min(values, size), minimum_filter1d(values, size))
        assert np.array_equal(_running_mean(values, size), uniform_filter1d(values, size))


def test_shaping_never_imports_scipy():
    """scipy.signal (via pyloudnorm) costs ~0.6 s of CPU, on the cores the engine is using."""
    import sys

    # Clicks over a quiet tone: gained to the target, they pass the ceiling, so the limiter runs too.
    code = ("import sys, numpy as np; from reader.loudness import LoudnessShaper; "
            "audio = np.sin(np.arange(44100) / 5) * 3000; audio[::2205] = 32000; "
            "LoudnessShaper(22050).shape(audio.astype(np.int16)); "
            "print(sorted(m for m in sys.modules if m.startswith(('scipy', 'pyloudnorm'))))")  # fmt: skip
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"
