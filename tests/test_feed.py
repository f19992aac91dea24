"""The podcast feed as podcast apps and a web server see it."""

import io
import os
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.batch import load_state, run_batch
from reader.errors import UsageError
from reader.feed import ITUNES, write_feed
from reader.pipeline import RunOptions

from .conftest import SAMPLE_HTML, SAMPLE_TXT

BASE = "https://example.org/pod"
FIXTURES = Path(__file__).parent / "fixtures" / "text"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def narrations(tmp_path, fake_voice):
    """A small folder narrated by the fake voice: an article with a URL, two local files without."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SAMPLE_HTML, folder / "harbor.html")
    shutil.copy(SAMPLE_TXT, folder / "bakhmut.txt")
    shutil.copy(FIXTURES / "recipe.txt", folder / "recipe.txt")
    out = tmp_path / "narrations"
    results = run_batch(folder, out, RunOptions(voice=fake_voice), jobs=1)
    assert all(r.status == "done" for r in results), results
    return out


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_feed_for_podcast_apps(narrations, umask_022):
    import feedparser
    from PIL import Image

    items = load_state(narrations)
    items["harbor.html"]["url"] = "https://coastline.example/news/harbor-library"  # as a page fetched from its URL
    feed_path = write_feed(narrations, BASE, items)
    parsed = feedparser.parse(feed_path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    channel = parsed.feed
    assert channel.title == "narrations"  # the folder's name, nothing added
    assert channel.author == "narrations" and channel.publisher_detail.name == "narrations"
    assert "email" not in channel.publisher_detail  # none given, none invented
    assert channel.image.href == f"{BASE}/cover.png"
    with Image.open(narrations / "cover.png") as cover:
        cover.load()
        assert cover.format == "PNG" and cover.width == cover.height >= 1400
    items = {entry.title: entry for entry in parsed.entries}
    harbor = items["Floating library opens in the old harbor"]
    assert harbor.link == "https://coastline.example/news/harbor-library"
    assert harbor.summary.startswith("A former cargo barge")  # the first paragraph, as written
    bakhmut = items["Zelensky says Ukraine will not withdraw from Bakhmut despite Russian assaults"]
    assert bakhmut.link == f"{BASE}/bakhmut.mp3"  # a local file: the audio is the link
    assert bakhmut.summary.startswith("President Volodymyr Zelensky in his nightly address on March 6")
    assert bakhmut.published_parsed[:3] == (2023, 3, 7)
    assert all(entry.summary and entry.link for entry in parsed.entries)
    for path in (feed_path, narrations / "cover.png", narrations / "harbor.mp3"):
        assert _mode(path) == 0o644, path


def test_feed_parses_with_podcastparser(narrations):
    podcastparser = pytest.importorskip("podcastparser")

    feed_path = write_feed(narrations, BASE, load_state(narrations), title="Weekend reading", author="Ada",
                           email="ada@example.org")  # fmt: skip
    with feed_path.open("rb") as handle:
        podcast = podcastparser.parse(f"{BASE}/feed.xml", handle)
    assert podcast["title"] == "Weekend reading" and podcast["cover_url"] == f"{BASE}/cover.png"
    assert len(podcast["episodes"]) == 3
    for episode in podcast["episodes"]:
        assert episode["description"] and episode["link"] and episode["enclosures"][0]["url"].startswith(BASE)
        assert episode["total_time"] > 0 and episode["published"] > 0
    owner = ET.parse(feed_path).find(f"channel/{{{ITUNES}}}owner")
    assert [child.text for child in owner] == ["Ada", "ada@example.org"]


def test_control_characters_never_break_the_feed(narrations):
    import feedparser

    items = load_state(narrations)
    entry = next(iter(items.values()))
    entry["title"] = "Bad\x0b title \x1b[31mred\x1b[0m\x00"
    entry["description"] = "A \x1b[31mcoloured\x1b[0m first\x0c paragraph."
    feed_path = write_feed(narrations, BASE, items, title="Feed\x1b[1m", author="Ada\x07")
    parsed = feedparser.parse(feed_path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    ET.parse(feed_path)  # a strict XML parser too
    titles = {e.title for e in parsed.entries}
    assert "Bad title red" in titles
    assert "A coloured first paragraph." in {e.summary for e in parsed.entries}
    assert parsed.feed.title == "Feed" and parsed.feed.author == "Ada"


def _image(path: Path, size: tuple[int, int], fmt: str = "PNG") -> Path:
    from PIL import Image

    Image.new("RGB", size, (40, 60, 80)).save(path, fmt)
    return path


def test_user_image_is_checked_and_served(narrations, tmp_path):
    import feedparser

    image = _image(tmp_path / "mine.jpg", (1500, 1500), "JPEG")
    feed_path = write_feed(narrations, BASE, load_state(narrations), image=image)
    assert feedparser.parse(feed_path.read_bytes()).feed.image.href == f"{BASE}/cover.jpg"
    assert (narrations / "cover.jpg").read_bytes() == image.read_bytes()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _image(p, (1000, 1000)), "1400 to 3000 pixels"),
        (lambda p: _image(p, (2000, 1400)), "square"),
        (lambda p: _image(p, (1500, 1500), "GIF"), "JPEG or PNG"),
        (lambda p: p.write_bytes(b"not an image") and p, "not an image"),
        (lambda p: p, "does not exist"),
    ],
)
def test_bad_user_image_is_refused_in_one_line(narrations, tmp_path, make, message):
    image = tmp_path / "bad.img"
    make(image)
    with pytest.raises(UsageError) as error:
        write_feed(narrations, BASE, load_state(narrations), image=image)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert not (narrations / "feed.xml").exists()


def test_transcripts_follow_the_umask(tmp_path, fake_voice, umask_022):
    from reader.pipeline import narrate

    for fmt in ("srt", "vtt"):
        out = tmp_path / f"sample-{fmt}.mp3"
        narrate(str(SAMPLE_TXT), out, options=RunOptions(voice=fake_voice, subtitles=fmt))
        assert _mode(out.with_suffix(f".{fmt}")) == _mode(out) == 0o644


def test_feed_image_decodes(narrations):
    from PIL import Image

    write_feed(narrations, BASE, load_state(narrations), title="A long feed title for a reading list")
    with Image.open(io.BytesIO((narrations / "cover.png").read_bytes())) as cover:
        assert cover.size == (1400, 1400)
