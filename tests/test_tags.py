"""Dates, chapters and cover art as players read them back from the files."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.assemble import find_ffmpeg
from reader.pipeline import RunOptions, narrate
from reader.tags import Chapter, Tags, article_tags, write_tags

from .conftest import FAKE_PRESET, SAMPLE_TXT


def read_chapters(path: Path) -> list[tuple[float, str]]:
    """(start, title) of each chapter in the order ffprobe (or, without it, ffmpeg) lists them."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe:
        out = subprocess.run([ffprobe, "-v", "error", "-show_chapters", str(path)], capture_output=True, text=True, check=False).stdout
        starts = re.findall(r"^start_time=([\d.]+)", out, re.MULTILINE)
        titles = re.findall(r"^TAG:title=(.*)$", out, re.MULTILINE)
        return [(float(s), t) for s, t in zip(starts, titles, strict=True)]
    info = subprocess.run([find_ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True, check=False).stderr
    found = re.findall(r"Chapter #\d+:\d+: start ([\d.]+), end [\d.]+\n\s+Metadata:\n\s+title\s+: (.*)", info)
    return [(float(start), title) for start, title in found]


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    """The sample narrated into every tagged format, once for the module (own voices and cache)."""
    folder = tmp_path_factory.mktemp("sample")
    (folder / "voices").mkdir()
    (folder / "voices" / "tones.toml").write_text(FAKE_PRESET)
    files = {fmt: folder / f"sample.{fmt}" for fmt in ("mp3", "ogg", "flac", "m4b")}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READER_VOICES_PATH", str(folder / "voices"))
        patch.setenv("READER_CACHE_DIR", str(folder / "cache"))
        for out in files.values():
            narrate(str(SAMPLE_TXT), out, options=RunOptions(voice="tones"))
    return files


def test_sample_mp3_date_is_iso(sample_files):
    from mutagen.id3 import ID3

    tdrc = ID3(str(sample_files["mp3"]))["TDRC"]
    assert str(tdrc.text[0]).startswith("2023-03-07") and len(tdrc.text) == 1
    # On disk the ISO "T" separates date and time (ID3v2.4), as "March 7, 2023 6:41 AM" was written.
    assert b"2023-03-07T06:41:00" in sample_files["mp3"].read_bytes()[:4096]


@pytest.mark.parametrize(("fmt", "key"), [("ogg", "date"), ("flac", "date"), ("m4b", "©day")])
def test_sample_date_in_vorbis_and_mp4(sample_files, fmt, key):
    import mutagen

    assert mutagen.File(str(sample_files[fmt])).tags[key] == ["2023-03-07T06:41:00"]


def test_unreadable_date_leaves_no_empty_frame(tmp_path):
    from mutagen.id3 import ID3

    path = _tone(tmp_path / "t.mp3")
    write_tags(path, "mp3", Tags(title="T", date="2 hours ago"), [])
    assert "TDRC" not in ID3(str(path))


def _tone(path: Path, seconds: float = 12) -> Path:
    subprocess.run([find_ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=d={seconds}", "-ac", "1", str(path)],
                   check=True)  # fmt: skip
    return path


@pytest.mark.parametrize("fmt", ["mp3", "m4b"])
def test_chapters_come_back_in_order(tmp_path, fmt):
    # Titles of very different lengths: mutagen sorts frames by size, which once put chapter 0 last.
    titles = ["A guide to the harbor and everything around it", "Quays", "The museum of the port", "X"]
    chapters = [Chapter(3.0 * i, 3.0 * (i + 1), title) for i, title in enumerate(titles)]
    path = _tone(tmp_path / f"c.{fmt}")
    write_tags(path, fmt, Tags(title="Guide"), chapters)
    assert read_chapters(path) == [(pytest.approx(3.0 * i, abs=0.01), title) for i, title in enumerate(titles)]


@pytest.mark.parametrize("fmt", ["mp3", "m4b"])
def test_embedded_cover_art(sample_files, fmt):
    import mutagen
    from PIL import Image

    tags = mutagen.File(str(sample_files[fmt])).tags
    data = bytes(tags.getall("APIC")[0].data if fmt == "mp3" else tags["covr"][0])
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.format in ("PNG", "JPEG") and image.width == image.height >= 1400


def test_no_artwork_when_turned_off(tmp_path):
    from mutagen.id3 import ID3

    path = _tone(tmp_path / "t.mp3")
    write_tags(path, "mp3", Tags(title="T", artwork=False), [])
    assert not ID3(str(path)).getall("APIC")


def test_article_tags_describe_with_the_first_paragraph():
    from reader.types import Article, Block, BlockKind

    paragraph = "A former cargo barge, " + "with a long and winding description, " * 12 + "opened today."
    article = Article(title="Library", blocks=(Block(BlockKind.HEADING, "Intro"), Block(BlockKind.PARAGRAPH, paragraph)),
                      byline="Maria", date="May 14, 2024", site="Courier")  # fmt: skip
    tags = article_tags(article, cover=Path("c.png"))
    assert tags.description == paragraph  # whole, as written
    assert (tags.artist, tags.album, tags.date, tags.cover) == ("Maria", "Courier", "May 14, 2024", Path("c.png"))
