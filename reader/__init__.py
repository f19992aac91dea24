"""reader: offline text-to-speech for saved web articles.

    >>> import reader
    >>> reader.narrate("article.html", "article.mp3")

The pipeline and its typed values are documented in ``reader.pipeline`` and
``reader.types``; every error a user can cause is a ``reader.ReaderError``.
"""

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
from .pipeline import RunOptions, extract, make_script, narrate, script
from .types import Article, Block, BlockKind, Chunk, Narration, Script, VoicePreset
from .voices import list_presets, resolve_voice

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
