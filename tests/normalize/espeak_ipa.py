"""espeak-ng phonemes (IPA) for a word, from whichever espeak-ng this machine has.

piper-tts ships a bridge with its own data (offline); else the system
libespeak-ng through ctypes. ``phonemizer()`` is None where neither loads.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable


def _piper() -> Callable[[str], str]:
    from piper.phonemize_espeak import EspeakPhonemizer

    phonemizer = EspeakPhonemizer()
    return lambda text: " ".join("".join(clause) for clause in phonemizer.phonemize("en-us", text))


def _system() -> Callable[[str], str]:
    path = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    lib = ctypes.CDLL(path)
    if lib.espeak_Initialize(2, 0, None, 0) <= 0:  # AUDIO_OUTPUT_SYNCHRONOUS
        raise OSError("espeak_Initialize failed")
    lib.espeak_SetVoiceByName(b"en-us")
    lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
    lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]

    def phonemes(text: str) -> str:
        buffer = ctypes.c_char_p(text.encode("utf-8"))
        pointer, parts = ctypes.pointer(buffer), []
        while pointer.contents.value:
            parts.append(lib.espeak_TextToPhonemes(pointer, 1, 2).decode("utf-8"))  # UTF-8 in, IPA out
        return " ".join(parts)

    return phonemes


def phonemizer() -> tuple[Callable[[str], str] | None, str]:
    """The phonemes function and where it came from (or why there is none)."""
    reasons = []
    for name, load in (("piper espeakbridge", _piper), ("system libespeak-ng", _system)):
        try:
            return load(), name
        except Exception as exc:  # noqa: BLE001 -- any failure to load means: try the next one
            reasons.append(f"{name}: {exc}")
    return None, "; ".join(reasons)
