"""Voice presets: ``voices/*.toml`` files that say which engine and voice to use.

A preset file::

    description = "Piper neural voice, US English male"
    engine = "piper"          # piper | pyttsx3
    voice = "en_US-joe-medium"  # engine voice id, Piper model name or path
    rate = 1.0                # 0.5 - 2.0
    volume = 1.0
    pitch = 50                # engines that support it (pyttsx3)
    language = "en"           # the articles it reads: picked for them when --voice is not given
    speaker = 3               # multi-speaker Piper voices: the speaker's number or name
    [pauses]                  # milliseconds of silence after each unit
    title = 1100
    heading = 850
    paragraph = 650
    sentence = 280
    clause = 120

Presets are searched in the folders of ``READER_VOICES_PATH``, then the user's
config folder (``reader voices`` prints it), then the presets shipped with
reader; the first file of a name wins, so a user can override a preset.

Downloaded voices go to :func:`install_dir`. When ``--voice`` is not given,
:func:`voice_for_language` picks one for the article's language.
"""

from __future__ import annotations

import os
import tomllib
import warnings
from dataclasses import asdict, fields, replace
from importlib import resources
from pathlib import Path

from .errors import ReaderWarning, UsageError, VoiceNotFound
from .language import language_code
from .types import Pauses, VoicePreset

DEFAULT_PRESET = "joe"
_PRESET_KEYS = {"description", "engine", "voice", "rate", "volume", "pitch", "pauses", "language", "speaker"}
SPEAKER_MARK = "#"
"""``NAME#SPEAKER``: a multi-speaker Piper voice's speaker is part of the voice id, so every
cache and batch identity that includes the voice tells the speakers apart."""
MIN_RATE, MAX_RATE = 0.5, 2.0
_FALLBACK = VoicePreset(name=DEFAULT_PRESET, engine="piper", voice="")
"""The template of engine voices when even the default preset's file is missing."""


def user_voice_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader")) / "voices"


def _env_dirs() -> list[Path]:
    return [Path(p).expanduser() for p in os.environ.get("READER_VOICES_PATH", "").split(os.pathsep) if p]


def install_dir() -> Path:
    """Where ``reader voices download`` installs: the first READER_VOICES_PATH folder when set.

    That folder is searched first, so what is installed is what ``--voice`` finds;
    and a test or CI run that sets it never writes to the user's own folder.
    """
    extra = _env_dirs()
    return extra[0] if extra else user_voice_dir()


def voice_dirs() -> list[Path]:
    """Folders searched for presets and Piper models, first match wins."""
    extra = _env_dirs()
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
    language = preset_language_key(data.get("language"), where)
    try:
        preset = VoicePreset(
            name=name,
            engine=data["engine"],
            voice=with_speaker(str(data.get("voice", "")), data.get("speaker"), data["engine"]),
            rate=float(data.get("rate", 1.0)),
            volume=float(data.get("volume", 1.0)),
            pitch=int(data["pitch"]) if "pitch" in data else None,
            pauses=Pauses(**{k: int(v) for k, v in pause_data.items()}),
            description=str(data.get("description", "")),
            path=path,
            language=language,
        )
    except (TypeError, ValueError) as exc:
        raise VoiceNotFound(f"Preset {where}: {exc}.") from exc
    check_rate(preset.rate)
    _check_preset_ranges(preset, where)
    return preset


MAX_PAUSE_MS = 10_000
"""Ten seconds: longer is a typo (100000000 ms would write hours of silence)."""


def _check_preset_ranges(preset: VoicePreset, where: str) -> None:
    """Values a typo could make absurd are refused with the preset's name, before any work."""
    for name, value in asdict(preset.pauses).items():
        if not 0 <= value <= MAX_PAUSE_MS:
            raise VoiceNotFound(f"Preset {where}: pause {name} = {value} ms is out of range; use 0 to {MAX_PAUSE_MS}.")
    if not 0.0 <= preset.volume <= 2.0:
        raise VoiceNotFound(f"Preset {where}: volume {preset.volume} is out of range; use 0.0 to 2.0.")
    if preset.pitch is not None and not 0 <= preset.pitch <= 100:
        raise VoiceNotFound(f"Preset {where}: pitch {preset.pitch} is out of range; use 0 to 100.")


def preset_language_key(value: object, where: str) -> str | None:
    """A preset's ``language`` (``de``, ``pt-BR``) as the language code articles carry (``de``, ``pt``)."""
    if value is None:
        return None
    code = language_code(value if isinstance(value, str) else None)
    if code is None:
        raise VoiceNotFound(f"Preset {where}: language must be a language code such as \"de\".")
    return code


def with_speaker(voice: str, speaker: object, engine: str) -> str:
    """The voice id with a multi-speaker voice's speaker (``NAME#3``, ``NAME#p239``)."""
    if speaker is None or speaker == "":
        return voice
    if engine != "piper":
        raise UsageError(f"{engine} voices have no speakers; a speaker is chosen for multi-speaker Piper voices.")
    text = str(speaker).strip()
    if not text or any(c.isspace() for c in text) or SPEAKER_MARK in text:
        raise UsageError(f"Speaker {speaker!r} is not a speaker number or name.")
    return f"{voice.split(SPEAKER_MARK)[0]}{SPEAKER_MARK}{text}"


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


def resolve_voice(
    spec: str | None, *, rate: float | None = None, pitch: int | None = None, speaker: str | int | None = None
) -> VoicePreset:
    """A preset for ``--voice``: a preset name, a Piper model path or name, or an engine voice id.

    ``engine:voice`` (``pyttsx3:gmw/en-us``) names an engine voice explicitly;
    ``speaker`` picks a speaker of a multi-speaker Piper voice.
    """
    return with_overrides(_find(spec or DEFAULT_PRESET), rate=rate, pitch=pitch, speaker=speaker)


def with_overrides(
    preset: VoicePreset, *, rate: float | None = None, pitch: int | None = None, speaker: str | int | None = None
) -> VoicePreset:
    """The command line's --rate, --pitch and --speaker applied to a preset, each checked."""
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
    if speaker is not None:
        from .engines.piper_engine import check_speaker

        preset = replace(preset, voice=with_speaker(preset.voice, speaker, preset.engine))
        check_speaker(preset.voice, voice_dirs())
    return preset


def _find(spec: str) -> VoicePreset:
    from .engines import claim_voice, engine_names

    presets = {p.name: p for p in list_presets()}
    if spec in presets:
        return presets[spec]
    base = presets.get(DEFAULT_PRESET, _FALLBACK)
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


def _engine_preset(
    presets: dict[str, VoicePreset], base: VoicePreset, engine: str, voice: str, name: str, language: str | None = None
) -> VoicePreset:
    """A preset for an engine voice: the pauses and pace of a preset of that engine if there is one.

    The template's language is not the voice's: only what is known (``language``) is kept.
    """
    template = next((p for p in presets.values() if p.engine == engine), base)
    return replace(template, name=name, engine=engine, voice=voice, pitch=None, path=None, description="", language=language)


def preset_language(preset: VoicePreset) -> str | None:
    return preset.language


def voice_for_language(
    language: str | None, *, rate: float | None = None, pitch: int | None = None, speaker: str | int | None = None
) -> VoicePreset:
    """The voice for an article in ``language`` when the user gave no ``--voice``.

    In order: the user's preset for that language; a shipped preset for it (the
    default ``joe`` is English); an installed Piper voice of that language (a
    downloaded catalogue voice); the espeak voice of that language, with a
    ReaderWarning naming a better voice to download. An unknown language gets
    the default preset. A non-English article is never given an English voice:
    with no voice for its language at all, VoiceNotFound says what to install.
    """
    code = language_code(language)
    preset = _preset_for(code) if code else _find(DEFAULT_PRESET)
    if preset is None:
        preset = _piper_voice_for(code) or _espeak_voice_for(code)
    return with_overrides(preset, rate=rate, pitch=pitch, speaker=speaker)


def _preset_for(code: str) -> VoicePreset | None:
    """The preset whose language is ``code``: the user's own first, then the default, then by name."""
    shipped = Path(str(resources.files("reader.presets")))
    matching = [p for p in list_presets() if preset_language(p) == code]
    matching.sort(key=lambda p: (p.path is not None and p.path.parent == shipped, p.name != DEFAULT_PRESET, p.name))
    return matching[0] if matching else None


def installed_piper_voices(code: str) -> list[Path]:
    """Installed Piper models (an .onnx with its .onnx.json) speaking ``code``, best quality first."""
    import json

    found: dict[str, tuple[int, Path]] = {}
    order = ("high", "medium", "low", "x_low")
    for folder in voice_dirs():
        for model in sorted(folder.glob("*.onnx")):
            try:
                config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError):
                continue  # not a Piper voice (or a broken one): never picked by itself
            if model.stem not in found and _config_language(config) == code:
                quality = str((config.get("audio") or {}).get("quality", ""))
                found[model.stem] = (order.index(quality) if quality in order else len(order), model)
    return [path for _, path in sorted(found.values())]


def _config_language(config: object) -> str | None:
    """A Piper config's language: ``language.family`` in current voices, the espeak voice in older ones."""
    if not isinstance(config, dict):
        return None
    language = config.get("language") if isinstance(config.get("language"), dict) else {}
    espeak = config.get("espeak") if isinstance(config.get("espeak"), dict) else {}
    return language_code(language.get("family") or language.get("code") or espeak.get("voice"))


def _piper_voice_for(code: str) -> VoicePreset | None:
    models = installed_piper_voices(code)
    if not models:
        return None
    presets = {p.name: p for p in list_presets()}
    return _engine_preset(presets, presets.get(DEFAULT_PRESET, _FALLBACK), "piper", str(models[0]), name=models[0].stem, language=code)


def _espeak_voice_for(code: str) -> VoicePreset:
    from .catalog import suggestion
    from .engines import engine_voices
    from .errors import EngineUnavailable

    try:
        voices = engine_voices("pyttsx3")
    except EngineUnavailable:
        voices = []
    exact = [v for v in voices if code in (language_code(lang) for lang in v.languages)]
    exact.sort(key=lambda v: (code not in v.languages, v.id))
    better = suggestion(code)
    how = f"reader voices download {better}" if better else f"reader voices --available --language {code}"
    if not exact:
        raise VoiceNotFound(f"No installed voice speaks this article's language ({code}); get one with '{how}', or choose one with --voice.")
    voice = exact[0].id
    warnings.warn(f"no neural voice for {code} is installed, reading with the espeak voice {voice}; for a better one: {how}", ReaderWarning, stacklevel=3)
    presets = {p.name: p for p in list_presets()}
    return _engine_preset(presets, presets.get(DEFAULT_PRESET, _FALLBACK), "pyttsx3", voice, name=f"pyttsx3:{voice}", language=code)

