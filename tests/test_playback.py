"""reader play: the bytes a player receives are the narration."""

import os
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.pipeline import RunOptions, narrate
from reader.player import CommandPlayer, PlayerError, find_player
from reader.playback import PLAYBACK_RATE, play_article, play_file

from .conftest import SAMPLE_HTML, decode

CAPTURE = Path(__file__).parent / "data" / "capture_player.py"
runner = CliRunner()


def _capture_command(path: Path) -> str:
    return f"{sys.executable} {CAPTURE} {path}"


def test_narration_streamed_to_the_player_is_the_narration(tmp_path, fake_voice):
    captured = tmp_path / "heard.raw"
    result = runner.invoke(app, ["play", str(SAMPLE_HTML), "--voice", fake_voice, "--player", _capture_command(captured),
                                 "--save", str(tmp_path / "kept.wav"), "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    heard = np.frombuffer(captured.read_bytes(), dtype="<i2")
    narrate(str(SAMPLE_HTML), tmp_path / "reference.wav", options=RunOptions(voice=fake_voice))
    reference = np.round(decode(tmp_path / "reference.wav").samples * 32768).astype(np.int16)
    assert np.array_equal(heard, reference)
    kept = np.round(decode(tmp_path / "kept.wav").samples * 32768).astype(np.int16)
    assert np.array_equal(kept, reference)


def test_audio_file_is_played_whole(tmp_path, fake_voice):
    narration = narrate(str(SAMPLE_HTML), tmp_path / "n.mp3", options=RunOptions(voice=fake_voice))
    captured = tmp_path / "heard.raw"
    playback = play_file(tmp_path / "n.mp3", CommandPlayer([sys.executable, str(CAPTURE), str(captured)], "capture"))
    heard = np.frombuffer(captured.read_bytes(), dtype="<i2")
    assert heard.size / PLAYBACK_RATE == pytest.approx(narration.duration_s, abs=0.1)
    assert playback.duration_s == pytest.approx(narration.duration_s, abs=0.1)
    assert np.abs(heard).max() > 1000


def test_first_audio_comes_before_synthesis_ends(tmp_path, fake_voice, monkeypatch):
    from reader.loudness import LoudnessShaper

    LoudnessShaper(16000)  # build the filters now: a one-off start-up cost is not what this measures
    monkeypatch.setenv("READER_FAKE_DELAY_S", "0.05")
    player = CommandPlayer([sys.executable, str(CAPTURE), str(tmp_path / "x.raw")], "capture")
    playback = play_article(str(SAMPLE_HTML), player, options=RunOptions(voice=fake_voice, cache=False))
    assert playback.first_audio_s < 0.5  # 13 chunks at 0.05 s each: playback began long before the end


def test_no_player_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    if sys.platform in ("darwin", "win32"):
        pytest.skip("macOS and Windows always have a player")
    with pytest.raises(PlayerError, match="No audio player found"):
        find_player()
    result = runner.invoke(app, ["play", str(SAMPLE_HTML), "--voice", "fake:low"])
    assert result.exit_code == 1 and "No audio player found" in result.stderr


def test_failing_player_is_a_clear_error_and_keeps_nothing(tmp_path, fake_voice):
    save = tmp_path / "kept.mp3"
    result = runner.invoke(app, ["play", str(SAMPLE_HTML), "--voice", fake_voice, "--save", str(save),
                                 "--player", f"{sys.executable} -c 'import sys; sys.exit(\"audio open error: no sound card\")'"])  # fmt: skip
    assert result.exit_code == 1
    assert "audio open error: no sound card" in result.stderr
    assert not [name for name in os.listdir(tmp_path) if name.endswith((".mp3", ".part"))]


class _InterruptingPlayer:
    """A player on which the user presses Ctrl-C after a few writes."""

    def __init__(self):
        self.writes, self.stopped = 0, False

    def start(self, rate):
        pass

    def write(self, pcm):
        self.writes += 1
        if self.writes == 3:
            raise KeyboardInterrupt

    def finish(self):
        raise AssertionError("never reached")

    def stop(self):
        self.stopped = True


def test_ctrl_c_stops_cleanly_and_keeps_no_partial_file(tmp_path, fake_voice):
    player = _InterruptingPlayer()
    with pytest.raises(KeyboardInterrupt):
        play_article(str(SAMPLE_HTML), player, options=RunOptions(voice=fake_voice), save=tmp_path / "kept.mp3")
    assert player.stopped
    assert set(os.listdir(tmp_path)) == {"voices"}  # the fake voice's preset folder, no audio
