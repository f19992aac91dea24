"""Output safety: an output never destroys the input, a device, a link or a folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest

from reader.assemble import Encoder, check_writable, install_copy
from reader.errors import ReaderError, UsageError

from . import ARTICLE, assert_one_line_error, reader_env, run_reader


def _encode(out: Path) -> None:
    with Encoder(out, "wav", 16000) as encoder:
        encoder.write(np.zeros(1600, dtype=np.int16))


def test_output_that_is_the_input_is_refused(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<p>hello</p>")
    (tmp_path / "link.html").symlink_to(page)
    os.link(page, tmp_path / "hard.html")
    for out in (page, tmp_path / "link.html", tmp_path / "hard.html"):
        with pytest.raises(UsageError, match="input"):
            check_writable(out, inputs=[str(page)])
    check_writable(tmp_path / "b.mp3", inputs=[str(page), "-", "https://example.org/x"])  # others are fine


@pytest.mark.parametrize("args", [["a.html", "-o", "a.html", "--format", "mp3"], ["notes.mp3"]])
def test_convert_never_overwrites_its_input(tmp_path, args):
    (tmp_path / "a.html").write_text("<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>")
    (tmp_path / "notes.mp3").write_text(ARTICLE)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    result = run_reader(["convert", *args, "--voice", "tones", "-q"], reader_env(tmp_path), cwd=tmp_path)
    assert_one_line_error(result, 2)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"out-{kind}.wav"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        try:  # a private copy of /dev/null: the real one must never be at risk in a test
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except (PermissionError, OSError):
            pytest.skip("can't create a device node here")
    return path


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_special_outputs_are_refused_and_kept(tmp_path, kind):
    path = _special(tmp_path, kind)
    mode = path.lstat().st_mode
    with pytest.raises(ReaderError, match="not a regular file|folder"):
        _encode(path)
    with pytest.raises(ReaderError, match="not a regular file|folder"):
        install_copy(Path(__file__), path)
    assert path.lstat().st_mode == mode
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_symlinked_output_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "narration.wav"
    target.write_bytes(b"old")
    link = tmp_path / "link.wav"
    link.symlink_to(target)
    _encode(link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes()[:4] == b"RIFF"
    install_copy(Path(__file__), link)
    assert link.is_symlink() and target.read_bytes() == Path(__file__).read_bytes()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["link.wav", "narration.wav", "real"]


def test_devnull_refused_by_the_cli(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(ARTICLE)
    result = run_reader(["convert", str(source), "-o", os.devnull, "--voice", "tones", "-q"], reader_env(tmp_path))
    assert_one_line_error(result)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_install_copy_installs_only_verified_bytes(tmp_path):
    import hashlib

    source = tmp_path / "cached.mp3"
    source.write_bytes(b"ID3 narration bytes")
    out = tmp_path / "out.mp3"
    out.write_bytes(b"the user's old file")
    with pytest.raises(ReaderError, match="damaged"):
        install_copy(source, out, digest="0" * 64)
    assert out.read_bytes() == b"the user's old file" and sorted(p.name for p in tmp_path.iterdir()) == ["cached.mp3", "out.mp3"]
    install_copy(source, out, digest=hashlib.blake2b(source.read_bytes(), digest_size=32).hexdigest())
    assert out.read_bytes() == source.read_bytes()
