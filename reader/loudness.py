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

from .options import DEFAULT_TARGET_LUFS

DEFAULT_CEILING_DB = -2.5
"""True-peak ceiling before encoding: lossy codecs add up to ~1 dB, and the file's
limit is -1 dBTP."""
_MIN_MEASURE_S = 0.5
_ATTACK_S = 0.005
_RELEASE_S = 0.05
_MAX_GAIN_DB = 40.0
_BLOCK = 32
"""Samples per limiter block (1.5 ms at 22 kHz): the gain is computed per block."""


# Half-sample interpolator (Hann-windowed sinc, 8 taps): the value between two
# samples, where a true peak hides; cheaper than full 4x oversampling.
_OFFSETS = np.arange(-3.5, 4.0, 1.0)
_HALF_SAMPLE = np.sinc(_OFFSETS) * (0.5 + 0.5 * np.cos(np.pi * _OFFSETS / 4.5))
_HALF_SAMPLE /= _HALF_SAMPLE.sum()


def _true_peaks(audio: np.ndarray) -> np.ndarray:
    """|sample| or the interpolated value just after it, whichever is larger."""
    between = np.convolve(audio, _HALF_SAMPLE[::-1], mode="full")[4 : 4 + audio.size]
    return np.maximum(np.abs(audio), np.abs(between))


def _db_to_gain(db: float) -> float:
    return float(10 ** (db / 20))


class LoudnessShaper:
    """Per-chunk loudness normalization and true-peak limiting at one sample rate."""

    def __init__(self, rate: int, target_lufs: float = DEFAULT_TARGET_LUFS, ceiling_db: float = DEFAULT_CEILING_DB):
        import pyloudnorm  # noqa: F401 - its K-weighting filter design is used

        self.rate, self.target, self.ceiling = rate, target_lufs, _db_to_gain(ceiling_db)
        self._meter = pyloudnorm.Meter(rate)

    def measure(self, audio: np.ndarray) -> float:
        """Integrated loudness in LUFS (K-weighted, gated, mono)."""
        return self._gated(self._k_power(audio))

    def _k_power(self, audio: np.ndarray) -> np.ndarray:
        """Per-sample K-weighted power; a chunk shorter than a gating block is repeated."""
        needed = int(self.rate * _MIN_MEASURE_S)
        if 0 < audio.size < needed:
            audio = np.tile(audio, needed // audio.size + 1)
        weighted = audio.astype(np.float64)
        for stage in self._meter._filters.values():  # pyloudnorm's BS.1770 K-weighting stages
            weighted = stage.apply_filter(weighted)
        return weighted**2

    def _gated(self, power: np.ndarray) -> float:
        """BS.1770 gating over 400 ms blocks with a 100 ms hop."""
        hop = int(self.rate * 0.1)
        if power.size < 4 * hop or not np.any(power):
            return float("-inf")
        steps = power[: power.size - power.size % hop].reshape(-1, hop).mean(axis=1)
        blocks = np.convolve(steps, np.full(4, 0.25), mode="valid")
        blocks = blocks[blocks > 10 ** ((-70 + 0.691) / 10)]  # absolute gate
        if blocks.size == 0:
            return float("-inf")
        relative = 10 * np.log10(blocks.mean()) - 10  # relative gate, in power units below
        blocks = blocks[blocks > 10 ** (relative / 10)]
        return float(-0.691 + 10 * np.log10(blocks.mean()))

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
        power = self._k_power(audio)
        loudness = self._gated(power)
        if not np.isfinite(loudness):
            return pcm
        padded = np.pad(_true_peaks(audio), (0, -audio.size % _BLOCK))
        peaks = padded.reshape(-1, _BLOCK).max(axis=1)
        gain_db = self.target - loudness
        for _ in range(8):  # the limiter lowers loudness a little: estimate and make it up
            gain_db = float(np.clip(gain_db, -_MAX_GAIN_DB, _MAX_GAIN_DB))
            envelope = self._gain_envelope(peaks, _db_to_gain(gain_db), audio.size)
            # The gain moves slowly next to K-weighting's filters, so weighting commutes with it.
            error = self.target - self._gated(power[: audio.size] * envelope.astype(np.float64) ** 2)
            if abs(error) < 0.05:
                break
            gain_db += 1.3 * error  # the limiter takes back part of any increase
        shaped = audio * envelope
        return np.round(np.clip(shaped, -1.0, 32767 / 32768) * 32768).astype(np.int16)
