"""The pronunciation lexicon: words an engine says wrong, and how to say them.

A lexicon is a TOML file::

    [words]
    Kyiv = "Keeyiv"          # capitalized key: matches that exact case
    "gif" = "jif"            # lower-case key: matches any case
    [acronyms]
    words = ["NATO", "UNESCO"]   # all-capital words read as words
    [initialisms]
    words = ["NASA"]             # ...or forced to be read as letters
    [ipa]
    Kyiv = "kˈiːjɪv"         # the intended sound; the shipped file's are checked with espeak-ng

Files are merged in this order, later entries winning: the shipped
``lexicon.toml`` beside the presets, ``lexicon.toml`` in each voices folder
(the user's config folder, READER_VOICES_PATH), then ``--lexicon FILE``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

LEXICON_NAME = "lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    acronyms: frozenset[str] = frozenset()
    initialisms: frozenset[str] = frozenset()

    def merged(self, other: Lexicon) -> Lexicon:
        return Lexicon(
            words={**self.words, **other.words},
            acronyms=(self.acronyms - other.initialisms) | other.acronyms,
            initialisms=(self.initialisms - other.acronyms) | other.initialisms,
        )

    def pattern(self) -> re.Pattern[str] | None:
        """One regex for every entry, longest first, whole words only."""
        if not self.words:
            return None
        keys = sorted(self.words, key=len, reverse=True)
        return re.compile("|".join(rf"(?<![\w])(?:{_key_pattern(k)})(?![\w])" for k in keys))

    def lookup(self, found: str) -> str | None:
        """The spoken form of a matched word: its exact entry, else its lower-case one."""
        return self.words.get(found) or self.words.get(found.lower())


def _key_pattern(key: str) -> str:
    escaped = re.escape(key)
    return f"(?i:{escaped})" if key == key.lower() else escaped


def load_lexicon(path: Path) -> Lexicon:
    """One lexicon file; a broken file is a clear error naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"Lexicon {path} does not exist.") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"Lexicon {path} can't be read: {exc}.") from exc
    words = data.get("words", {})
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise UsageError(f"Lexicon {path}: [words] must map words to spoken forms (strings).")
    return Lexicon(
        words={str(k): v for k, v in words.items()},
        acronyms=_word_list(data, "acronyms", path),
        initialisms=_word_list(data, "initialisms", path),
    )


def _word_list(data: dict, table: str, path: Path) -> frozenset[str]:
    """``[table] words = ["NATO", ...]``; any other shape is a clear error, not a silent misreading."""
    section = data.get(table, {})
    words = section.get("words", []) if isinstance(section, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise UsageError(f'Lexicon {path}: [{table}] must be a table with words = ["WORD", ...].')
    return frozenset(words)


def find_lexicon(folders: list[Path], extra: Path | None = None) -> Lexicon:
    """The merged lexicon: shipped and user folders (lowest priority last in ``folders``), then ``extra``."""
    lexicon = Lexicon()
    for folder in reversed(folders):
        path = folder / LEXICON_NAME
        if path.is_file():
            lexicon = lexicon.merged(load_lexicon(path))
    if extra is not None:
        lexicon = lexicon.merged(load_lexicon(extra))
    return lexicon
