"""Speakable text: the stage between the split and the engine.

The article's language picks the normalizer: English rules (``normalize``)
for English, num2words-based rules (``normalize.foreign``) for the languages
it covers, and for any other language the text as written (digits stay
digits for the engine's own rules). English rules never touch another
language.

Both forms are kept: every chunk carries what the article says (subtitles,
chapter titles, tags, ``--explain``) and what the engine is given. Each
sentence (or, for a sentence too long for one chunk, each piece) is rewritten
on its own, so a period that ends a sentence still ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .language import language_code
from .normalize import Lexicon, Normalizer, Rewrite, speakable
from .split import chunk_script
from .types import Chunk, Paragraph, Pauses, Script

ENGLISH = "en"


class SentenceNormalizer(Protocol):
    """What every language's normalizer offers: one sentence in, its spoken form and rewrites out."""

    def sentence(self, text: str) -> tuple[str, list[Rewrite]]: ...


class AsWritten:
    """A language we have no rules for: the text as written, minus invisible characters."""

    def sentence(self, text: str) -> tuple[str, list[Rewrite]]:
        return speakable(text), []


def normalizer_for(language: str | None, lexicon: Lexicon | None = None) -> SentenceNormalizer:
    """The normalizer for an article in ``language`` (None: unknown, taken as English).

    The pronunciation lexicon holds English respellings, so it applies to
    English only.
    """
    from .normalize.foreign import SUPPORTED, ForeignNormalizer

    code = language_code(language) or ENGLISH
    if code == ENGLISH:
        return Normalizer(lexicon)
    if code in SUPPORTED:
        return ForeignNormalizer(code)
    return AsWritten()


def speaker(normalizer: SentenceNormalizer) -> Callable[[str], str]:
    """A function from written text to the text the engine gets."""
    return lambda text: normalizer.sentence(text)[0]


def speak_script(script: Script, normalizer: SentenceNormalizer) -> tuple[Script, list[list[Rewrite]]]:
    """The script as it will be spoken (written forms kept), and each kept sentence's rewrites."""
    paragraphs, explained = [], []
    for paragraph in script.paragraphs:
        spoken, written = [], []
        for sentence in paragraph.sentences:
            said, rewrites = normalizer.sentence(sentence)
            if said:
                spoken.append(said)
                written.append(sentence)
                explained.append(rewrites)
        if spoken:
            paragraphs.append(Paragraph(paragraph.kind, tuple(spoken), written=tuple(written)))
    return Script(paragraphs=tuple(paragraphs)), explained


def speakable_chunks(script: Script, pauses: Pauses, normalizer: SentenceNormalizer | None) -> list[Chunk]:
    """Engine-sized chunks of a written script, each with its written and spoken text.

    ``normalizer`` None speaks the text as written (``--no-normalize``).
    """
    return chunk_script(script, pauses, speak=speaker(normalizer or AsWritten()))
