"""Voice presets: ``voices/*.toml`` files that say which engine and voice to use.

A preset file::

    description = "Piper neural voice, US English male"
    engine = "piper"          # piper | pyttsx3
    voice = "en_US-joe-medium"  # engine voice id, Piper model name or path
    rate = 1.0                # 0.5 - 2.0
    volume = 1.0
    pitch = 50                # engines that support it (pyttsx3)
    [pauses]                  # milliseconds of silence after each unit
    title = 1100
    heading = 850
    paragraph = 650
    sentence = 280
    clause = 120

Presets are searched in the folders of ``READER_VOICES_PATH``, then the user's
config folder (``reader voices`` prints it), then the presets shipped with
reader; the first file of a name wins, so a user can override a preset.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import fields, replace
from importlib import resources
from pathlib import Path

from .errors import UsageError, VoiceNotFound
from .types import Pauses, VoicePreset

DEFAULT_PRESET = "joe"
_PRESET_KEYS = {"description", "engine", "voice", "rate", "volume", "pitch", "pauses"}
MIN_RATE, MAX_RATE = 0.5, 2.0


def user_voice_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader")) / "voices"


def voice_dirs() -> list[Path]:
    """Folders searched for presets and Piper models, first match wins."""
    extra = [Path(p) for p in os.environ.get("READER_VOICES_PATH", "").split(os.pathsep) if p]
    shipped = Path(str(resources.files("reader.presets")))
    return [d for d in [*extra, user_voice_dir(), shipped] if d.is_dir()]


def preset_from_dict(name: str, data: dict, path: Path | None = None) -> VoicePreset:
    """Build a preset, rejecting unknown keys and out-of-range values."""
    where = str(path) if path else name
    unknown = set(data) - _PRESET_KEYS
    if unknown:
        raise VoiceNotFound(f"Preset {where}: unknown key(s) {', '.join(sorted(unknown))}.")
    from .engines import engine_names

    if data.get("engine") not in engine_names():
        raise VoiceNotFound(f"Preset {where}: engine must be one of {', '.join(engine_names())}.")
    pause_data = data.get("pauses", {})
    pause_keys = {f.name for f in fields(Pauses)}
    if not isinstance(pause_data, dict) or set(pause_data) - pause_keys:
        raise VoiceNotFound(f"Preset {where}: [pauses] takes only {', '.join(sorted(pause_keys))}.")
    try:
        preset = VoicePreset(
            name=name,
            engine=data["engine"],
            voice=str(data.get("voice", "")),
            rate=float(data.get("rate", 1.0)),
            volume=float(data.get("volume", 1.0)),
            pitch=int(data["pitch"]) if "pitch" in data else None,
            pauses=Pauses(**{k: int(v) for k, v in pause_data.items()}),
            description=str(data.get("description", "")),
            path=path,
        )
    except (TypeError, ValueError) as exc:
        raise VoiceNotFound(f"Preset {where}: {exc}.") from exc
    check_rate(preset.rate)
    return preset


def check_rate(rate: float) -> None:
    if not MIN_RATE <= rate <= MAX_RATE:
        raise VoiceNotFound(f"Rate {rate} is out of range; use {MIN_RATE} to {MAX_RATE}.")


def load_preset_file(path: Path) -> VoicePreset:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VoiceNotFound(f"Preset {path} can't be read: {exc}.") from exc
    return preset_from_dict(path.stem, data, path)


def list_presets() -> list[VoicePreset]:
    """Every preset found, first of each name, sorted by name."""
    found: dict[str, VoicePreset] = {}
    for folder in voice_dirs():
        for path in sorted(folder.glob("*.toml")):
            if path.stem not in found and path.name != "lexicon.toml":  # normalize.lexicon.LEXICON_NAME
                found[path.stem] = load_preset_file(path)
    return sorted(found.values(), key=lambda p: p.name)


def resolve_voice(spec: str | None, *, rate: float | None = None, pitch: int | None = None) -> VoicePreset:
    """A preset for ``--voice``: a preset name, a Piper model path or name, or an engine voice id.

    ``engine:voice`` (``pyttsx3:gmw/en-us``) names an engine voice explicitly.
    """
    preset = _find(spec or DEFAULT_PRESET)
    if rate is not None:
        check_rate(rate)
        preset = replace(preset, rate=rate)
    if pitch is not None:
        from .engines import engine_spec

        if not engine_spec(preset.engine).pitch:
            raise UsageError(f"{preset.engine} voices have no pitch setting; --pitch works with pyttsx3 voices (e.g. --voice espeak).")
        if not 0 <= pitch <= 100:
            raise UsageError(f"Pitch {pitch} is out of range; use 0 to 100.")
        preset = replace(preset, pitch=pitch)
    return preset


def _find(spec: str) -> VoicePreset:
    from .engines import claim_voice, engine_names

    presets = {p.name: p for p in list_presets()}
    if spec in presets:
        return presets[spec]
    base = presets.get(DEFAULT_PRESET, VoicePreset(name=DEFAULT_PRESET, engine="piper", voice=""))
    engine, _, voice = spec.partition(":")
    if voice and engine in engine_names():
        return _engine_preset(presets, base, engine, voice, name=spec)
    claimed = claim_voice(spec, voice_dirs())
    if claimed is not None:
        name = Path(spec).stem if spec.endswith(".onnx") else spec
        return _engine_preset(presets, base, claimed[0], claimed[1], name=name)
    path = Path(spec).expanduser()
    if path.suffix == ".onnx":
        if not path.is_file():
            raise VoiceNotFound(f"Voice model {path} does not exist.")
        raise VoiceNotFound(f"No engine can use {path}: a Piper voice needs its config file {path.name}.json beside it.")
    names = ", ".join(sorted(presets)) or "none"
    raise VoiceNotFound(
        f"Unknown voice {spec!r}. Presets: {names}. "
        "Run 'reader voices' to list every engine voice, or give a path to a Piper .onnx model."
    )


def _engine_preset(presets: dict[str, VoicePreset], base: VoicePreset, engine: str, voice: str, name: str) -> VoicePreset:
    """A preset for an engine voice: the pauses and pace of a preset of that engine if there is one."""
    template = next((p for p in presets.values() if p.engine == engine), base)
    return replace(template, name=name, engine=engine, voice=voice, pitch=None, path=None, description="")
