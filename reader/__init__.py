"""reader: offline text-to-speech for saved web articles.

    >>> import reader
    >>> reader.narrate("article.html", "article.mp3")

The pipeline and its typed values are documented in ``reader.pipeline`` and
``reader.types``; every error a user can cause is a ``reader.ReaderError``.
"""

from importlib import import_module as _import_module

from .errors import (
    AssemblyError,
    EngineError,
    EngineUnavailable,
    ExtractionError,
    ReaderError,
    SourceError,
    UsageError,
    VoiceNotFound,
)

# The pipeline pulls in numpy, trafilatura and the speech engines; it loads on
# first use of one of its names, so `reader --help` and imports of reader.errors
# or reader.types stay fast.
_LAZY = {
    "RunOptions": "pipeline", "extract": "pipeline", "make_script": "pipeline", "narrate": "pipeline",
    "script": "pipeline", "Article": "types", "Block": "types", "BlockKind": "types", "Chunk": "types",
    "Narration": "types", "Script": "types", "VoicePreset": "types", "list_presets": "voices",
    "resolve_voice": "voices",
}  # fmt: skip


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(_import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "AssemblyError",
    "Block",
    "BlockKind",
    "Chunk",
    "EngineError",
    "EngineUnavailable",
    "ExtractionError",
    "Narration",
    "ReaderError",
    "RunOptions",
    "Script",
    "SourceError",
    "UsageError",
    "VoiceNotFound",
    "VoicePreset",
    "extract",
    "list_presets",
    "make_script",
    "narrate",
    "resolve_voice",
    "script",
]
