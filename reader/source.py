"""Read an input (path, URL or ``-``) into a decoded :class:`Source`.

Decoding is defensive because saved pages come in every encoding: BOMs are
honoured, UTF-8 is tried strictly, then an HTML ``<meta charset>``, then a
statistical guess restricted to plausible text encodings. Binary files are
rejected rather than narrated as noise.
"""

from __future__ import annotations

import codecs
import math
import os
import queue
import re
import stat
import sys
import threading
import time
from pathlib import Path
from typing import BinaryIO

from .errors import SourceError, UsageError
from .types import InputKind, Source

MAX_BYTES = 20 * 1024 * 1024
"""Largest input accepted, from any source: a long book is ~2 MB of text."""

HTTP_TIMEOUT_S = 20.0
"""Longest wait for any one step of a download (connect, each read)."""
FETCH_DEADLINE_S = 60.0
"""Longest a whole download may take (READER_FETCH_TIMEOUT_S overrides): a server
dripping a byte at a time never times out a read, so the total is bounded too."""
_USER_AGENT = "reader/0.1 (offline article narrator)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_STRAY = re.compile("[\udc80-\udcff]+")
"""Bytes that are not UTF-8, as ``surrogateescape`` decoding keeps them."""
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|span|br)[\s/>]", re.IGNORECASE
)
_HTML_DOCUMENT = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
"""The opening of a whole HTML document, as opposed to HTML blocks inside Markdown."""
_MD_SNIFF = re.compile(r"^(?:#{1,6} \S|```|\* \S|- \S|\d+\. \S|> \S)|\[[^\]\n]+\]\([^)\s]+\)", re.MULTILINE)
_NOT_PAGE_ENCODINGS = {
    "undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
    "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
}  # fmt: skip
"""Codecs a <meta charset> may name but a byte-oriented page can't be in: they raise on
any input, decode anything into noise, or (UTF-16/32) are never declared in-page (WHATWG)."""
_DECODE_ERRORS = (LookupError, UnicodeError, ValueError, TypeError)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+)://")


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def load_source(name: str, *, stdin: BinaryIO | None = None) -> Source:
    """Read ``name`` (a path, an http(s) or file URL, or ``-``) and decode it."""
    if not name:
        raise UsageError("The input is an empty name; give an article file, a URL, or - for standard input.")
    name = _local_name(name)
    if name == "-":
        return _make_source(_read_stdin(stdin), name, suffix="", url=None)
    if is_url(name):
        data, final_url, content_type = fetch_url(name)
        suffix = ".html" if "html" in content_type else Path(final_url.split("?")[0]).suffix
        return _make_source(data, name, suffix=suffix.lower(), url=final_url)
    return _make_source(_read_path(Path(name)), name, suffix=Path(name).suffix.lower(), url=None)


def _local_name(name: str) -> str:
    """``name`` itself, or the path a file:// URL names (as a browser's address bar gives it).

    Any other scheme (ftp://, sftp://) is refused by name rather than looked up as a
    path, unless a file of that name exists.
    """
    scheme = _SCHEME.match(name)
    if scheme is None or is_url(name) or os.path.lexists(name):
        return name
    if scheme.group(1).lower() == "file":
        # urllib.request imports http.client: loaded only for a file URL.
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        parts = urlsplit(name)
        if parts.netloc not in ("", "localhost"):
            raise SourceError(f"{name}: a file URL on another machine ({parts.netloc}) can't be read.")
        return url2pathname(parts.path)
    raise SourceError(f"{name}: only http://, https:// and file:// addresses can be read; save the page as a file.")


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    """Standard input's bytes; closed or unreadable is one clear error."""
    stream = stdin or getattr(sys.stdin, "buffer", None)  # sys.stdin is None when fd 0 is closed
    if stream is None:
        raise SourceError("standard input is closed; pipe an article in, or give a file.")
    try:
        return _read_capped(stream, "standard input")
    except (OSError, ValueError) as exc:  # EBADF, or a closed file object
        raise SourceError(f"standard input can't be read ({exc}); pipe an article in, or give a file.") from exc


def _read_path(path: Path) -> bytes:
    """A regular file's bytes. A FIFO, device or socket is refused: reading one could wait forever.

    Every OSError (a name too long, a loop of links, an I/O error) is the user's SourceError:
    ``Path.exists`` and ``is_dir`` are not used because they raise for some of them (ENAMETOOLONG).
    """
    shown = _shown(path)
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise SourceError(f"{shown} is a folder; give one article file, or use 'reader batch' for a folder.")
        # O_NONBLOCK: opening a FIFO must not block before its type is checked.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as reader:
            if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
                raise SourceError(
                    f"{shown} is not a regular file (a pipe, device or socket); save the article "
                    "to a file, or pipe it in and give - as the input."
                )
            return _read_capped(reader, shown)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise SourceError(f"{shown}: no such file. Check the path and try again.") from exc
    except PermissionError as exc:
        raise SourceError(f"{shown}: permission denied; the file can't be read.") from exc
    except OSError as exc:
        reason = exc.strerror.lower() if exc.strerror else str(exc)
        raise SourceError(f"{shown}: can't be read ({reason}). Check the path and try again.") from exc
    except ValueError as exc:  # a NUL byte in the name
        raise SourceError(f"{shown}: not a usable file name ({exc}).") from exc


def _shown(path: Path, limit: int = 120) -> str:
    """The path for a one-line message: a very long one keeps its start and end."""
    text = str(path)
    return text if len(text) <= limit else f"{text[: limit // 2 - 1]}…{text[-(limit // 2 - 1):]}"


def _read_capped(handle: BinaryIO, label: str) -> bytes:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise SourceError(f"{label} is larger than {MAX_BYTES // 2**20} MB; that is not an article.")
    return data


def fetch_timeout_s() -> float:
    """The whole-download deadline: READER_FETCH_TIMEOUT_S, else 60 s."""
    raw = os.environ.get("READER_FETCH_TIMEOUT_S", "").strip()
    if not raw:
        return FETCH_DEADLINE_S
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"READER_FETCH_TIMEOUT_S={raw!r} is not a number of seconds above zero.")
    return value


def fetch_url(url: str) -> tuple[bytes, str, str]:
    """Download ``url`` with timeouts and a size cap: (body, final URL, content type).

    The download runs on a daemon thread so the deadline holds whatever the
    server does (drips headers, drips the body): at the deadline the caller
    gets a SourceError, and the thread gives up at its next read.
    """
    deadline_s = fetch_timeout_s()
    answer: queue.Queue = queue.Queue(maxsize=1)

    def work() -> None:
        try:
            answer.put((True, _fetch(url, deadline_s)))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller and raised there
            answer.put((False, exc))

    threading.Thread(target=work, name="reader-fetch", daemon=True).start()
    try:
        ok, value = answer.get(timeout=deadline_s + 1)
    except queue.Empty:
        raise SourceError(_too_slow(url, deadline_s)) from None
    if not ok:
        raise value
    return value


def _too_slow(url: str, deadline_s: float) -> str:
    return f"{url}: the download took longer than {deadline_s:g} s; the server is too slow. Try again later."


def _fetch(url: str, deadline_s: float) -> tuple[bytes, str, str]:
    import httpx

    give_up = time.monotonic() + deadline_s
    timeout = min(HTTP_TIMEOUT_S, deadline_s)
    try:
        with httpx.Client(
            follow_redirects=True, timeout=timeout, headers={"User-Agent": _USER_AGENT}
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SourceError(
                    f"{url}: the server answered {response.status_code} "
                    f"{response.reason_phrase or ''}".rstrip() + "."
                )
            body = bytearray()
            for piece in response.iter_bytes():
                body += piece
                if len(body) > MAX_BYTES:
                    raise SourceError(f"{url}: the page is larger than {MAX_BYTES // 2**20} MB.")
                if time.monotonic() > give_up:
                    raise SourceError(_too_slow(url, deadline_s))
            return bytes(body), str(response.url), response.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise SourceError(f"{url}: no answer within {timeout:g} s; try again later.") from exc
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, UnicodeError, ValueError) as exc:
        raise SourceError(f"{url}: can't be fetched ({type(exc).__name__}: {exc}).") from exc


def _make_source(data: bytes, name: str, *, suffix: str, url: str | None) -> Source:
    label = url or ("standard input" if name == "-" else name)
    if not data.strip():
        raise SourceError(f"{label} is empty; there is nothing to narrate.")
    text, encoding = decode_bytes(data, label)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _visible(text):
        raise SourceError(f"{label} holds only whitespace; there is nothing to narrate.")
    return Source(text=text, kind=detect_kind(text, suffix), name=name, url=url, encoding=encoding)


def _visible(text: str) -> bool:
    """Any character that is neither whitespace nor an invisible format one (ZWSP, ZWJ, BOM: category Cf)."""
    import unicodedata

    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


def detect_kind(text: str, suffix: str = "") -> InputKind:
    """HTML by name or content (a .txt can hold HTML), then Markdown by name or content.

    A Markdown name wins over the HTML sniff: Markdown may hold HTML blocks (a README
    opening with ``<p align="center">``). Only a whole HTML document (one that opens
    with ``<!DOCTYPE html>`` or ``<html>``) saved as .md is read as HTML.
    """
    head = text[:4096]
    if suffix in _MD_SUFFIXES:
        return InputKind.HTML if _HTML_DOCUMENT.match(head) else InputKind.MARKDOWN
    if suffix in _HTML_SUFFIXES or _HTML_SNIFF.search(head) and head.count("<") >= 3:
        return InputKind.HTML
    if re.match(r"---[ \t]*\n(?:[\w-]+:.*\n)+---[ \t]*\n", text):
        return InputKind.MARKDOWN  # front matter (--- / key: value / ---) is a Markdown convention
    if suffix not in {".txt", ".text"} and len(_MD_SNIFF.findall(text[:20000])) >= 2:
        return InputKind.MARKDOWN
    return InputKind.TEXT


def decode_bytes(data: bytes, label: str) -> tuple[str, str]:
    """Decode bytes as text, or raise SourceError if they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, label), encoding
    if _looks_like_bomless_utf16(data):
        encoding = "utf-16-le" if data[1:200:2].count(0) > data[0:200:2].count(0) else "utf-16-be"
        return _strict(data, encoding, label), encoding
    if found := _bomless_utf16_text(data):
        return found
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > 0.05:
        raise SourceError(f"{label} looks like a binary file, not text or HTML.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    encoding = _declared_encoding(data)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except _DECODE_ERRORS:
            pass  # the declaration lies; fall through to detection
    return _guess(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a cp1252 quote pasted into a UTF-8 page): the stray ones
    read as cp1252, the rest as UTF-8. None when invalid sequences are not rare beside valid
    ones: a page wholly in a legacy code page has no valid multi-byte sequences at all."""
    text = data.decode("utf-8", "surrogateescape")
    stray = _STRAY.findall(text)
    valid = sum(1 for char in text if "\x80" <= char and not "\udc80" <= char <= "\udcff")
    if not stray or valid < max(8, 4 * sum(map(len, stray))):
        return None
    return _STRAY.sub(lambda run: bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp1252", "replace"), text)


def _declared_encoding(data: bytes) -> str | None:
    """The page's <meta charset>, if it names a text encoding a page can be in."""
    declared = _META_CHARSET.search(data[:8192])
    if not declared:
        return None
    name = declared.group(1).decode("ascii", "ignore").lower()
    try:
        info = codecs.lookup(name)
    except _DECODE_ERRORS:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None  # hex, zlib, rot13...: bytes-to-bytes or str-to-str codecs, not charsets
    return name


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeError as exc:
        raise SourceError(f"{label} claims to be {encoding} but isn't valid {encoding}.") from exc


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:400]
    return len(sample) >= 4 and sample.count(0) >= len(sample) * 0.4 and (
        sample[0::2].count(0) < len(sample) * 0.05 or sample[1::2].count(0) < len(sample) * 0.05
    )


def _bomless_utf16_text(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM and without the many zero bytes of Latin text (Chinese, Arabic...).

    Its line breaks, spaces and digits are code units 0x00xx, so it holds zero bytes, and
    more at the high byte of a unit than at the low one; a text in any 8-bit or multi-byte legacy encoding
    holds none. It must decode strictly in that byte order (no unpaired surrogate) and
    read as writing: almost every character assigned and printable (no private-use,
    unassigned or control characters but line breaks and tabs), and its letters from one
    or two writing systems (Chinese or Japanese, plus Latin). Random bytes have zeros at both byte positions, unpaired
    surrogates, or characters of every script.
    """
    sample = data[:65536]
    if len(data) < 4 or len(data) % 2 or not sample.count(0):
        return None
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        low_zeros, high_zeros = sample[1 - high :: 2].count(0), sample[high::2].count(0)
        if high_zeros <= low_zeros:
            continue  # a zero low byte (一 is U+4E00) is rarer than a line break or space
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_writing(text[:8192]):
            return text, encoding
    return None


def _reads_as_writing(text: str) -> bool:
    """Almost all assigned, printable, word characters, the letters from one or two writing systems."""
    import unicodedata

    visible = [char for char in text if char not in " \t\n\r\f" and unicodedata.category(char) not in ("Zs", "Cf")]
    if len(visible) < 16:
        return False  # a few random characters can look like anything
    categories = [unicodedata.category(char) for char in visible]
    odd = sum(1 for category in categories if category in ("Cc", "Cn", "Co", "Cs"))
    wordlike = sum(1 for category in categories if category[0] in "LM" or category == "So")
    if odd > 0.02 * len(visible) or wordlike < 0.5 * len(visible):
        return False
    systems: dict[str, int] = {}
    for char in visible:
        if char.isalpha():
            system = unicodedata.name(char, "?").split(" ")[0]
            system = "CJK" if system in _HAN_AND_KANA else system
            systems[system] = systems.get(system, 0) + 1
    return sum(sorted(systems.values())[-2:]) >= 0.95 * sum(systems.values())


_HAN_AND_KANA = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "BOPOMOFO", "IDEOGRAPHIC"}
"""First words of the names of Chinese and Japanese letters: one writing system, with Latin beside it."""


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    guess = (best.encoding or "").lower() if best is not None else ""
    # Latin code pages can't be told apart on short texts; cp1252 is what a
    # Western page that isn't UTF-8 almost always is, so it wins those ties.
    western = not guess or guess.startswith(("cp125", "windows-125", "latin", "iso8859", "mac_"))
    western = western and guess not in ("cp1251", "cp1253", "cp1255", "cp1256")
    # A DOS or EBCDIC guess (cp775 for French "Café") is a tie lost by cp1252 unless
    # the text is mostly high bytes, as Russian in cp866 or Greek in cp737 is.
    western = western or _legacy_code_page(guess) and _mostly_ascii(data)
    order = ["cp1252", guess] if western else [guess, "cp1252"]
    for encoding in filter(None, order):
        try:
            return data.decode(encoding), encoding
        except _DECODE_ERRORS:
            continue
    return data.decode("latin-1"), "latin-1"  # decodes any byte: the last resort


_LEGACY_CODE_PAGES = {
    "cp437", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860",
    "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp1125", "hp-roman8",
    "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140",
}  # fmt: skip
"""DOS (OEM) and EBCDIC code pages: a statistical guess names them for short Western texts,
but a file that isn't UTF-8 today is almost never in one."""


def _legacy_code_page(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in _LEGACY_CODE_PAGES
    except LookupError:
        return False


def _mostly_ascii(data: bytes) -> bool:
    """At most a fifth of the visible bytes are high ones: a Latin-script text, not Cyrillic or Greek."""
    sample = data[:262144]
    visible = len(sample.translate(None, b" \t\n\r\f"))
    high = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    return high <= 0.2 * max(visible, 1)
