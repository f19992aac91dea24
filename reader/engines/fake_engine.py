"""A deterministic engine for tests and dry runs: a tone per word.

It needs no model, runs in microseconds and produces audio whose length
follows the text (0.3 s per word at rate 1.0, separated by short gaps), so
tests can check durations, ordering and pauses on real decoded files.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path


from typing import TYPE_CHECKING

from ..errors import VoiceNotFound
from ..types import VoicePreset
from .base import EngineSpec, VoiceInfo, to_int16

if TYPE_CHECKING:  # numpy loads when audio is made, not when engines are listed
    import numpy as np

SAMPLE_RATE = 16000
WORD_S = 0.24
GAP_S = 0.06
_TONES = {"low": 220.0, "high": 440.0}


def list_voices(search_dirs: list[Path] | None = None) -> list[VoiceInfo]:
    return [VoiceInfo("fake", f"fake:{n}", f"Test tone ({hz:.0f} Hz)") for n, hz in _TONES.items()]


class FakeEngine:
    name = "fake"
    sample_rate = SAMPLE_RATE

    def __init__(self, preset: VoicePreset, threads: int | None = None) -> None:
        tone = preset.voice.removeprefix("fake:")
        if tone not in _TONES:
            raise VoiceNotFound(f"Unknown fake voice {preset.voice!r}; use fake:low or fake:high.")
        self._hz = _TONES[tone]
        self._rate = preset.rate
        self._volume = preset.volume
        self.calls: list[str] = []
        # Tests of kill-and-resume need a batch slow enough to interrupt.
        self._delay = float(os.environ.get("READER_FAKE_DELAY_S", "0"))
        # Tests of crash handling need a worker that dies outright on one article.
        self._crash_word = os.environ.get("READER_FAKE_CRASH_WORD", "")

    def synthesize(self, text: str) -> np.ndarray:
        import numpy as np

        self.calls.append(text)
        if self._crash_word and self._crash_word in text:
            os._exit(70)  # like a segfault in a speech library: no cleanup, no exception
        if self._delay:
            time.sleep(self._delay)
        words = max(1, len(re.findall(r"\w+", text)))
        word = np.sin(2 * np.pi * self._hz * np.arange(int(SAMPLE_RATE * WORD_S / self._rate)) / SAMPLE_RATE)
        gap = np.zeros(int(SAMPLE_RATE * GAP_S / self._rate))
        return to_int16(np.tile(np.concatenate([word * 0.5, gap]), words), self._volume)

    def close(self) -> None:
        pass


SPEC = EngineSpec(
    name="fake",
    load=lambda preset, threads, search_dirs: FakeEngine(preset, threads=threads),
    voice_identity=lambda preset, search_dirs: preset.voice,
    list_voices=list_voices,
    words_per_minute=200.0,
    pitch=True,
    processes=False,
    description="Test tones, one per word (tests and dry runs)",
)
