"""Every error reader raises for the user to see.

    ReaderError                 root: the CLI prints its message and exits 1
    ├── SourceError             the input can't be read (missing, empty, binary, URL failed)
    ├── ExtractionError         the input holds no article text
    ├── VoiceNotFound           --voice names nothing that exists
    ├── EngineUnavailable       an engine's library or system part is missing
    ├── EngineError             an engine failed, hung or returned no audio
    ├── AssemblyError           ffmpeg or the output file failed
    └── UsageError              options that contradict each other (exit 2)

    ReaderWarning (UserWarning) printed once per run as one line, the run goes on
    └── CacheWarning            the chunk cache can't be written; no cache this run

Messages are complete sentences that say what happened and what to do next.
Third-party errors are wrapped at the boundary with ``raise ... from exc``.
"""

from __future__ import annotations

import re
import warnings

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


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


class ReaderWarning(UserWarning):
    """Something the user should know that does not stop the run (printed once, one line)."""


class CacheWarning(ReaderWarning):
    """The chunk cache can't be used; the run goes on without it."""


def format_warning(message, category, filename, lineno, line=None) -> str:
    """``warnings.formatwarning`` that prints a ReaderWarning as one line, "warning: ...".

    Install it where the program starts (``warnings.formatwarning = format_warning``);
    other warnings keep Python's usual format.
    """
    if isinstance(category, type) and issubclass(category, ReaderWarning):
        return f"warning: {one_line(str(message))}\n"
    return _PYTHON_FORMAT(message, category, filename, lineno, line)


_PYTHON_FORMAT = warnings.formatwarning
"""Python's own format, kept before anyone replaces it."""


def one_line(message: str) -> str:
    """``message`` with its control characters shown as escapes (``\\n``, ``\\x1b``).

    A message quotes names the user gave (a file name may hold a newline or a
    terminal escape): it stays one line, and the terminal never obeys it.
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
