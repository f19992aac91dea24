"""Kokoro-82M: a small neural TTS model that sounds more natural than Piper's medium voices.

An extra (``pip install 'reader[kokoro]'``, which brings ``kokoro-onnx``; its
phonemes come from espeak-ng as shipped by the ``espeakng-loader`` wheel, so no
system package is needed). The model and its voice styles are not bundled:
``reader voices download kokoro`` fetches them (checked against pinned
SHA-256 digests) into ``kokoro/`` in the voices folder. Voices are asked for
explicitly, ``--voice kokoro:af_heart``; ``kokoro:af_heart+af_bella`` averages
the style vectors of several voices. A voice's first letter is its language.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineError, EngineUnavailable, VoiceNotFound
from ..types import VoicePreset
from .base import EngineSpec, VoiceInfo, to_int16

if TYPE_CHECKING:
    import numpy as np

    from ..download import Progress

SAMPLE_RATE = 24000
FOLDER = "kokoro"
"""The sub-folder of a voices folder that holds the model and its voice styles."""
DEFAULT_URL = "https://github.com/thewh1teagle/kokoro-onnx/releases/download/model-files-v1.0/"
MODEL_FILE = "kokoro-v1.0.int8.onnx"
VOICES_FILE = "voices-v1.0.bin"
FILES = (
    (VOICES_FILE, 28214398, "bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d"),
    (MODEL_FILE, 92361271, "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"),
)
"""(name, size, SHA-256) of the kokoro-onnx release assets. The int8 model: a third of the
fp32 model's size (88 MiB), its memory too, and the same voice."""
LANGUAGES = (
    ("a", "en-us"), ("b", "en-gb"), ("e", "es"), ("f", "fr-fr"), ("h", "hi"),
    ("i", "it"), ("j", "ja"), ("p", "pt-br"), ("z", "cmn"),
)  # fmt: skip
"""Kokoro names voices by language: ``af_heart`` is American English, ``jf_alpha`` Japanese."""


def model_files(search_dirs: list[Path]) -> tuple[Path, Path]:
    """(model, voice styles) from the first voices folder that has both, or a clear error."""
    for folder in search_dirs:
        kokoro = folder / FOLDER
        models = sorted(kokoro.glob("*.onnx"), key=lambda p: (p.name != MODEL_FILE, p.name))
        styles = sorted([*kokoro.glob("voices*.bin"), *kokoro.glob("*.npz")], key=lambda p: (p.name != VOICES_FILE, p.name))
        if models and styles:
            return models[0], styles[0]
    raise EngineUnavailable("The Kokoro model is not downloaded; get it with: reader voices download kokoro")


def voice_names(voice: str) -> list[str]:
    """``af_heart+af_bella`` -> its voices; an empty name is an error."""
    names = [n.strip() for n in voice.split("+")]
    if not voice or not all(names):
        raise VoiceNotFound(f"Kokoro voice {voice!r} is not a voice name; try kokoro:af_heart.")
    return names


def language_of(name: str) -> str:
    """espeak's language for a Kokoro voice, from its first letter (American English if unknown)."""
    return dict(LANGUAGES).get(name[:1], "en-us")


def list_voices(search_dirs: list[Path]) -> list[VoiceInfo]:
    import numpy as np

    _, styles = model_files(search_dirs)
    try:
        with np.load(styles) as data:  # an npz archive: listing its names reads no arrays
            names = sorted(data.files)
    except (OSError, ValueError) as exc:
        raise EngineUnavailable(f"Kokoro voice styles {styles} can't be read: {exc}") from exc
    return [VoiceInfo("kokoro", n, n, (language_of(n),), "Kokoro-82M") for n in names]


def blend(styles, names: list[str]) -> np.ndarray:
    """The voice's style vectors; several voices are averaged (a blend)."""
    import numpy as np

    missing = [n for n in names if n not in styles.files]
    if missing:
        shown = ", ".join(sorted(styles.files)[:12])
        raise VoiceNotFound(f"Kokoro has no voice {missing[0]!r}; voices: {shown}...")
    return np.mean([np.asarray(styles[n], dtype=np.float32) for n in names], axis=0)


class KokoroEngine:
    name = "kokoro"
    sample_rate = SAMPLE_RATE

    def __init__(self, preset: VoicePreset, threads: int | None = None, search_dirs: list[Path] | None = None) -> None:
        try:
            import numpy as np
            import onnxruntime
            from kokoro_onnx import Kokoro
        except ImportError as exc:
            raise EngineUnavailable("Kokoro is not installed; install it with: pip install 'reader[kokoro]'") from exc
        names = voice_names(preset.voice)
        model, styles = model_files(search_dirs or [])
        try:
            options = onnxruntime.SessionOptions()
            options.enable_mem_pattern = False  # every chunk has a new length; see the Piper engine
            if threads:
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
            session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
            self._kokoro = Kokoro.from_session(session, str(styles))
        except Exception as exc:  # onnxruntime, numpy and espeak loading raise their own errors
            raise EngineUnavailable(f"The Kokoro model {model.name} could not be loaded: {exc}") from exc
        with np.load(styles) as data:
            self._style = blend(data, names)
        self._lang = language_of(names[0])
        self._speed = preset.rate
        self._volume = preset.volume

    def synthesize(self, text: str) -> np.ndarray:
        import numpy as np

        try:
            audio, _ = self._kokoro.create(text, voice=self._style, speed=self._speed, lang=self._lang)
        except Exception as exc:  # phonemizer, tokenizer and onnxruntime errors alike
            raise EngineError(f"Kokoro failed on the text {text[:60]!r}: {exc}") from exc
        audio = np.asarray(audio, dtype=np.float32).ravel()
        if audio.size == 0:
            raise EngineError(f"Kokoro produced no audio for the text {text[:60]!r}.")
        return to_int16(audio, self._volume)

    def close(self) -> None:
        self._kokoro = None


def _voice_identity(preset: VoicePreset, search_dirs: list[Path]) -> str:
    model, styles = model_files(search_dirs)
    parts = [f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}" for p in (model, styles)]
    return ":".join([*parts, preset.voice])


def download(progress: Progress | None = None) -> list[Path]:
    """Fetch the model and voice styles into the install folder (all or nothing, checksums pinned)."""
    from ..download import RemoteFile, install_files
    from ..voices import install_dir

    base = os.environ.get("READER_KOKORO_URL") or DEFAULT_URL
    base = base if base.endswith("/") else f"{base}/"
    files = [RemoteFile(f"{base}{name}", name, size, sha256=digest) for name, size, digest in FILES]
    return install_files(files, install_dir() / FOLDER, progress=progress)


def remove() -> Path:
    """Delete the downloaded model and voice styles; returns the folder removed."""
    from ..voices import install_dir

    folder = install_dir() / FOLDER
    if not folder.is_dir():
        raise VoiceNotFound(f"Kokoro is not downloaded in {folder}.")
    shutil.rmtree(folder)
    return folder


SPEC = EngineSpec(
    name="kokoro",
    load=lambda preset, threads, search_dirs: KokoroEngine(preset, threads=threads, search_dirs=search_dirs),
    voice_identity=_voice_identity,
    list_voices=list_voices,
    # No bare --voice claims: Kokoro voices are always written kokoro:NAME.
    claim_order=60,
    package="kokoro-onnx",
    words_per_minute=165.0,
    languages=("en", "es", "fr", "hi", "it", "ja", "pt", "zh"),
    imports=("numpy", "onnxruntime"),
    default_voice="af_heart",
    description="Kokoro-82M neural voices (ONNX), offline after 'reader voices download kokoro'",
)
