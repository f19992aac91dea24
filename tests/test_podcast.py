"""Tags, chapters, transcripts, audiobooks, rate and pitch, checked on the files a listener gets."""

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.voices import resolve_voice
from reader.combine import DEFAULT_PAUSE_S, combine
from reader.pipeline import RunOptions, narrate

from .conftest import SAMPLE_HTML, SAMPLE_TXT, decode

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures" / "text"


@pytest.mark.parametrize("fmt", ["mp3", "ogg", "flac", "m4b"])
def test_tags_in_every_format(tmp_path, fake_voice, fmt):
    import mutagen

    out = tmp_path / f"harbor.{fmt}"
    narrate(str(SAMPLE_HTML), out, options=RunOptions(voice=fake_voice))
    audio = mutagen.File(str(out), easy=True)
    assert audio["title"] == ["Floating library opens in the old harbor"]
    assert audio["artist"] == ["Maria Lindqvist"]
    assert audio["album"] == ["Coastline Courier"]
    assert audio["date"][0].startswith("2024-05-14")
    raw = mutagen.File(str(out))
    text = str(raw.tags)
    assert "A former cargo barge" in text  # the description
    assert decode(out).duration_s > 30  # still a playable file


def test_album_option_and_source_url(tmp_path, fake_voice, http_server):
    from mutagen.id3 import ID3

    http_server.routes["/harbor"] = (200, "text/html", SAMPLE_HTML.read_bytes())
    out = tmp_path / "h.mp3"
    result = runner.invoke(app, ["convert", http_server.base + "/harbor", "-o", str(out), "--voice", fake_voice,
                                 "--album", "Morning reading", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    tags = ID3(str(out))
    assert str(tags["TALB"]) == "Morning reading"
    assert tags["WOAS"].url == http_server.base + "/harbor"


def _heading_article(tmp_path) -> Path:
    path = tmp_path / "guide.md"
    path.write_text(
        "# A guide to the harbor\n\nThe harbor has three quays and a small museum that opens every weekend.\n\n"
        "## The quays\n\nThe north quay serves the ferries, and the south quay is for fishing boats.\n\n"
        "## The museum\n\nThe museum shows the history of the port, from wooden ships to container cranes.\n"
    )
    return path


def test_chapters_in_mp3(tmp_path, fake_voice):
    from mutagen.id3 import ID3

    out = tmp_path / "guide.mp3"
    result = narrate(str(_heading_article(tmp_path)), out, options=RunOptions(voice=fake_voice))
    tags = ID3(str(out))
    chapters = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    titles = [str(c.sub_frames["TIT2"]) for c in chapters]
    assert titles == ["A guide to the harbor", "The quays", "The museum"]
    assert chapters[0].start_time == 0 and chapters[-1].end_time == pytest.approx(result.duration_s * 1000, abs=2)
    heading = next(s for s in result.segments if s.text.startswith("The quays"))
    assert chapters[1].start_time == pytest.approx(heading.start_s * 1000, abs=2)
    assert tags.getall("CTOC")[0].child_element_ids == [c.element_id for c in chapters]


def test_chapters_in_m4b(tmp_path, fake_voice):
    import subprocess

    from reader.assemble import find_ffmpeg

    out = tmp_path / "guide.m4b"
    narrate(str(_heading_article(tmp_path)), out, options=RunOptions(voice=fake_voice))
    info = subprocess.run([find_ffmpeg(), "-hide_banner", "-i", str(out)], capture_output=True, text=True).stderr
    assert re.findall(r"title\s+: (The quays|The museum|A guide to the harbor)", info) == [
        "A guide to the harbor", "A guide to the harbor", "The quays", "The museum"]  # file title, then chapters


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_transcript_cues_match_the_audio(tmp_path, fake_voice, fmt):
    out = tmp_path / "sample.wav"
    result = runner.invoke(app, ["convert", str(SAMPLE_TXT), "-o", str(out), "--voice", fake_voice, "--subtitles", fmt, "-q"])
    assert result.exit_code == 0, result.output
    text = out.with_suffix(f".{fmt}").read_text()
    sep = "," if fmt == "srt" else "."
    cues = re.findall(rf"(\d\d):(\d\d):(\d\d){sep}(\d\d\d) --> (\d\d):(\d\d):(\d\d){sep}(\d\d\d)\n(.+)", text)
    assert len(cues) > 10 and cues[0][8].startswith("Zelensky says Ukraine")
    audio = decode(out)
    frame = int(audio.rate * 0.01)
    for cue in cues:
        h1, m1, s1, ms1, h2, m2, s2, ms2 = (int(x) for x in cue[:8])
        start, end = h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000
        # Sound begins within 50 ms of the cue's start and ends within 50 ms of its end.
        assert audio.rms(start, start + 0.05) > 0.01 and audio.rms(end - 0.05, end) > 0.001
        if start > 0.2:
            assert audio.rms(start - 0.1, start - 0.05) < 0.001
        assert frame  # (decoded at the narration's own rate)
    assert text.startswith("WEBVTT") == (fmt == "vtt")


def test_batch_combine_makes_one_audiobook_with_a_chapter_per_article(tmp_path, fake_voice):
    import subprocess

    from reader.assemble import find_ffmpeg

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("blog-post.txt", "recipe.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    book = tmp_path / "book.m4b"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "--voice", fake_voice,
                                 "--combine", str(book), "--feed-title", "Weekend reading", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    parts = [decode(tmp_path / "out" / f"{n}.mp3").duration_s for n in ("blog-post", "recipe")]
    pause_s = resolve_voice(fake_voice).pauses.title / 1000  # the voice's own title pause
    assert decode(book).duration_s == pytest.approx(sum(parts) + pause_s, abs=0.3)  # + one pause between
    info = subprocess.run([find_ffmpeg(), "-hide_banner", "-i", str(book)], capture_output=True, text=True).stderr
    starts = [float(x) for x in re.findall(r"Chapter #0:\d+: start ([\d.]+)", info)]
    assert starts[0] == 0 and starts[1] == pytest.approx(parts[0] + pause_s, abs=0.1)
    assert "Why I switched my workshop to hand tools" in info and "The easiest weeknight lentil soup" in info


def _silent_run_s(audio, at_s: float) -> float:
    """The length of the silence (10 ms frames under -60 dBFS) that contains ``at_s``."""
    frame = int(audio.rate * 0.01)
    silent = [audio.rms(i / audio.rate, (i + frame) / audio.rate) < 0.001 for i in range(0, audio.samples.size, frame)]
    here = int(at_s / 0.01)
    assert silent[here], f"no silence at {at_s:.2f} s"
    start, end = here, here
    while start > 0 and silent[start - 1]:
        start -= 1
    while end + 1 < len(silent) and silent[end + 1]:
        end += 1
    return (end - start + 1) * 0.01


def test_combine_leaves_a_title_pause_between_articles(tmp_path, fake_voice):
    assert DEFAULT_PAUSE_S >= 1.1  # the shipped presets' title pause
    parts = []
    for name in ("blog-post", "recipe"):
        out = tmp_path / f"{name}.mp3"
        narration = narrate(str(FIXTURES / f"{name}.txt"), out, options=RunOptions(voice=fake_voice))
        parts.append((out, narration.title, narration.duration_s))
    book = combine(parts, tmp_path / "book.m4b", title="Weekend", pause_s=1.0)  # the fake preset's title pause
    audio = decode(book.path)
    assert book.path == tmp_path / "book.m4b" and book.chapters == 2
    # The silence between the last word of one article and the title of the next.
    assert _silent_run_s(audio, parts[0][2] + 0.5) >= 1.0
    assert book.duration_s == pytest.approx(audio.duration_s, abs=0.2)
    assert audio.rms(book.duration_s - parts[1][2], book.duration_s - parts[1][2] + 0.3) > 0.01  # next title spoken


def _median_f0(audio) -> float:
    """Median fundamental frequency of voiced 40 ms frames, by autocorrelation."""
    frame = int(audio.rate * 0.04)
    f0s = []
    for start in range(0, audio.samples.size - frame, frame):
        x = audio.samples[start : start + frame]
        if np.sqrt(np.mean(x**2)) < 0.05:
            continue
        x = x - x.mean()
        corr = np.correlate(x, x, mode="full")[frame - 1 :]
        low, high = int(audio.rate / 400), int(audio.rate / 60)
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.3 * corr[0]:
            f0s.append(audio.rate / lag)
    return float(np.median(f0s))


def _speech_s(narration) -> float:
    """Seconds of speech, the preset's pauses left out."""
    return sum(s.end_s - s.start_s for s in narration.segments)


TEXT = "Ferries will run every hour from Monday, the harbor office said on Friday afternoon."


@pytest.mark.slow
def test_piper_rate_changes_speed_not_pitch(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(TEXT)
    slow = narrate(str(source), tmp_path / "slow.wav", options=RunOptions(voice="joe", rate=0.5, cache=False))
    fast = narrate(str(source), tmp_path / "fast.wav", options=RunOptions(voice="joe", rate=2.0, cache=False))
    assert _speech_s(slow) / _speech_s(fast) == pytest.approx(4.0, rel=0.3)
    assert _median_f0(decode(tmp_path / "slow.wav")) == pytest.approx(_median_f0(decode(tmp_path / "fast.wav")), rel=0.2)


@pytest.mark.slow
def test_espeak_rate_and_pitch(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(TEXT)
    low = narrate(str(source), tmp_path / "low.wav", options=RunOptions(voice="espeak", pitch=10, cache=False))
    narrate(str(source), tmp_path / "high.wav", options=RunOptions(voice="espeak", pitch=90, cache=False))
    assert _median_f0(decode(tmp_path / "high.wav")) > 1.3 * _median_f0(decode(tmp_path / "low.wav"))
    fast = narrate(str(source), tmp_path / "fast.wav", options=RunOptions(voice="espeak", rate=2.0, cache=False))
    assert _speech_s(low) / _speech_s(fast) > 1.6


def test_pitch_on_piper_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["convert", str(SAMPLE_TXT), "-o", str(tmp_path / "x.mp3"), "--pitch", "60"])
    assert result.exit_code == 2 and "no pitch" in result.stderr


def test_batch_combine_with_relative_folders_on_a_first_run_and_a_rerun(tmp_path, fake_voice, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    for name in ("blog-post.txt", "recipe.txt"):
        shutil.copy(FIXTURES / name, Path("in") / name)
    books = []
    for run in ("first", "again"):  # the rerun skips both articles and still joins their audio
        result = runner.invoke(app, ["batch", "in", "-o", "out", "--voice", fake_voice, "--combine", f"{run}.m4b", "-q"])
        assert result.exit_code == 0, result.stderr
        books.append(decode(tmp_path / f"{run}.m4b").duration_s)
    parts = sum(decode(tmp_path / "out" / f"{n}.mp3").duration_s for n in ("blog-post", "recipe"))
    assert books[0] == pytest.approx(books[1], abs=0.05) and books[0] > parts
