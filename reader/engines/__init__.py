"""Speech engines behind one small interface (see ``base.py``), found by a registry.

Every module of this package named ``*_engine.py`` is an engine: it defines
``SPEC`` (an :class:`EngineSpec`) and imports its speech library only when a
voice is loaded, so listing engines is cheap and a missing optional library
fails with a message naming what to install. Adding an engine is adding one
such module (and its test).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..errors import EngineUnavailable
from ..types import VoicePreset
from .base import Engine, EngineSpec, VoiceInfo

_SUFFIX = "_engine"


def registry() -> dict[str, EngineSpec]:
    """Every engine module's spec by name, in a stable order.

    Python keeps imported modules, so asking again costs a directory listing.
    """
    specs: dict[str, EngineSpec] = {}
    # A plain listing, not pkgutil: importing pkgutil costs more than the rest of startup's engine work.
    names = {name[:-3] for folder in __path__ for name in os.listdir(folder) if name.endswith(f"{_SUFFIX}.py")}
    for module in sorted(names):
        spec = getattr(importlib.import_module(f"{__name__}.{module}"), "SPEC", None)
        if isinstance(spec, EngineSpec):
            specs[spec.name] = spec
    return specs


def engine_names() -> tuple[str, ...]:
    return tuple(registry())


def engine_spec(name: str) -> EngineSpec:
    """The spec of engine ``name``, or a clear error listing the known ones."""
    specs = registry()
    if name not in specs:
        raise EngineUnavailable(f"Unknown engine {name!r}; known engines: {', '.join(specs)}.")
    return specs[name]


def load_engine(preset: VoicePreset, *, threads: int | None = None, search_dirs: list[Path] | None = None) -> Engine:
    """Create the engine a preset names, with its voice loaded."""
    return engine_spec(preset.engine).load(preset, threads, search_dirs or [])


def engine_identity(preset: VoicePreset, *, search_dirs: list[Path] | None = None) -> str:
    """Everything that changes how a preset sounds, without loading it: the cache key's prefix."""
    from ..versions import package_version

    spec = engine_spec(preset.engine)
    engine_version = (package_version(spec.package) or "unknown") if spec.package else "builtin"
    voice = spec.voice_identity(preset, search_dirs or [])
    return f"{preset.engine}:{engine_version}:{voice}:{preset.rate}:{preset.volume}:{preset.pitch}"


def engine_voices(name: str, *, search_dirs: list[Path] | None = None) -> list[VoiceInfo]:
    """Every voice an engine offers on this machine."""
    return engine_spec(name).list_voices(search_dirs or [])


def claim_voice(spec: str, search_dirs: list[Path]) -> tuple[str, str] | None:
    """The (engine, voice) that recognizes a bare ``--voice`` value, asking the cheap engines first."""
    for engine in sorted(registry().values(), key=lambda e: e.claim_order):
        try:
            voice = engine.claims(spec, search_dirs)
        except EngineUnavailable:
            continue
        if voice is not None:
            return engine.name, voice
    return None


__all__ = [
    "Engine", "EngineSpec", "VoiceInfo", "claim_voice", "engine_identity", "engine_names", "engine_spec",
    "engine_voices", "load_engine", "registry",
]  # fmt: skip
