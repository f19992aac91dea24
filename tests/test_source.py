import codecs
import io
import json
import os
import random
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.errors import SourceError
from reader.source import decode_bytes, detect_kind, load_source
from reader.types import InputKind

from .conftest import SAMPLE_HTML, SAMPLE_TXT

TEXT = "Café owners in Kyiv said the “blackout” hours were over. Prices rose 5%."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_decodes_common_encodings(data):
    text, _ = decode_bytes(data, "x")
    assert text == TEXT


def test_latin1_page_with_meta_charset():
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Déjà vu à Genève.</p></body></html>'
    text, encoding = decode_bytes(html.encode("latin-1"), "x")
    assert "Déjà vu à Genève" in text and encoding == "iso-8859-1"


def test_lying_meta_charset_falls_back_to_detection():
    html = '<html><head><meta charset="utf-8"></head><body><p>Señor Müller’s café.</p></body></html>'
    text, _ = decode_bytes(html.encode("cp1252"), "x")
    assert "Señor Müller’s café" in text


def test_a_utf8_page_with_a_stray_cp1252_byte_stays_utf8():
    """One pasted Windows quote must not turn every other accent of the page into mojibake."""
    body = " ".join([TEXT] * 4) + " The mayor\x92s office agreed."
    page = f'<html><head><meta charset="utf-8"></head><body><p>{body}</p></body></html>'
    data = page.encode("utf-8").replace("\x92".encode("utf-8"), b"\x92")
    text, encoding = decode_bytes(data, "x")
    assert encoding == "utf-8"
    assert TEXT in text and "The mayor’s office agreed." in text and "Ã" not in text


LATIN1_ARTICLE = (
    "Café council approves budget\n\n"
    "The city council voted on Tuesday to approve a new budget for the coming year. Officials said the "
    "plan would fund schools, roads and parks across the region.\n\n"
    'Critics argued that the spending was too high and would raise taxes for résidents - "naïve". '
    "The mayor disagreed, saying the investment was overdue.\n\n"
    "The budget takes effect in January after a final reading next month.\n"
)


def test_a_dos_code_page_guess_loses_to_cp1252(tmp_path):
    """charset_normalizer guesses cp775 for this Latin-1 text: 'Cafķ'. cp1252 decodes it, so cp1252 wins."""
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    result = CliRunner().invoke(app, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Café council approves budget"
    assert "résidents" in result.stdout and "naïve" in result.stdout


@pytest.mark.parametrize("encoding", ["cp866", "cp737"])
def test_a_dos_code_page_of_another_script_keeps_its_guess(encoding):
    """Mostly high bytes (Russian, Greek) are not a Western text: the DOS guess still gets first try."""
    text = {
        "cp866": "Городской совет утвердил новый бюджет на следующий год. " * 6,
        "cp737": "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό για το επόμενο έτος. " * 6,
    }[encoding]
    decoded, _ = decode_bytes(text.encode(encoding), "x")
    assert decoded == text


CHINESE = (
    "市议会批准新预算\n\n市议会周二投票批准了明年的新预算。官员表示，该计划将为整个地区的学校、道路和公园提供资金。\n\n"
    "批评者认为支出过高，并会增加居民的税收负担。市长则表示，这项投资早就应该进行了。\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_chinese_is_text_not_binary(tmp_path, encoding):
    """Chinese UTF-16 has few zero bytes (its line breaks), not the 40% of Latin UTF-16."""
    path = tmp_path / "zh.txt"
    path.write_bytes(CHINESE.encode(encoding))
    result = _extract(path)
    assert result.exit_code == 0, result.output
    assert "市议会周二投票批准了明年的新预算" in result.output


@pytest.mark.parametrize("size", [64, 400, 4096, 20000])
@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_still_binary(seed, size):
    rng = random.Random(seed)
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(bytes(rng.getrandbits(8) for _ in range(size)), "noise.bin")


@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
def test_legacy_text_is_not_taken_for_utf16(encoding):
    """Without zero bytes, GBK reads as Hangul and English as CJK in UTF-16; neither is taken."""
    text = CHINESE if encoding == "gbk" else LATIN1_ARTICLE
    data = text.encode(encoding)
    _, found = decode_bytes(data[: len(data) // 2 * 2], "x")
    assert not found.startswith("utf-16")


def test_binary_is_rejected():
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(bytes(range(256)) * 20, "photo.jpg")


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        load_source(str(tmp_path / "nope.txt"))


def _extract(*args):
    return CliRunner().invoke(app, ["extract", *map(str, args)])


@pytest.mark.parametrize(
    "name", ["q" * 300 + ".txt", "a/" * 2100 + "x.txt"], ids=["name-over-255", "path-over-4096"]
)
def test_over_long_path_is_one_user_error(tmp_path, monkeypatch, name):
    """ENAMETOOLONG is raised by Path.exists(), not answered False: it must not be an internal error."""
    monkeypatch.chdir(tmp_path)
    result = _extract(name)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "file name too long" in lines[0] and "unexpectedly" not in lines[0], result.output
    assert len(lines[0]) < 300  # the path is shortened, not printed whole


def test_symlink_loop_is_one_user_error(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(SourceError, match="too many levels of symbolic links"):
        load_source(str(tmp_path / "a"))


def test_directory(tmp_path):
    with pytest.raises(SourceError, match="folder"):
        load_source(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  "])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match="empty"):
        load_source(str(path))


@pytest.mark.parametrize(
    "content", ["\u200b\u200c\u200d\ufeff\u2060\n", "\u00a0 \u00a0\n", "\u200b \u00ad\u00a0\u2060\n"],
    ids=["zero-width", "nbsp", "mixed"],
)
def test_only_invisible_characters_is_whitespace(tmp_path, content):
    """Zero-width and other format characters (Cf) are as empty as spaces: one line, exit 1."""
    path = tmp_path / "z.txt"
    path.write_text(content, encoding="utf-8")
    result = _extract(path)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"error: {path} holds only whitespace; there is nothing to narrate."]


def test_stdin():
    source = load_source("-", stdin=io.BytesIO("# Notes\n\nSome *markdown* text.\n\n- one\n- two\n".encode()))
    assert source.kind is InputKind.MARKDOWN and source.name == "-"


def test_kinds_detected_by_content_and_name():
    assert load_source(str(SAMPLE_TXT)).kind is InputKind.TEXT
    assert load_source(str(SAMPLE_HTML)).kind is InputKind.HTML
    assert detect_kind("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt") is InputKind.HTML
    assert detect_kind("# Title\n\nText with a [link](http://x.org).", ".md") is InputKind.MARKDOWN
    assert detect_kind("Just a plain note. Nothing more.", "") is InputKind.TEXT


README_WITH_HTML = """<p align="center">
  <img src="logo.png" alt="Logo" width="200"><br>
  <b>Project news</b>
</p>

# Council approves budget

The city council voted on **Tuesday** to approve a new budget for the coming year.

## Critics

Critics argued that the spending was too high and would raise taxes for residents.
"""


def test_markdown_name_wins_over_a_leading_html_block(tmp_path):
    """A README opening with <p align="center"> is Markdown: its markup is not narrated."""
    path = tmp_path / "README.md"
    path.write_text(README_WITH_HTML)
    assert load_source(str(path)).kind is InputKind.MARKDOWN
    result = CliRunner().invoke(app, ["script", str(path)])
    assert result.exit_code == 0, result.output
    assert "#" not in result.output and "**" not in result.output and "<" not in result.output
    assert "Critics\n" in result.output and "Project news" in result.output
    assert "on Tuesday to approve" in result.output


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<html><body><p>Saved page.</p></body></html>",
        "<html lang=en><head><title>T</title></head><body><p>Saved page.</p></body></html>",
        "\ufeff<!-- saved from url -->\n<!doctype HTML><html><body><p>x</p></body></html>",
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
    ],
)
def test_a_whole_html_document_named_md_is_still_html(page):
    """Only a whole document (doctype or <html> first) overrides the .md name."""
    assert detect_kind(page, ".md") is InputKind.HTML
    assert detect_kind(page, ".markdown") is InputKind.HTML


def test_html_blocks_inside_markdown_keep_it_markdown():
    text = "<div align=center><img src=x.png></div>\n\n# Title\n\n<p>An intro</p>\n\nBody <b>text</b>."
    assert detect_kind(text, ".md") is InputKind.MARKDOWN
    assert detect_kind(text, ".txt") is InputKind.HTML  # no Markdown name: the content sniff decides


def test_url_fetch(http_server):
    http_server.routes["/story"] = (200, "text/html; charset=utf-8", SAMPLE_HTML.read_bytes())
    source = load_source(http_server.base + "/story")
    assert source.kind is InputKind.HTML and source.url.endswith("/story")


@pytest.mark.parametrize("status", [404, 500])
def test_url_http_errors(http_server, status):
    http_server.routes["/bad"] = (status, "text/plain", b"oops")
    with pytest.raises(SourceError, match=str(status)):
        load_source(http_server.base + "/bad")


def test_unreachable_url():
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SourceError, match="can't be fetched"):
        load_source(f"http://127.0.0.1:{port}/story")


def test_input_names_that_are_not_paths_get_one_clear_line(tmp_path):
    article = tmp_path / "a story.txt"
    article.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    cases = [
        ("", 2, "empty name"),
        ("ftp://example.com/a.txt", 1, "only http://, https:// and file://"),
        ("file://elsewhere/a.txt", 1, "another machine"),
        (article.as_uri().replace("a%20story", "no%20story"), 1, f"{tmp_path}/no story.txt: no such file"),
    ]
    for name, code, words in cases:
        result = subprocess.run([sys.executable, "-m", "reader", "extract", name], capture_output=True, text=True)
        assert (result.returncode, len(result.stderr.splitlines())) == (code, 1), result.stderr
        assert words in result.stderr
    result = subprocess.run([sys.executable, "-m", "reader", "extract", article.as_uri()], capture_output=True, text=True)
    assert result.returncode == 0 and "ferry will run every hour" in result.stdout  # a browser's file:// address


def test_a_pipe_given_by_name_points_to_standard_input_for_any_command(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "reader", "script", str(fifo)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and "give - as the input" in result.stderr and "convert" not in result.stderr


def test_markdown_on_stdin_that_opens_with_an_html_block_is_markdown():
    readme = '<p align="center"><img src="logo.png"><b>Project news</b></p>\n\n# Council approves budget\n\nThe council voted.\n\n## Critics\n\n- too high\n- too late\n'
    assert detect_kind(readme, "") is InputKind.MARKDOWN
    page = "<!DOCTYPE html><html><body><h1>Title</h1><p>One.</p><ul><li>- a</li></ul>\n# not a heading\n</body></html>"
    assert detect_kind(page, "") is InputKind.HTML  # a whole HTML document stays HTML
    fragment = "<div><p>The council voted on Tuesday.</p><p>The mayor agreed.</p></div>"
    assert detect_kind(fragment, "") is InputKind.HTML
