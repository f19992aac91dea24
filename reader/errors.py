"""Every error reader raises for the user to see.

    ReaderError                 root: the CLI prints its message and exits 1
    ├── SourceError             the input can't be read (missing, empty, binary, URL failed)
    ├── ExtractionError         the input holds no article text
    ├── VoiceNotFound           --voice names nothing that exists
    ├── EngineUnavailable       an engine's library or system part is missing
    ├── EngineError             an engine failed, hung or returned no audio
    ├── AssemblyError           ffmpeg or the output file failed
    └── UsageError              options that contradict each other (exit 2)

Messages are complete sentences that say what happened and what to do next.
Third-party errors are wrapped at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations


class ReaderError(Exception):
    """An error whose message is written for the user; never a bug."""

    exit_code = 1


class SourceError(ReaderError):
    """The input could not be read or decoded."""


class ExtractionError(ReaderError):
    """The input was read but holds no article to narrate."""


class VoiceNotFound(ReaderError):
    """The requested voice is neither a preset, an engine voice nor a model file."""


class EngineUnavailable(ReaderError):
    """A synthesis engine cannot run on this machine."""


class EngineError(ReaderError):
    """A synthesis engine failed on a piece of text."""


class AssemblyError(ReaderError):
    """The narration file could not be encoded or written."""


class UsageError(ReaderError):
    """Command-line options that contradict each other."""

    exit_code = 2
