"""Read an input (path, URL or ``-``) into a decoded :class:`Source`.

Decoding (``decode.py``) is defensive because saved pages come in every
encoding: BOMs are honoured, UTF-8 is tried strictly, then an HTML ``<meta
charset>``, then a statistical guess restricted to plausible text encodings.
Binary files are rejected rather than narrated as noise.
"""

from __future__ import annotations

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

from .decode import decode_bytes
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

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|span|br)[\s/>]", re.IGNORECASE
)
_HTML_DOCUMENT = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
"""The opening of a whole HTML document, as opposed to HTML blocks inside Markdown."""
_MD_SNIFF = re.compile(r"^(?:#{1,6} \S|```|\* \S|- \S|\d+\. \S|> \S)|\[[^\]\n]+\]\([^)\s]+\)", re.MULTILINE)
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


def file_url_path(name: str) -> str:
    """The local path a ``file://`` URL names (as a browser's address bar shows it), else ``name``.

    Commands turn such a URL into its path as they parse it, so that every check on the
    input (the output must not replace it, an audio file is played) sees the file itself.
    A URL naming another machine is left as it is, for :func:`load_source` to refuse.
    """
    scheme = _SCHEME.match(name)
    if scheme is None or scheme.group(1).lower() != "file" or os.path.lexists(name):
        return name
    # urllib.request imports http.client: loaded only for a file URL.
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    parts = urlsplit(name)
    return url2pathname(parts.path) if parts.netloc.lower() in ("", "localhost") else name


def _local_name(name: str) -> str:
    """``name``, a file URL's path, or a SourceError for a scheme that can't be read here."""
    name = file_url_path(name)
    scheme = _SCHEME.match(name)
    if scheme is None or is_url(name) or os.path.lexists(name):
        return name
    if scheme.group(1).lower() == "file":
        raise SourceError(f"{name}: a file URL on another machine can't be read.")
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
    if not suffix and not _HTML_DOCUMENT.match(head) and len(_MD_SNIFF.findall(text[:20000])) >= 2:
        return InputKind.MARKDOWN  # stdin has no name: Markdown with HTML blocks, not an HTML page
    if suffix in _HTML_SUFFIXES or _HTML_SNIFF.search(head) and head.count("<") >= 3:
        return InputKind.HTML
    if re.match(r"---[ \t]*\n(?:[\w-]+:.*\n)+---[ \t]*\n", text):
        return InputKind.MARKDOWN  # front matter (--- / key: value / ---) is a Markdown convention
    if suffix not in {".txt", ".text"} and len(_MD_SNIFF.findall(text[:20000])) >= 2:
        return InputKind.MARKDOWN
    return InputKind.TEXT
