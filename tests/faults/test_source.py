"""Sources: bogus charsets, malformed URLs, closed stdin, FIFOs, slow servers, nothing to say."""

from __future__ import annotations

import http.server
import os
import threading
import time

import pytest

from reader.errors import SourceError
from reader.source import decode_bytes, load_source

from . import assert_one_line_error, reader_env, run_reader

BOGUS = ["undefined", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "utf-7", "hex", "rot13",
         "zlib", "base64", "mbcs", "uu", "bz2", "utf-16", "utf-32", "nosuchcode", "x-user-defined"]  # fmt: skip


@pytest.mark.parametrize("charset", BOGUS)
def test_bogus_meta_charset_falls_back_to_detection(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Caf\xe9 au lait, s\xf3lo.</p></body></html>'
    text, encoding = decode_bytes(page.encode("cp1252"), "page.html")
    assert "Café au lait, sólo." in text and encoding == "cp1252"


@pytest.mark.parametrize("url", ["http://[::1", "http://[::1]:99999/", "https://exa mple.org/", "http://:80/x"])
def test_malformed_url_is_a_source_error(url):
    with pytest.raises(SourceError):
        load_source(url)


def test_closed_stdin(tmp_path):
    import subprocess
    import sys

    # exactly what a user's shell does for `reader extract - <&-`
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m reader extract - <&-', sys.executable],
        env=reader_env(tmp_path), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert_one_line_error(result, 1)
    assert "standard input" in result.stderr


def test_fifo_input_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = run_reader(["extract", str(fifo)], reader_env(tmp_path), timeout=20)
    assert_one_line_error(result, 1)
    assert "not a regular file" in result.stderr


class _Drip(http.server.BaseHTTPRequestHandler):
    """Headers at once, then one byte every 0.2 s for a minute: each read is quick, the whole is not."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "300")
        self.end_headers()
        try:
            for _ in range(300):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args):
        pass


def test_url_has_a_total_deadline(monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("READER_FETCH_TIMEOUT_S", "1.5")
    started = time.monotonic()
    try:
        with pytest.raises(SourceError, match="1.5 s"):
            load_source(f"http://127.0.0.1:{server.server_address[1]}/slow")
    finally:
        server.shutdown()
        server.server_close()
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("value", ["abc", "0", "-1"])
def test_bad_fetch_timeout_is_a_usage_error(monkeypatch, value):
    from reader.errors import UsageError

    monkeypatch.setenv("READER_FETCH_TIMEOUT_S", value)
    with pytest.raises(UsageError, match="READER_FETCH_TIMEOUT_S"):
        load_source("http://127.0.0.1:9/x")


@pytest.mark.parametrize("content", ["😀😀 🎉 🚀\n", ".\n", "… — !!\n"])
def test_nothing_speakable_is_one_line_and_no_file(tmp_path, content):
    source = tmp_path / "odd.txt"
    source.write_text(content)
    out = tmp_path / "odd.mp3"
    result = run_reader(["convert", str(source), "-o", str(out), "--voice", "tones", "-q"], reader_env(tmp_path))
    assert_one_line_error(result, 1)
    assert "no speakable text" in result.stderr
    assert not out.exists()
