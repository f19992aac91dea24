"""The whole contract between reader and a speech engine.

An engine turns one chunk of text into mono 16-bit PCM at its own sample
rate. It is created once per process (loading a voice is the slow part) and
closed when the run ends. A new engine is one module with a class that has
these members and a ``list_voices()`` function, registered in ``__init__``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


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


def to_int16(audio: np.ndarray, volume: float = 1.0) -> np.ndarray:
    """Float samples in [-1, 1] to int16, scaled by ``volume`` and clipped."""
    scaled = np.clip(np.asarray(audio, dtype=np.float32) * volume, -1.0, 1.0)
    return (scaled * 32767.0).astype(np.int16)
