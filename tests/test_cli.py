"""The CLI as a user sees it: output files, stdout, one-line errors, exit codes."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app

from .conftest import SAMPLE_HTML, SAMPLE_TXT, decode

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_help_on_every_command():
    for command in ["convert", "extract", "script", "voices"]:
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output


def test_convert_writes_decodable_audio(tmp_path, fake_voice):
    out = tmp_path / "story.wav"
    result = run("convert", SAMPLE_TXT, "-o", out, "--voice", fake_voice, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    audio = decode(out)
    assert audio.rate == 16000 and audio.duration_s > 60


def test_convert_json_and_default_name(tmp_path, fake_voice, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("convert", SAMPLE_HTML, "--voice", fake_voice, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["path"] == "harbor-library.mp3" and data["format"] == "mp3"
    assert data["title"] == "Floating library opens in the old harbor"
    assert (tmp_path / "harbor-library.mp3").is_file()


def test_convert_from_stdin(tmp_path, fake_voice):
    out = tmp_path / "notes.ogg"
    text = "# My notes\n\nThe first paragraph has a few words in it.\n\n- an item with words\n"
    result = run("convert", "-", "-o", out, "--voice", fake_voice, "-q", input=text)
    assert result.exit_code == 0, result.output
    assert decode(out).duration_s > 2


def test_convert_from_url(tmp_path, fake_voice, http_server):
    http_server.routes["/story"] = (200, "text/html", SAMPLE_HTML.read_bytes())
    out = tmp_path / "story.mp3"
    result = run("convert", http_server.base + "/story", "-o", out, "--voice", fake_voice, "-q")
    assert result.exit_code == 0, result.output
    assert decode(out).duration_s > 20


def test_extract_and_script(tmp_path):
    result = run("extract", SAMPLE_TXT)
    assert result.exit_code == 0
    assert result.stdout.startswith("Zelensky says Ukraine will not withdraw from Bakhmut")
    assert "Subscribe" not in result.stdout
    data = json.loads(run("extract", SAMPLE_HTML, "--json").stdout)
    assert data["byline"] == "Maria Lindqvist" and data["site"] == "Coastline Courier"
    script = run("script", SAMPLE_TXT).stdout
    paragraphs = script.strip().split("\n\n")
    # The shipped lexicon respells the city for the voice (KEE-iv style, checked with espeak phonemes).
    assert paragraphs[0] == "Zelensky says Ukraine will not withdraw from Bahk-moot despite Russian assaults"
    # A quotation with its attribution is one sentence (sentencex's convention): no pause
    # before "he said" that would detach it from the quote.
    assert paragraphs[3].split("\n") == [
        '"Both generals replied: do not withdraw and reinforce. The General Staff unanimously backed this opinion. '
        'There were no other opinions," he said.',
    ]


def test_show_dropped_goes_to_stderr():
    result = run("extract", SAMPLE_TXT, "--show-dropped")
    assert "[dropped: repeated on the page] Subscribe" in result.stderr
    assert "[dropped" not in result.stdout


def test_voices_lists_presets_and_engine_voices():
    result = run("voices")
    assert result.exit_code == 0
    assert "joe" in result.stdout and "piper:en_US-joe-medium" in result.stdout
    data = json.loads(run("voices", "--json").stdout)
    assert {p["name"] for p in data["presets"]} >= {"joe", "espeak"}


def _assert_clean_failure(result, code, message, folder):
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert not [p for p in folder.iterdir() if p.suffix in (".mp3", ".part")]


def test_bad_inputs_fail_cleanly(tmp_path, fake_voice, http_server):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    no_article = tmp_path / "index.html"
    no_article.write_text("<html><body><nav><a href=/>Home</a> <a href=/x>News</a></nav></body></html>")
    http_server.routes["/gone"] = (404, "text/plain", b"")
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/story"
    cases = [
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a folder"),
        (empty, "empty"),
        (binary, "binary"),
        (no_article, "No article text"),
        (http_server.base + "/gone", "404"),
        (dead, "can't be fetched"),
    ]
    for source, message in cases:
        out = tmp_path / "out.mp3"
        result = run("convert", source, "-o", out, "--voice", fake_voice)
        _assert_clean_failure(result, 1, message, tmp_path)


def test_unknown_voice_and_usage_errors(tmp_path):
    result = run("convert", SAMPLE_TXT, "-o", tmp_path / "x.mp3", "--voice", "nobody")
    _assert_clean_failure(result, 1, "Unknown voice 'nobody'", tmp_path)
    result = run("convert", SAMPLE_TXT, "-o", tmp_path / "x.mp3", "--format", "wav", "--voice", "fake:low")
    _assert_clean_failure(result, 2, "contradicts", tmp_path)
    assert run("convert", SAMPLE_TXT, "--no-such-option").exit_code == 2


def test_missing_output_folder(tmp_path):
    result = run("convert", SAMPLE_TXT, "-o", tmp_path / "no" / "x.mp3", "--voice", "fake:low")
    _assert_clean_failure(result, 1, "does not exist", tmp_path)


def test_read_only_output_folder(tmp_path):
    """A read-only folder; as root (who may write anywhere) a read-only bind mount."""
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "x.mp3"
    convert = [sys.executable, "-m", "reader", "convert", str(SAMPLE_TXT), "-o", str(out), "--voice", "fake:low"]
    if os.geteuid() == 0:
        if not shutil.which("unshare"):
            pytest.skip("needs unshare for a read-only mount as root")
        script = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", *convert]
    else:
        folder.chmod(0o555)
        command = convert
    result = subprocess.run(command, capture_output=True, text=True)
    if os.geteuid() == 0 and "mount" in result.stderr and "reader" not in result.stderr:
        pytest.skip(f"no mount namespace here: {result.stderr.strip()}")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().count("\n") == 0 and "not writable" in result.stderr
    assert list(folder.iterdir()) == []


def test_no_article_then_keep_all():
    index = Path(__file__).parent / "fixtures" / "text" / "index-page.txt"
    result = run("extract", index)
    assert result.exit_code == 1 and "--keep-all" in result.stderr
    result = run("extract", index, "--keep-all")
    assert result.exit_code == 0 and "Top stories" in result.stdout


def test_script_explain_no_normalize_and_lexicon(tmp_path):
    result = run("script", SAMPLE_TXT, "--explain")
    assert result.exit_code == 0
    assert "    2014 -> twenty fourteen  (year)" in result.stdout
    assert "    U.S. -> U S  (initialism)" in result.stdout
    raw = run("script", SAMPLE_TXT, "--no-normalize").stdout
    assert "on March 6 said" in raw and "U.S. Defense Secretary" in raw
    lexicon = tmp_path / "names.toml"
    lexicon.write_text('[words]\nBakhmut = "Bakhmoot"\n')
    assert "withdraw from Bakhmoot" in run("script", SAMPLE_TXT, "--lexicon", lexicon).stdout
    result = run("script", SAMPLE_TXT, "--lexicon", tmp_path / "missing.toml")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_script_no_clean_keeps_every_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Menu\nShopping list\nBuy 2 kg of apples.\n")
    assert run("script", notes, "--no-clean").stdout.split("\n\n") == ["Menu", "Shopping list", "Buy two kilograms of apples.\n"]


def test_an_error_quoting_a_hostile_file_name_is_one_line_and_no_terminal_escape(tmp_path):
    for name in ("nope\nline.txt", "nope\x1b[31mred.txt", "nope\u2028x.txt"):
        result = subprocess.run([sys.executable, "-m", "reader", "extract", str(tmp_path / name)], capture_output=True, text=True)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "\x1b" not in result.stderr
        assert "no such file" in result.stderr and repr(name)[1:-1].split("\\")[0] in result.stderr


def test_the_wrote_line_escapes_control_characters_in_the_output_name(tmp_path, fake_voice):
    out = tmp_path / "new\nline\x1b[31m.mp3"
    result = runner.invoke(app, ["convert", str(SAMPLE_TXT), "-o", str(out), "--voice", fake_voice])
    assert result.exit_code == 0 and out.exists()
    wrote = [line for line in result.stderr.splitlines() if "Wrote" in line]
    assert len(wrote) == 1 and "new\\nline\\x1b[31m.mp3" in wrote[0] and "\x1b" not in result.stderr
