"""Loudness: every chunk brought to the target (EBU R128, -16 LUFS by default)
with peaks held under a ceiling.

Each chunk is measured (K-weighted, gated, BS.1770 via pyloudnorm), gained to
the target, passed through a look-ahead limiter (per 1.5 ms block, so it costs
little), and measured again to make up what the limiter took. Pauses are digital silence, which the R128 gate ignores, so a
narration whose chunks all sit at the target measures at the target, and no
pass over the whole file is needed: the encoder still streams.
"""

from __future__ import annotations

import numpy as np

DEFAULT_TARGET_LUFS = -16.0
DEFAULT_CEILING_DB = -2.5
"""Sample-peak ceiling before encoding: inter-sample peaks and lossy codecs add up to ~1 dB,
and the file's limit is -1 dBTP."""
_MIN_MEASURE_S = 0.5
_ATTACK_S = 0.005
_RELEASE_S = 0.05
_MAX_GAIN_DB = 40.0
_BLOCK = 32
"""Samples per limiter block (1.5 ms at 22 kHz): the gain is computed per block."""


def _db_to_gain(db: float) -> float:
    return float(10 ** (db / 20))


class LoudnessShaper:
    """Per-chunk loudness normalization and true-peak limiting at one sample rate."""

    def __init__(self, rate: int, target_lufs: float = DEFAULT_TARGET_LUFS, ceiling_db: float = DEFAULT_CEILING_DB):
        import pyloudnorm

        self.rate, self.target, self.ceiling = rate, target_lufs, _db_to_gain(ceiling_db)
        self._meter = pyloudnorm.Meter(rate)

    def measure(self, audio: np.ndarray) -> float:
        """Integrated loudness in LUFS; a chunk shorter than a gating block is measured repeated."""
        if not np.any(audio):
            return float("-inf")
        needed = int(self.rate * _MIN_MEASURE_S)
        if audio.size < needed:
            audio = np.tile(audio, needed // audio.size + 1)
        return float(self._meter.integrated_loudness(audio.astype(np.float64)))

    def _gain_envelope(self, peaks: np.ndarray, gain: float, size: int) -> np.ndarray:
        """Per-sample gain: ``gain``, reduced smoothly wherever a block would pass the ceiling."""
        from scipy.ndimage import minimum_filter1d, uniform_filter1d

        reduction = np.minimum(1.0, self.ceiling / np.maximum(peaks * gain, 1e-9))
        if reduction.min() >= 1.0:
            return np.full(size, gain, dtype=np.float32)
        attack = max(1, int(self.rate * _ATTACK_S / _BLOCK))
        release = max(1, int(self.rate * _RELEASE_S / _BLOCK))
        # Hold the strongest reduction around each peak (look-ahead and release), then smooth it.
        held = minimum_filter1d(reduction, size=2 * attack + release)
        smooth = np.minimum(uniform_filter1d(held, size=attack), reduction)
        return (np.repeat(smooth, _BLOCK)[:size] * gain).astype(np.float32)

    def shape(self, pcm: np.ndarray) -> np.ndarray:
        """An int16 chunk at the target loudness with its peaks under the ceiling."""
        audio = pcm.astype(np.float32) / 32768.0
        loudness = self.measure(audio)
        if not np.isfinite(loudness):
            return pcm
        padded = np.pad(np.abs(audio), (0, -audio.size % _BLOCK))
        peaks = padded.reshape(-1, _BLOCK).max(axis=1)
        gain_db = self.target - loudness
        shaped = audio
        for _ in range(6):  # the limiter lowers loudness a little: measure and make it up
            gain_db = float(np.clip(gain_db, -_MAX_GAIN_DB, _MAX_GAIN_DB))
            shaped = audio * self._gain_envelope(peaks, _db_to_gain(gain_db), audio.size)
            error = self.target - self.measure(shaped)
            if abs(error) < 0.2:
                break
            gain_db += 1.3 * error  # the limiter takes back part of any increase
        return np.round(np.clip(shaped, -1.0, 32767 / 32768) * 32768).astype(np.int16)
