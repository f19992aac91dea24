"""The whole contract between reader and a speech engine.

An engine turns one chunk of text into mono 16-bit PCM at its own sample
rate. It is created once per process (loading a voice is the slow part) and
closed when the run ends. A new engine is one module named ``*_engine.py``
in this package that defines ``SPEC``, an :class:`EngineSpec` saying how to
load it, which ``--voice`` values it claims, what its cache identity is,
which voices it has, its pace and what it can do. The registry
(``__init__``) finds it; nothing else needs to change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy is only needed when audio is made, not to list engines
    import numpy as np

    from ..types import VoicePreset


@dataclass(frozen=True)
class VoiceInfo:
    """One voice an engine offers, as ``reader voices`` lists it."""

    engine: str
    id: str
    """What ``--voice`` accepts to pick it."""
    name: str
    languages: tuple[str, ...] = ()
    detail: str = ""


class Engine(Protocol):
    name: str
    """The registry name: ``piper``, ``pyttsx3``, ``fake``."""
    sample_rate: int
    """Hz of the PCM that ``synthesize`` returns."""

    def synthesize(self, text: str) -> np.ndarray:
        """Render ``text``; returns a 1-D int16 array, never empty (raise EngineError instead)."""
        ...

    def close(self) -> None:
        """Release the voice; the engine is not used afterwards."""
        ...


def _claims_nothing(spec: str, search_dirs: list[Path]) -> str | None:
    return None


def _no_voices(search_dirs: list[Path]) -> list[VoiceInfo]:
    return []


@dataclass(frozen=True)
class EngineSpec:
    """One engine as the registry knows it; every engine module defines one as ``SPEC``."""

    name: str
    """The name presets and ``engine:voice`` use."""
    load: Callable[["VoicePreset", int | None, list[Path]], Engine]
    """(preset, threads, voice folders) -> a ready engine; slow, so called only on a cache miss."""
    voice_identity: Callable[["VoicePreset", list[Path]], str]
    """What distinguishes this preset's voice on disk (file name, size, mtime), without loading it."""
    list_voices: Callable[[list[Path]], list[VoiceInfo]] = _no_voices
    claims: Callable[[str, list[Path]], str | None] = _claims_nothing
    """A bare ``--voice`` value this engine recognizes (a model path, a voice id), as its own
    voice name; None when it is not this engine's. Engines are asked in ``claim_order``."""
    claim_order: int = 50
    """Cheap, certain claims (a file path) go before costly ones (asking the system's voices)."""
    package: str | None = None
    """The distribution whose version is part of the cache identity (None: built in)."""
    words_per_minute: float = 175.0
    """Speaking pace at rate 1.0, for the quality gate's length check."""
    pitch: bool = False
    """Whether presets' ``pitch`` means anything to this engine."""
    languages: tuple[str, ...] = ()
    """Languages its voices speak (ISO 639-1); empty: whatever its voices list."""
    processes: bool = True
    """Heavy enough (a neural model) to be worth a process per core; False runs inline."""
    fork_loaded: bool = False
    """A voice loaded with one thread may be forked into chunk workers (it started no thread and
    holds no lock a child could need), so they share its weights instead of each loading a copy."""
    imports: tuple[str, ...] = ()
    """Modules ``load`` needs, imported on the calling thread before a warm-up's thread starts
    (``reader.warmup``): imports hold the GIL, building a model mostly does not, so the build
    then overlaps the rest of the preparation instead of queueing behind its imports."""
    default_voice: str = ""
    description: str = ""


def to_int16(audio: np.ndarray, volume: float = 1.0) -> np.ndarray:
    """Float samples in [-1, 1] to int16, scaled by ``volume`` and clipped."""
    import numpy as np

    scaled = np.clip(np.asarray(audio, dtype=np.float32) * volume, -1.0, 1.0)
    return (scaled * 32767.0).astype(np.int16)
