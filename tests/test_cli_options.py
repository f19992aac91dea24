"""Shared options: checked before any work, one line and exit 2 for a usage error; plain-text messages."""

import subprocess
import sys

import pytest
from mutagen import File as MutagenFile
from typer.testing import CliRunner

from reader.cli import app

from .conftest import SAMPLE_HTML, decode

runner = CliRunner()


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    return folder


@pytest.mark.parametrize(
    "args, words",
    [
        (["--rate", "9"], "--rate"),
        (["--rate", "0.1"], "--rate"),
        (["--pitch", "500"], "--pitch"),
        (["--loudness", "3"], "--loudness"),
        (["--subtitles", "ass"], "--subtitles"),
        (["--language", "german"], "--language"),
        (["--format", "aiff"], "format"),
    ],
)
def test_a_bad_value_is_refused_before_any_work_in_every_narrating_command(tmp_path, fake_voice, args, words):
    for command in (["convert", str(SAMPLE_HTML), "-o", str(tmp_path / "x.mp3")], ["play", str(SAMPLE_HTML)]):
        result = runner.invoke(app, [*command, "--voice", fake_voice, *args])
        assert result.exit_code == 2, (command, result.output)
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.mp3").exists()


def test_combine_name_is_checked_before_the_batch_runs(tmp_path, fake_voice):
    result = runner.invoke(app, ["batch", str(_folder(tmp_path)), "-o", str(tmp_path / "out"), "--voice", fake_voice,
                                 "--combine", str(tmp_path / "book.mp3")])  # fmt: skip
    assert result.exit_code == 2 and ".m4b" in result.stderr
    assert not (tmp_path / "out").exists(), "nothing may be narrated before the usage error"


def test_combine_reports_the_book_it_wrote(tmp_path, fake_voice):
    book = tmp_path / "book.m4b"
    result = runner.invoke(app, ["batch", str(_folder(tmp_path)), "-o", str(tmp_path / "out"), "--voice", fake_voice,
                                 "--combine", str(book)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Wrote {book}" in result.stderr and book.is_file()


def test_user_text_is_never_read_as_markup(tmp_path, fake_voice):
    page = tmp_path / "odd [red]name[bold].txt"
    page.write_text("[bold]Title[/b] with [red]markup[/]\n\nThe harbor office said the ferry will run every hour.\n")
    out = tmp_path / "out [red].mp3"
    result = runner.invoke(app, ["convert", str(page), "-o", str(out), "--voice", fake_voice])
    assert result.exit_code == 0, result.output
    assert str(out) in result.stderr  # the name as it is, brackets and all
    missing = runner.invoke(app, ["convert", str(tmp_path / "x[" / "b]missing[red].txt"), "--voice", fake_voice])
    assert missing.exit_code == 1 and "x[/b]missing[red].txt" in missing.stderr


def test_play_save_writes_the_file_convert_writes(tmp_path, fake_voice):
    capture = tmp_path / "heard.raw"
    saved, converted = tmp_path / "saved.mp3", tmp_path / "converted.mp3"
    player = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'wb').write(sys.stdin.buffer.read())\" {capture}"
    played = runner.invoke(app, ["play", str(SAMPLE_HTML), "--voice", fake_voice, "--player", player,
                                 "--save", str(saved), "--subtitles", "srt"])  # fmt: skip
    assert played.exit_code == 0, played.output
    runner.invoke(app, ["convert", str(SAMPLE_HTML), "-o", str(converted), "--voice", fake_voice, "--subtitles", "srt"])
    assert decode(saved).duration_s == pytest.approx(decode(converted).duration_s, abs=0.05)
    saved_tags, converted_tags = MutagenFile(saved), MutagenFile(converted)
    for frame in ("TIT2", "TPE1", "TALB", "TDRC"):
        assert str(saved_tags.get(frame)) == str(converted_tags.get(frame)), frame
    assert saved.with_suffix(".srt").read_text() == converted.with_suffix(".srt").read_text()


def test_usage_errors_from_the_console_script_are_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "reader", "convert", "--no-such-option"], capture_output=True, text=True)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path, fake_voice, monkeypatch):
    page = tmp_path / "a.html"
    page.write_bytes(SAMPLE_HTML.read_bytes())
    before = page.read_bytes()
    result = runner.invoke(app, ["convert", str(page), "-o", str(page), "--format", "mp3", "--voice", fake_voice])
    assert result.exit_code == 2 and "is the input" in result.stderr
    notes = tmp_path / "notes.mp3"  # text saved under an audio name: the default output is the input itself
    notes.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["convert", "notes.mp3", "--voice", fake_voice])
    assert result.exit_code == 2 and "is the input" in result.stderr
    assert page.read_bytes() == before and notes.read_text().startswith("Title")


@pytest.mark.parametrize("command", ["convert", "play"])
@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_a_transcript_that_would_replace_the_input_is_refused_before_any_audio(tmp_path, fake_voice, monkeypatch, command, fmt):
    story = tmp_path / f"story.{fmt}"  # an article saved under a subtitle name: its transcript is the input itself
    story.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    before = story.read_bytes()
    monkeypatch.chdir(tmp_path)
    player = f"{sys.executable} -c 'import sys; sys.stdin.buffer.read()'"
    args = ["convert", story.name] if command == "convert" else ["play", story.name, "--save", "story.mp3", "--player", player]
    result = runner.invoke(app, [*args, "--subtitles", fmt, "--voice", fake_voice])
    assert result.exit_code == 2 and "is the input" in result.stderr
    assert story.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [story.name]  # no audio, no leftovers


def test_long_file_names_give_a_narration_or_one_line(tmp_path, fake_voice, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / f"{'y' * 252}.md"  # a valid name; with .mp3 instead of .md it would be 253 + 1 bytes too long
    story.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    result = runner.invoke(app, ["convert", story.name, "--voice", fake_voice, "--subtitles", "srt"])
    assert result.exit_code == 0, result.stderr
    audio = [p for p in tmp_path.iterdir() if p.suffix == ".mp3"]
    assert len(audio) == 1 and len(audio[0].name) == 255 and decode(audio[0]).duration_s > 1
    assert audio[0].with_suffix(".srt").exists()
    near_limit = f"{'z' * 250}.mp3"  # valid, but a temporary file named after it in full would not be
    assert runner.invoke(app, ["convert", story.name, "-o", near_limit, "--voice", fake_voice]).exit_code == 0
    result = runner.invoke(app, ["convert", story.name, "-o", f"{'z' * 300}.mp3", "--voice", fake_voice])
    assert result.exit_code == 1 and "File name too long" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "unexpectedly" not in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_file_url_input_is_protected_like_its_path(tmp_path, fake_voice, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.srt"
    story.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    before = story.read_bytes()
    for args in (["--subtitles", "srt"], ["-o", "story.srt", "--format", "mp3"]):
        result = runner.invoke(app, ["convert", story.as_uri(), *args, "--voice", fake_voice])
        assert result.exit_code == 2 and "is the input" in result.stderr
    assert story.read_bytes() == before
    assert runner.invoke(app, ["convert", story.as_uri().replace("file://", "file://LOCALHOST"), "--voice", fake_voice]).exit_code == 0
    assert decode(tmp_path / "story.mp3").duration_s > 1 and story.read_bytes() == before
