"""Split: paragraphs into sentences (``sentences.py``), then sentences into engine-sized chunks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .sentences import split_sentences
from .types import Article, BlockKind, Chunk, Paragraph, Pauses, Script

MAX_CHUNK_CHARS = 300
MIN_CHUNK_WORDS = 5

_CLAUSE = re.compile(r"(?<=[,;:])\s+|\s+(?=[—–]\s)|(?<=\s[—–])\s+|\s+(?=\()")
_WORD = re.compile(r"\w+")
_FINAL_STOP = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")


def split_article(article: Article) -> Script:
    """The article as a script: each block's sentences, title first."""
    paragraphs = []
    for block in article.all_blocks():
        sentences = tuple(split_sentences(block.text, language=article.language))
        if sentences:
            paragraphs.append(Paragraph(kind=block.kind, sentences=sentences))
    return Script(paragraphs=tuple(paragraphs))


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _pieces(sentence: str, limit: int) -> list[str]:
    """A sentence cut at clause boundaries (then spaces) into pieces under ``limit``."""
    if len(sentence) <= limit:
        return [sentence]
    pieces: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        for part in _hard_wrap(clause, limit):
            if current and len(current) + 1 + len(part) > limit:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _hard_wrap(text: str, limit: int) -> list[str]:
    """Cut at spaces; a single word longer than ``limit`` is cut where it must."""
    out: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > limit:
            if current:
                out.append(current)
                current = ""
            out.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    return out


def _merge_short(sentences: tuple[str, ...], limit: int) -> list[list[str]]:
    """Sentences grouped into chunks: a fragment under MIN_CHUNK_WORDS words joins a neighbour."""
    groups: list[list[str]] = []
    for sentence in sentences:
        if groups and (
            _word_count(sentence) < MIN_CHUNK_WORDS or _word_count(" ".join(groups[-1])) < MIN_CHUNK_WORDS
        ) and len(" ".join(groups[-1])) + 1 + len(sentence) <= limit:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return groups


def _units(paragraph: Paragraph, limit: int) -> list[tuple[list[str], bool]]:
    """Each chunk's written units (whole sentences, or the pieces of one sentence too long
    for a chunk), and whether the chunk ends a sentence."""
    units: list[tuple[list[str], bool]] = []
    for group in _merge_short(paragraph.sentences, limit):
        pieces = _pieces(group[0], limit) if len(group) == 1 else [" ".join(group)]
        if len(pieces) == 1:
            units.append((group, True))
        else:
            units.extend(([piece], i == len(pieces) - 1) for i, piece in enumerate(pieces))
    return units


def chunk_script(
    script: Script, pauses: Pauses, limit: int = MAX_CHUNK_CHARS, speak: Callable[[str], str] | None = None
) -> list[Chunk]:
    """Engine-sized chunks in reading order, each with the pause that follows it.

    ``script`` holds the text as written; ``speak`` turns one written unit (a
    sentence, or a piece of a long one) into what the engine is given, so each
    chunk keeps both. Without it the engine gets the written text.
    """
    say = speak or (lambda text: text)
    chunks: list[Chunk] = []
    for index, paragraph in enumerate(script.paragraphs):
        units = _units(paragraph, limit)
        for u_index, (unit, ends_sentence) in enumerate(units):
            if u_index == len(units) - 1:
                pause = pauses.after(paragraph.kind)
            else:
                pause = pauses.sentence if ends_sentence else pauses.clause
            spoken = " ".join(filter(None, (say(part).strip() for part in unit)))
            if u_index == len(units) - 1 and spoken:
                spoken = _closed(spoken)
            opens = u_index == 0 and paragraph.kind in (BlockKind.TITLE, BlockKind.HEADING)
            chapter = " ".join(paragraph.sentences) if opens else None
            chunks.append(Chunk(spoken, pause, index, chapter, written=" ".join(unit)))
    if chunks:
        last = chunks[-1]
        chunks[-1] = replace(last, pause_ms=min(last.pause_ms, 500))
    return chunks


def _closed(text: str) -> str:
    """A heading or list item without a final stop gets one, so the voice falls, not rises."""
    return text if _FINAL_STOP.search(text) else f"{text}."
