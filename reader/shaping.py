"""Even pacing and level for any engine: trim and check each chunk (the session applies them).

Engines leave different amounts of silence around an utterance; it is
trimmed so the preset's pauses alone set the pacing. A quality gate then
compares the chunk's length with its text (words at the voice's pace): a
silent, truncated or runaway chunk is synthesized once more, and reported
with its text if it fails again, never kept. Finally the chunk is brought to
the loudness target (``reader.loudness``).
"""

from __future__ import annotations

import re

import numpy as np


_FRAME_S = 0.01
_SILENCE_DB = -45.0
"""Frames this far below the chunk's peak count as silence at its edges."""
_MARGIN_S = 0.02
_MIN_RATIO, _MAX_RATIO = 0.3, 3.5
_WORD = re.compile(r"\w+")
_FOREIGN = re.compile(r"[^\W\d_\u0000-\u024f]")
"""A letter outside the Latin script."""
PAUSE_COMPENSATION_LU = 0.7
"""R128 blocks that straddle a pause measure quieter, so a narration of chunks at
the target reads 0.6-0.9 LU under it (measured on Piper and espeak); chunks
aim this much higher."""


def trim(pcm: np.ndarray, rate: int) -> np.ndarray:
    """The chunk without the silence before its first and after its last sound."""
    frame = max(1, int(rate * _FRAME_S))
    usable = pcm[: pcm.size - pcm.size % frame].astype(np.float32)
    if usable.size == 0:
        return pcm
    peaks = np.abs(usable).reshape(-1, frame).max(axis=1)
    loud = np.flatnonzero(peaks > peaks.max() * 10 ** (_SILENCE_DB / 20))
    if loud.size == 0:
        return pcm[:0]
    margin = int(rate * _MARGIN_S)
    return pcm[max(0, loud[0] * frame - margin) : min(pcm.size, (loud[-1] + 1) * frame + margin)]


def problem(pcm: np.ndarray, rate: int, text: str, words_per_minute: float) -> str | None:
    """What is wrong with a chunk's audio for its text, or None."""
    if pcm.size < rate * 0.05 or not np.any(np.abs(pcm) > 30):
        return "silent"
    if _FOREIGN.search(text):
        return None  # a voice reading another script has no pace to compare with
    expected = max(0.3, len(_WORD.findall(text)) * 60.0 / words_per_minute)
    ratio = pcm.size / rate / expected
    if ratio < _MIN_RATIO:
        return f"truncated ({pcm.size / rate:.1f} s for about {expected:.1f} s of text)"
    if ratio > _MAX_RATIO:
        return f"runaway ({pcm.size / rate:.1f} s for about {expected:.1f} s of text)"
    return None
