"""The Piper voice catalogue: list, download and remove Piper's published voices.

The catalogue is the repository's ``voices.json`` (key, language, quality,
speakers, and every file's size and MD5), fetched from
``READER_PIPER_VOICES_URL`` (default: the Piper voices on Hugging Face) and
cached in the user's cache folder for a day. A stale cache is refreshed; when
the server can't be reached the cache is used anyway, with one warning.

Voices are installed into :func:`reader.voices.install_dir` as
``NAME.onnx`` + ``NAME.onnx.json`` (+ ``NAME.model-card.txt``, which holds the
voice's licence), where ``--voice NAME`` finds them.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .download import DownloadError, Progress, RemoteFile, fetch_bytes, install_files
from .errors import ReaderWarning, VoiceNotFound

DEFAULT_BASE_URL = "https://huggingface.co/rhasspy/piper-voices/resolve/main/"
MAX_AGE_S = 24 * 3600
"""The catalogue changes a few times a year; a day-old copy is fresh enough."""
QUALITY_ORDER = ("high", "medium", "low", "x_low")
MODEL_CARD_SUFFIX = ".model-card.txt"


@dataclass(frozen=True)
class CatalogVoice:
    """One voice of the catalogue."""

    key: str
    """``de_DE-thorsten-high``: what ``reader voices download`` and ``--voice`` take."""
    language: str
    """The locale code, ``de_DE``."""
    family: str
    """The language, ``de``."""
    language_name: str
    quality: str
    speakers: int
    files: tuple[RemoteFile, ...]
    aliases: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return sum(f.size or 0 for f in self.files)


def base_url() -> str:
    url = os.environ.get("READER_PIPER_VOICES_URL") or DEFAULT_BASE_URL
    return url if url.endswith("/") else f"{url}/"


def cache_path(url: str) -> Path:
    """Where the catalogue of ``url`` is kept: one file per mirror, so switching mirrors never mixes them."""
    from .cache import default_cache_dir

    name = hashlib.sha256(url.encode()).hexdigest()[:16]
    return default_cache_dir().parent / "catalog" / f"piper-{name}.json"


def load_catalog(*, refresh: bool = False) -> list[CatalogVoice]:
    """Every catalogue voice, sorted by key: from the cache while fresh, else from the server."""
    url = base_url()
    cached = cache_path(url)
    fresh = cached.is_file() and time.time() - cached.stat().st_mtime < MAX_AGE_S
    if fresh and not refresh:
        return parse_catalog(cached.read_bytes(), url)
    try:
        body = fetch_bytes(f"{url}voices.json")
        voices = parse_catalog(body, url)
    except DownloadError as exc:
        if not cached.is_file():
            raise DownloadError(f"The Piper voice catalogue is unavailable and not cached: {exc}") from exc
        warnings.warn(f"using the cached voice catalogue ({exc})", ReaderWarning, stacklevel=2)
        return parse_catalog(cached.read_bytes(), url)
    _store(cached, body)
    return voices


def _store(path: Path, body: bytes) -> None:
    partial = path.with_suffix(f".{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(body)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # an unwritable cache only means fetching again next time


def parse_catalog(body: bytes, url: str) -> list[CatalogVoice]:
    """``voices.json`` to voices; entries without a model file are skipped, a broken file is an error."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DownloadError(f"The voice catalogue at {url} is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise DownloadError(f"The voice catalogue at {url} is not a voices.json.")
    voices = [v for v in (_voice(key, entry, url) for key, entry in data.items()) if v is not None]
    return sorted(voices, key=lambda v: v.key)


def _voice(key: str, entry: object, url: str) -> CatalogVoice | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), dict):
        return None
    language = entry.get("language") if isinstance(entry.get("language"), dict) else {}
    files = []
    for path, meta in entry["files"].items():
        meta = meta if isinstance(meta, dict) else {}
        name = _installed_name(key, path)
        if name is not None:
            files.append(RemoteFile(f"{url}{path}", name, meta.get("size_bytes"), meta.get("md5_digest")))
    if not any(f.name == f"{key}.onnx" for f in files) or not any(f.name == f"{key}.onnx.json" for f in files):
        return None
    # The config goes last: the voice becomes visible only when it is in place.
    files.sort(key=lambda f: (f.name.endswith(".onnx.json"), f.name.endswith(".onnx")))
    code = str(language.get("code") or key.split("-")[0])
    return CatalogVoice(
        key=key, language=code, family=str(language.get("family") or code.split("_")[0]),
        language_name=str(language.get("name_english") or ""), quality=str(entry.get("quality", "")),
        speakers=int(entry.get("num_speakers") or 1), files=tuple(files),
        aliases=tuple(a for a in entry.get("aliases", []) if isinstance(a, str)),
    )  # fmt: skip


def _installed_name(key: str, path: str) -> str | None:
    """The flat file name a repository file is installed under (None: not needed)."""
    base = path.rsplit("/", 1)[-1]
    if base in (f"{key}.onnx", f"{key}.onnx.json"):
        return base
    if base == "MODEL_CARD":
        return f"{key}{MODEL_CARD_SUFFIX}"
    return None


def available(language: str | None = None, *, refresh: bool = False) -> list[CatalogVoice]:
    """Catalogue voices, only those of ``language`` (``de`` or ``de_DE``) if given."""
    voices = load_catalog(refresh=refresh)
    if not language:
        return voices
    wanted = language.replace("-", "_").lower()
    return [v for v in voices if wanted in (v.family.lower(), v.language.lower())]


def find(name: str) -> CatalogVoice:
    for voice in load_catalog():
        if name == voice.key or name in voice.aliases:
            return voice
    raise VoiceNotFound(f"No voice {name!r} in the Piper catalogue; 'reader voices --available' lists them.")


def download(name: str, *, progress: Progress | None = None) -> list[Path]:
    """Install catalogue voice ``name`` into the install folder; returns the installed files."""
    from .voices import install_dir

    return install_files(list(find(name).files), install_dir(), progress=progress)


def remove(name: str) -> list[Path]:
    """Delete an installed voice's files from the install folder; returns what was removed."""
    from .voices import install_dir

    folder = install_dir()
    safe = name and "/" not in name and os.sep not in name and not name.startswith(".")
    paths = [folder / f"{name}{suffix}" for suffix in (".onnx.json", ".onnx", MODEL_CARD_SUFFIX)] if safe else []
    found = [p for p in paths if p.is_file()]
    if not found:
        raise VoiceNotFound(f"No downloaded voice {name!r} in {folder}.")
    for path in found:  # the config first, so a half-removed voice is never offered
        path.unlink()
    return found


def suggestion(language: str) -> str:
    """The best catalogue voice of a language from the cached catalogue (no network), for hints."""
    cached = cache_path(base_url())
    voices: list[CatalogVoice] = []
    if cached.is_file():
        try:
            voices = [v for v in parse_catalog(cached.read_bytes(), base_url()) if v.family == language]
        except DownloadError:
            voices = []
    if voices:
        best = min(voices, key=lambda v: (_rank(v.quality), v.speakers > 1, v.key))
        return best.key
    return KNOWN_GOOD.get(language, "")


def _rank(quality: str) -> int:
    # medium first: high models are 3x larger for a small gain; x_low sounds poor.
    order = ("medium", "high", "low", "x_low")
    return order.index(quality) if quality in order else len(order)


KNOWN_GOOD = MappingProxyType({
    "de": "de_DE-thorsten-high", "fr": "fr_FR-siwis-medium", "es": "es_ES-davefx-medium",
    "it": "it_IT-paola-medium", "nl": "nl_NL-mls-medium", "pl": "pl_PL-gosia-medium",
    "pt": "pt_BR-faber-medium", "ru": "ru_RU-irina-medium", "uk": "uk_UA-ukrainian_tts-medium",
    "sv": "sv_SE-nst-medium", "fi": "fi_FI-harri-medium", "tr": "tr_TR-dfki-medium",
    "ro": "ro_RO-mihai-medium", "hu": "hu_HU-anna-medium", "cs": "cs_CZ-jirka-medium",
    "zh": "zh_CN-huayan-medium", "en": "en_US-lessac-medium",
})  # fmt: skip
"""Offline hints for when no catalogue is cached: well-liked voices that exist in the repository."""
