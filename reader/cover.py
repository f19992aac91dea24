"""Cover art: a plain typographic square from a title and a site, and checks on a user's own image.

Podcast apps show a blank tile for a feed or episode without art, and Apple's
directory asks for a square JPEG or PNG of 1400-3000 pixels. The generated
cover is the title, wrapped and set large, the site beneath a thin rule, on a
calm background whose hue comes from the title's hash: the same title always
gives the same bytes (so narration caches stay valid), and neighbouring
episodes get different colours.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
from pathlib import Path

from .errors import UsageError

MIN_SIDE, MAX_SIDE = 1400, 3000
DEFAULT_SIDE = 1400
# DejaVu is on most Linux systems; Pillow also searches the system font folders by file name.
FONT_FILES = (
    "DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)
SITE_FONT_FILES = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def background(title: str) -> tuple[int, int, int]:
    """A muted, dark colour from the title's hash, light text reads well on every one."""
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    hue = digest[0] / 255
    saturation = 0.30 + digest[1] / 255 * 0.15
    lightness = 0.24 + digest[2] / 255 * 0.08
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return round(red * 255), round(green * 255), round(blue * 255)


def _font(files: tuple[str, ...], size: int):
    from PIL import ImageFont

    for name in files:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)  # Pillow >= 10.1 scales its built-in font


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; a word too long for a line is cut into pieces."""
    lines: list[str] = []
    for word in text.split():
        for piece in _pieces(draw, word, font, width):
            if lines and draw.textlength(f"{lines[-1]} {piece}", font=font) <= width:
                lines[-1] = f"{lines[-1]} {piece}"
            else:
                lines.append(piece)
    return lines


def _pieces(draw, word: str, font, width: int) -> list[str]:
    pieces = []
    while len(word) > 1 and draw.textlength(word, font=font) > width:
        cut = len(word) - 1
        while cut > 1 and draw.textlength(word[:cut], font=font) > width:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word]


def _fit_title(draw, title: str, width: int, height: int):
    """The largest font (from 1/9 of the side down) whose wrapped title fits the box."""
    size = width // 7
    while True:
        font = _font(FONT_FILES, size)
        lines = _wrap(draw, title, font, width)
        if (len(lines) * size * 1.2 <= height and len(lines) <= 8) or size <= 24:
            return font, lines[:8], size
        size = int(size * 0.9)


def make_cover(
    title: str, site: str = "", *, side: int = DEFAULT_SIDE, fmt: str = "PNG"
) -> bytes:
    """A ``side``-pixel square cover as JPEG or PNG bytes."""
    from PIL import Image, ImageDraw

    title = " ".join(_printable(title).split()) or "Untitled"
    site = " ".join(_printable(site).split())
    colour = background(title)
    image = Image.new("RGB", (side, side), colour)
    draw = ImageDraw.Draw(image)
    margin = side // 10
    ink, soft = (246, 243, 236), (214, 208, 196)
    font, lines, size = _fit_title(draw, title, side - 2 * margin, int(side * 0.55))
    y = margin
    for line in lines:
        draw.text((margin, y), line, font=font, fill=ink)
        y += int(size * 1.2)
    if site:
        _draw_site(draw, site, side, margin, soft)
    buffer = io.BytesIO()
    if fmt.upper() == "PNG":
        image.save(buffer, "PNG")  # optimize=True: 0.17 s more CPU, taken from the engine
    else:
        image.save(
            buffer, "JPEG", quality=90, subsampling=0
        )  # no chroma subsampling: crisp text edges
    return buffer.getvalue()


def _draw_site(draw, site: str, side: int, margin: int, colour: tuple[int, int, int]) -> None:
    """The site's name at the foot of the cover, under a short rule, cut if too wide."""
    site_size = side // 24
    site_font = _font(SITE_FONT_FILES, site_size)
    site_y = side - margin - site_size
    draw.line((margin, site_y - site_size, margin + side // 6, site_y - site_size), fill=colour, width=max(2, side // 300))
    shown = site if draw.textlength(site, font=site_font) <= side - 2 * margin else site[:40] + "…"
    draw.text((margin, site_y), shown, font=site_font, fill=colour)


def _printable(text: str | None) -> str:
    return "".join(ch for ch in (text or "") if ch.isprintable() or ch.isspace())


def image_type(data: bytes) -> str:
    """The MIME type of JPEG or PNG bytes."""
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"


def check_image(path: Path) -> str:
    """A user's cover image, checked as podcast directories check it; returns its MIME type.

    Refused with one line (UsageError) unless it is a JPEG or PNG that decodes,
    is square within 2 %, and is 1400-3000 pixels on a side.
    """
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    try:
        with Image.open(path) as image:
            image.load()
            kind, (width, height) = image.format, image.size
    except FileNotFoundError:
        raise UsageError(f"The feed image {path} does not exist.") from None
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise UsageError(
            f"The feed image {path} is not an image that can be read ({exc})."
        ) from None
    if kind not in IMAGE_TYPES:
        raise UsageError(
            f"The feed image {path} is {kind}; podcast apps need a JPEG or PNG."
        )
    if abs(width - height) > 0.02 * max(width, height):
        raise UsageError(
            f"The feed image {path} is {width}x{height}; podcast apps need a square image."
        )
    if not MIN_SIDE <= min(width, height) or max(width, height) > MAX_SIDE:
        raise UsageError(
            f"The feed image {path} is {width}x{height}; podcast apps need {MIN_SIDE} to {MAX_SIDE} pixels a side."
        )
    return IMAGE_TYPES[kind]
