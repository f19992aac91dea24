"""The speakable-text stage: written and spoken forms both kept, the language picks the rules."""

import subprocess

import pytest
from mutagen.id3 import ID3
from typer.testing import CliRunner

from reader.assemble import find_ffmpeg
from reader.cli import app
from reader.pipeline import RunOptions, narrate
from reader.speakable import normalizer_for, speakable_chunks
from reader.split import split_article
from reader.types import Article, Block, BlockKind, Pauses

runner = CliRunner()

ENGLISH = (
    "Officials said the U.S. agreed to pay $1.5 billion for the bridge on March 7, 2023. "
    "Work starts at 9:30 a.m. on Monday and should take 18 months."
)
GERMAN = (
    "Am 3. März 2024 hat die Stadt 12 neue Busse gekauft, sagte der Bürgermeister. "
    "Die Preise sind um 4,5 % gestiegen, und die Fahrt kostet jetzt 3 Euro."
)


def _article(text: str, language: str | None = None, heading: str | None = None) -> Article:
    blocks = [Block(BlockKind.PARAGRAPH, text)]
    if heading:
        blocks.insert(0, Block(BlockKind.HEADING, heading))
    return Article(title="A $2 billion bridge", blocks=tuple(blocks), language=language)


def test_each_chunk_keeps_its_written_form_and_speaks_the_spoken_one():
    chunks = speakable_chunks(split_article(_article(ENGLISH)), Pauses(), normalizer_for("en"))
    written = " ".join(c.written for c in chunks)
    spoken = " ".join(c.text for c in chunks)
    assert "U.S." in written and "$1.5 billion" in written and "March 7, 2023" in written
    assert "$" not in spoken and "billion dollars" in spoken and "U S" in spoken
    assert "1.5" not in spoken and "2023" not in spoken


def test_every_written_sentence_reaches_some_chunk_in_order():
    text = " ".join(f"Sentence number {n} says {n * 3} things." for n in range(1, 60))
    chunks = speakable_chunks(split_article(_article(text)), Pauses(), normalizer_for("en"))
    assert " ".join(c.written for c in chunks[1:]) == text


def test_a_sentence_too_long_for_one_chunk_keeps_both_forms_piece_by_piece():
    long = ", ".join(f"the {n}th item costs ${n}.50" for n in range(1, 30)) + "."
    chunks = speakable_chunks(split_article(_article(long)), Pauses(), normalizer_for("en"))[1:]
    assert len(chunks) > 1
    assert " ".join(c.written for c in chunks) == long
    assert all("$" not in c.text for c in chunks)


def test_chapter_titles_are_written_form():
    article = _article(ENGLISH, heading="Part 2: the $5 fare")
    chunks = speakable_chunks(split_article(article), Pauses(), normalizer_for("en"))
    assert [c.chapter for c in chunks if c.chapter] == ["A $2 billion bridge", "Part 2: the $5 fare"]


def test_german_article_is_read_in_german_and_never_by_english_rules():
    chunks = speakable_chunks(split_article(_article(GERMAN, "de")), Pauses(), normalizer_for("de"))
    spoken = " ".join(c.text for c in chunks[1:])
    assert "dritten März" in spoken and "zweitausendvierundzwanzig" in spoken
    assert "zwölf" in spoken and "Prozent" in spoken
    for english in ("twenty", "percent", "three", "o'clock", "March"):
        assert english not in spoken
    assert not any(c.written.startswith("März") for c in chunks), "'3.' before a month is no sentence end"


def test_unsupported_language_leaves_digits_for_the_engine():
    chunks = speakable_chunks(split_article(_article("Το 2024 ήρθαν 12 άνθρωποι.", "el")), Pauses(), normalizer_for("el"))
    assert chunks[-1].text == "Το 2024 ήρθαν 12 άνθρωποι."


def test_subtitles_and_tags_show_what_the_article_says(tmp_path, fake_voice):
    page = tmp_path / "bridge.md"
    page.write_text(f"# The U.S. bridge deal\n\n{ENGLISH}\n\n## Costs\n\nThe city adds $300,000 a year.\n")
    out = tmp_path / "bridge.mp3"
    narrate(str(page), out, options=RunOptions(voice=fake_voice, subtitles="srt"))
    srt = out.with_suffix(".srt").read_text()
    assert "$1.5 billion" in srt and "U.S." in srt and "$300,000" in srt
    assert "billion dollars" not in srt and "U S " not in srt
    assert str(ID3(out)["TIT2"]) == "The U.S. bridge deal"
    probe = subprocess.run([find_ffmpeg(), "-hide_banner", "-i", str(out)], capture_output=True, text=True).stderr
    assert "title           : Costs" in probe


def test_language_option_overrides_detection(tmp_path):
    page = tmp_path / "kurz.txt"
    page.write_text("Der Zug kam um 14:30 Uhr mit 25 Minuten Verspätung an.\n")
    english = runner.invoke(app, ["script", str(page), "--no-clean", "--language", "en"])
    german = runner.invoke(app, ["script", str(page), "--no-clean", "--language", "de"])
    assert german.exit_code == 0, german.output
    assert "fünfundzwanzig" in german.output and "twenty" not in german.output
    assert "twenty five" in english.output


def test_explain_shows_the_written_sentence_then_the_spoken_one(tmp_path):
    page = tmp_path / "n.txt"
    page.write_text("The U.S. paid $1.5 billion.\n")
    result = runner.invoke(app, ["script", str(page), "--no-clean", "--explain"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "The U.S. paid $1.5 billion."
    assert any("$1.5 billion ->" in line for line in lines)
    assert lines[-1].startswith("  = ") and "billion dollars" in lines[-1]


@pytest.mark.parametrize("bad", ["german", "d", "12", "de_DE_x_y"])
def test_a_bad_language_code_is_a_usage_error(tmp_path, bad):
    page = tmp_path / "n.txt"
    page.write_text("Hello there, this is text.\n")
    result = runner.invoke(app, ["script", str(page), "--language", bad])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_german_article_picks_a_german_voice_by_itself_and_voice_wins(tmp_path, fake_voice):
    import json
    import os

    folder = os.environ["READER_VOICES_PATH"]
    (tmp_path / "voices").joinpath("tones-de.toml").write_text(
        'engine = "fake"\nvoice = "fake:high"\nlanguage = "de"\n'
    )
    assert str(tmp_path / "voices") == folder
    page = tmp_path / "bus.txt"
    page.write_text("Neue Busse für die Stadt\n\n" + GERMAN + " " + GERMAN.replace("12", "14") + "\n")
    result = runner.invoke(app, ["convert", str(page), "-o", str(tmp_path / "a.mp3"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["language"] == "de" and data["voice"] == "tones-de"
    asked = runner.invoke(app, ["convert", str(page), "-o", str(tmp_path / "b.mp3"), "--json", "--voice", fake_voice])
    assert json.loads(asked.stdout)["voice"] == fake_voice
