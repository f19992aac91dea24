"""Speech engines behind one small interface (see ``base.py``).

The registry maps an engine name to a loader; engine libraries are imported
only when that engine is used, so a missing optional library fails with a
message naming what to install.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import EngineUnavailable
from ..types import VoicePreset
from .base import Engine, VoiceInfo

ENGINES = ("piper", "pyttsx3", "fake")


def load_engine(preset: VoicePreset, *, threads: int | None = None, search_dirs: list[Path] | None = None) -> Engine:
    """Create the engine a preset names, with its voice loaded."""
    if preset.engine == "piper":
        from .piper_engine import PiperEngine

        return PiperEngine(preset, threads=threads, search_dirs=search_dirs)
    if preset.engine == "pyttsx3":
        from .pyttsx3_engine import Pyttsx3Engine

        return Pyttsx3Engine(preset, threads=threads)
    if preset.engine == "fake":
        from .fake import FakeEngine

        return FakeEngine(preset, threads=threads)
    raise EngineUnavailable(f"Unknown engine {preset.engine!r}; known engines: {', '.join(ENGINES)}.")


def engine_identity(preset: VoicePreset, *, search_dirs: list[Path] | None = None) -> str:
    """Everything that changes how a preset sounds, without loading it: the cache key's prefix."""
    from importlib.metadata import PackageNotFoundError, version

    package = {"piper": "piper-tts", "pyttsx3": "pyttsx3"}.get(preset.engine)
    try:
        engine_version = version(package) if package else "builtin"
    except PackageNotFoundError:
        engine_version = "unknown"
    voice = preset.voice
    if preset.engine == "piper":
        from .piper_engine import find_model

        model = find_model(preset.voice, search_dirs or [])
        voice = f"{model.name}:{model.stat().st_size}:{int(model.stat().st_mtime)}"
    return f"{preset.engine}:{engine_version}:{voice}:{preset.rate}:{preset.volume}:{preset.pitch}"


def engine_voices(name: str, *, search_dirs: list[Path] | None = None) -> list[VoiceInfo]:
    """Every voice an engine offers on this machine."""
    if name == "piper":
        from .piper_engine import list_voices

        return list_voices(search_dirs or [])
    if name == "pyttsx3":
        from .pyttsx3_engine import list_voices

        return list_voices()
    if name == "fake":
        from .fake import list_voices

        return list_voices()
    raise EngineUnavailable(f"Unknown engine {name!r}; known engines: {', '.join(ENGINES)}.")


__all__ = ["ENGINES", "Engine", "VoiceInfo", "engine_identity", "engine_voices", "load_engine"]
