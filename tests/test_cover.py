"""Generated cover art: a real square image, the same for the same title, readable without DejaVu."""

import io

import pytest

from reader import cover
from reader.cover import background, make_cover


def _open(data: bytes):
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(("fmt", "side"), [("PNG", 1400), ("JPEG", 3000)])
def test_cover_is_a_square_image(fmt, side):
    image = _open(make_cover("Floating library opens in the old harbor", "Coastline Courier", side=side, fmt=fmt))
    assert image.format == fmt and image.size == (side, side)
    corner = image.getpixel((5, 5))
    assert corner == pytest.approx(background("Floating library opens in the old harbor"), abs=3)
    # The title is drawn: light text pixels in the upper part of the cover.
    top = image.crop((0, 0, side, side // 2)).convert("L")
    assert top.getextrema()[1] > 200


def test_same_title_same_bytes_other_title_other_colour():
    assert make_cover("One", "Site") == make_cover("One", "Site")
    assert background("One") != background("Another title")
    for title in ("One", "Another title", "Zelensky says Ukraine will not withdraw"):
        assert max(background(title)) < 140  # dark and calm: light text reads on it


def test_long_words_control_characters_and_empty_titles():
    for title, site in [("Supercalifragilistic" * 8, "x" * 200), ("Bad\x0b\x1btitle", "\x00site"), ("", "")]:
        assert _open(make_cover(title, site)).size == (1400, 1400)


def test_without_dejavu_the_builtin_font_is_used(monkeypatch):
    monkeypatch.setattr(cover, "FONT_FILES", ("no-such-font.ttf",))
    monkeypatch.setattr(cover, "SITE_FONT_FILES", ("no-such-font.ttf",))
    image = _open(make_cover("A title in Pillow's own font", "Site"))
    assert image.size == (1400, 1400) and image.crop((0, 0, 1400, 700)).convert("L").getextrema()[1] > 200
