"""Loudness: every chunk brought to the target (EBU R128, -16 LUFS by default)
with peaks held under a ceiling.

Each chunk is measured (K-weighted, gated, BS.1770), gained to
the target, passed through a look-ahead limiter (per 1.5 ms block, so it costs
little), and measured again to make up what the limiter took. Pauses are digital silence, which the R128 gate ignores, so a
narration whose chunks all sit at the target measures at the target, and no
pass over the whole file is needed: the encoder still streams.

Only numpy is used: pyloudnorm and scipy cost ~0.6 s of CPU to import, paid on
every narration on the cores the engine needs (the BS.1770 filters and the
limiter's running minimum and mean are a few lines here, equal to theirs).
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
_K_STAGES = (("high_shelf", 4.0, 1 / np.sqrt(2), 1500.0), ("high_pass", 0.0, 0.5, 38.0))
"""BS.1770's K-weighting as two RBJ biquads (kind, gain dB, Q, Hz), as pyloudnorm designs it."""
_DECAYED = 1e-18
"""The K-weighting's impulse response is cut where it has fallen this far below its peak."""


def _true_peaks(audio: np.ndarray) -> np.ndarray:
    """|sample| or the interpolated value just after it, whichever is larger."""
    between = np.convolve(audio, _HALF_SAMPLE[::-1], mode="full")[4 : 4 + audio.size]
    return np.maximum(np.abs(audio), np.abs(between))


def _db_to_gain(db: float) -> float:
    return float(10 ** (db / 20))


def _biquad(kind: str, gain_db: float, q: float, hz: float, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """(b, a) of an RBJ cookbook high shelf or high pass, normalized so a[0] is 1."""
    amp, w0 = 10 ** (gain_db / 40.0), 2.0 * np.pi * hz / rate
    alpha, cos = np.sin(w0) / (2.0 * q), np.cos(w0)
    if kind == "high_shelf":
        root = 2 * np.sqrt(amp) * alpha
        b = [amp * ((amp + 1) + (amp - 1) * cos + root), -2 * amp * ((amp - 1) + (amp + 1) * cos),
             amp * ((amp + 1) + (amp - 1) * cos - root)]  # fmt: skip
        a = [(amp + 1) - (amp - 1) * cos + root, 2 * ((amp - 1) - (amp + 1) * cos), (amp + 1) - (amp - 1) * cos - root]
    else:  # high pass
        b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
        a = [1 + alpha, -2 * cos, 1 - alpha]
    return np.array(b) / a[0], np.array(a) / a[0]


def _k_weighting(rate: int) -> np.ndarray:
    """The K-weighting filter's impulse response, run out until it has decayed (a few thousand samples).

    Both stages are stable, so filtering is convolving with this response.
    """
    response = np.zeros(rate)  # one second: the 38 Hz high pass decays long before
    response[0] = 1.0
    for kind, gain_db, q, hz in _K_STAGES:
        (b0, b1, b2), (_, a1, a2) = _biquad(kind, gain_db, q, hz, rate)
        x1 = x2 = y1 = y2 = 0.0
        for n, x in enumerate(response.tolist()):
            y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x1, x2, y1, y2 = x, x1, y, y1
            response[n] = y
    loud = np.flatnonzero(np.abs(response) > np.abs(response).max() * _DECAYED)
    return response[: loud[-1] + 1]


class _Convolver:
    """Convolution with one fixed response by overlap-save: FFT frames of a fixed size whose
    spectrum of the response is computed once (faster than scipy's IIR filter on a chunk)."""

    def __init__(self, response: np.ndarray) -> None:
        self.size = max(1 << 14, 1 << (4 * response.size - 1).bit_length())
        self.overlap = response.size - 1
        self.step = self.size - self.overlap
        self._spectrum = np.fft.rfft(response, self.size)

    def __call__(self, audio: np.ndarray) -> np.ndarray:
        """``audio`` convolved with the response, cut to its own length."""
        frames = -(-audio.size // self.step)
        padded = np.zeros(frames * self.step + self.overlap)
        padded[self.overlap : self.overlap + audio.size] = audio
        windows = np.lib.stride_tricks.sliding_window_view(padded, self.size)[:: self.step][:frames]
        spectra = np.fft.rfft(windows, axis=1) * self._spectrum
        return np.fft.irfft(spectra, self.size, axis=1)[:, self.overlap :].reshape(-1)[: audio.size]


def _padded(values: np.ndarray, size: int) -> np.ndarray:
    """``values`` mirrored at both ends for a centred window of ``size`` (scipy.ndimage's "reflect")."""
    return np.pad(values, (size // 2, size - 1 - size // 2), mode="symmetric")


def _running_min(values: np.ndarray, size: int) -> np.ndarray:
    """The minimum over a centred window of ``size`` at each position (scipy's minimum_filter1d).

    Van Herk/Gil-Werman: minima accumulated forwards and backwards within
    blocks of ``size``; any window spans one block's tail and the next one's head.
    """
    padded = _padded(values, size)
    rows = -(-padded.size // size)
    blocks = np.full(rows * size, np.inf)
    blocks[: padded.size] = padded
    blocks = blocks.reshape(rows, size)
    forwards = np.minimum.accumulate(blocks, axis=1).reshape(-1)
    backwards = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].reshape(-1)
    return np.minimum(backwards[: values.size], forwards[size - 1 : size - 1 + values.size])


def _running_mean(values: np.ndarray, size: int) -> np.ndarray:
    """The mean over a centred window of ``size`` at each position, summed as scipy's
    uniform_filter1d sums it (a running sum), so the result is the same to the last bit."""
    padded = _padded(values.astype(np.float64), size)
    first = 0.0
    for value in padded[:size].tolist():
        first += value
    return np.cumsum(np.concatenate(([first], padded[size:] - padded[:-size]))) / size


class LoudnessShaper:
    """Per-chunk loudness normalization and true-peak limiting at one sample rate."""

    def __init__(self, rate: int, target_lufs: float = DEFAULT_TARGET_LUFS, ceiling_db: float = DEFAULT_CEILING_DB):
        self.rate, self.target, self.ceiling = rate, target_lufs, _db_to_gain(ceiling_db)
        self._k_weighted = _Convolver(_k_weighting(rate))

    def measure(self, audio: np.ndarray) -> float:
        """Integrated loudness in LUFS (K-weighted, gated, mono)."""
        return self._gated(self._k_power(audio))

    def _k_power(self, audio: np.ndarray) -> np.ndarray:
        """Per-sample K-weighted power; a chunk shorter than a gating block is repeated."""
        needed = int(self.rate * _MIN_MEASURE_S)
        if 0 < audio.size < needed:
            audio = np.tile(audio, needed // audio.size + 1)
        return self._k_weighted(audio.astype(np.float64)) ** 2

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
        reduction = np.minimum(1.0, self.ceiling / np.maximum(peaks * gain, 1e-9))
        if reduction.min() >= 1.0:
            return np.full(size, gain, dtype=np.float32)
        attack = max(1, int(self.rate * _ATTACK_S / _BLOCK))
        release = max(1, int(self.rate * _RELEASE_S / _BLOCK))
        # Hold the strongest reduction around each peak (look-ahead and release), then smooth it.
        held = _running_min(reduction, 2 * attack + release)
        smooth = np.minimum(_running_mean(held, attack), reduction)
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
