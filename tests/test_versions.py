"""reader.versions: versions read from dist-info folder names agree with importlib.metadata."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

from reader.versions import package_version


@pytest.mark.parametrize("name", ["piper-tts", "typer", "numpy", "reader", "kokoro_onnx", "Pillow"])
def test_agrees_with_importlib_metadata(name):
    assert package_version(name) == version(name)


def test_name_spellings_are_one_distribution(tmp_path, monkeypatch):
    (tmp_path / "Some_Odd.Package-2.0.1.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    for spelling in ("some-odd-package", "Some.Odd_Package", "SOME_ODD_PACKAGE"):
        assert package_version(spelling) == "2.0.1"


def test_missing_package_is_none(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "gone")])
    assert package_version("no-such-distribution-here") is None
