"""End to end: the sample narrated by real engines, decoded and checked."""

import re
import types

import numpy as np
import pytest

import reader
from reader.engines import load_engine
from reader.pipeline import RunOptions, narrate
from reader.voices import resolve_voice

from .conftest import SAMPLE_EXPECTED, SAMPLE_TXT, decode

EXPECTED_WORDS = len(re.findall(r"\w+", SAMPLE_EXPECTED.read_text(encoding="utf-8")))


def test_public_api_is_exported():
    """reader.__all__ lists exactly the public names (modules aside), like httpx checks."""
    public = {n for n in dir(reader) if not n.startswith("_") and not isinstance(getattr(reader, n), types.ModuleType)}
    assert public == set(reader.__all__)


def test_script_holds_every_expected_sentence_and_no_boilerplate():
    text = reader.script(str(SAMPLE_TXT), normalize=False).to_text()
    flat = re.sub(r"\s+", "", text)  # whitespace aside: the split may add a line break
    for paragraph in SAMPLE_EXPECTED.read_text(encoding="utf-8").split("\n\n"):
        assert re.sub(r"\s+", "", paragraph) in flat
    for boilerplate in ["Subscribe", "News Feed", "Support independent", "Telegram", "AI assistance"]:
        assert boilerplate not in text


def test_sample_script_reads_like_a_newsreader():
    text = reader.script(str(SAMPLE_TXT)).to_text()
    assert "on March sixth said" in text and "in twenty fourteen and" in text
    assert "U S Defense Secretary Lloyd Austin" in text and "Keev" not in text
    assert "March 6" not in text and "2014" not in text and "U.S." not in text


def _check_narration(result, path, engine_rate):
    audio = decode(path, rate=engine_rate)
    assert audio.duration_s == pytest.approx(result.duration_s, abs=0.1)
    wpm = EXPECTED_WORDS / (audio.duration_s / 60)
    assert 130 <= wpm <= 200, f"{wpm:.0f} words per minute"
    assert result.segments[0].text.startswith("Zelensky says Ukraine will not withdraw")
    for segment in result.segments:  # no chunk is silent
        assert audio.rms(segment.start_s, segment.end_s) > 0.01, segment.text
    for before, after in zip(result.segments, result.segments[1:]):  # pauses are silent
        if after.start_s - before.end_s > 0.2:
            assert audio.rms(before.end_s + 0.03, after.start_s - 0.03) < 0.003
    return audio


@pytest.fixture(scope="module")
def piper():
    engine = load_engine(resolve_voice("joe"))
    yield engine
    engine.close()


@pytest.mark.slow
def test_piper_narrates_the_sample_to_mp3(tmp_path, piper):
    out = tmp_path / "sample.mp3"
    result = narrate(str(SAMPLE_TXT), out, engine=piper)
    audio = _check_narration(result, out, piper.sample_rate)
    # The headline comes first, alone, then the title pause.
    title = piper.synthesize(result.segments[0].text)
    first = result.segments[0]
    assert first.start_s == 0 and (first.end_s - first.start_s) == pytest.approx(len(title) / 22050, rel=0.25)
    assert audio.rms(first.end_s + 0.05, first.end_s + 1.0) < 0.003


@pytest.mark.slow
def test_pyttsx3_narrates_the_sample(tmp_path):
    out = tmp_path / "sample.ogg"
    result = narrate(str(SAMPLE_TXT), out, options=RunOptions(voice="espeak"))
    _check_narration(result, out, 22050)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["wav", "ogg", "m4b", "flac"])
def test_piper_every_format(tmp_path, piper, fmt):
    out = tmp_path / f"sample.{fmt}"
    result = narrate(str(SAMPLE_TXT), out, engine=piper)
    audio = decode(out)
    assert audio.duration_s == pytest.approx(result.duration_s, abs=0.1)
    assert audio.rate == (48000 if fmt == "ogg" else 22050)


@pytest.mark.slow
def test_pyttsx3_long_article_is_chunked(tmp_path):
    """pyttsx3's espeak driver crashes on texts over ~13,000 characters; chunks keep it safe."""
    body = "\n\n".join(
        f"Paragraph {i} reports that the council met again and discussed the harbor, the ferry and the budget."
        for i in range(200)
    )
    source = tmp_path / "long.txt"
    source.write_text("A long report\n\n" + body)
    assert len(body) > 15000
    out = tmp_path / "long.wav"
    result = narrate(str(source), out, options=RunOptions(voice="espeak", rate=2.0))
    assert len(result.segments) >= 200
    audio = decode(out)
    assert np.all([audio.rms(s.start_s, s.end_s) > 0.01 for s in result.segments])


def test_the_library_refuses_to_write_over_an_input_given_as_a_file_url(tmp_path, fake_voice):
    from reader.errors import UsageError

    story = tmp_path / "story.srt"
    story.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    before = story.read_bytes()
    with pytest.raises(UsageError, match="is the input"):
        narrate(story.as_uri(), tmp_path / "story.mp3", options=RunOptions(voice=fake_voice, subtitles="srt"))
    with pytest.raises(UsageError, match="is the input"):
        narrate(story.as_uri(), story, options=RunOptions(voice=fake_voice, format="mp3"))
    assert story.read_bytes() == before
