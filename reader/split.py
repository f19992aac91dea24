"""Split: paragraphs into sentences (``sentences.py``), then sentences into engine-sized chunks."""

from __future__ import annotations

import re
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
        sentences = tuple(split_sentences(block.text))
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


def _merge_short(sentences: tuple[str, ...], limit: int) -> list[str]:
    """Join fragments under MIN_CHUNK_WORDS words to a neighbour in the same paragraph."""
    merged: list[str] = []
    for sentence in sentences:
        if merged and (
            _word_count(sentence) < MIN_CHUNK_WORDS or _word_count(merged[-1]) < MIN_CHUNK_WORDS
        ) and len(merged[-1]) + 1 + len(sentence) <= limit:
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged


def chunk_script(script: Script, pauses: Pauses, limit: int = MAX_CHUNK_CHARS) -> list[Chunk]:
    """Engine-sized chunks in reading order, each with the pause that follows it."""
    chunks: list[Chunk] = []
    for index, paragraph in enumerate(script.paragraphs):
        sentences = _merge_short(paragraph.sentences, limit)
        for s_index, sentence in enumerate(sentences):
            pieces = _pieces(sentence, limit)
            for p_index, piece in enumerate(pieces):
                if p_index < len(pieces) - 1:
                    pause = pauses.clause
                elif s_index < len(sentences) - 1:
                    pause = pauses.sentence
                else:
                    pause = pauses.after(paragraph.kind)
                    piece = _closed(piece)
                opens = s_index == 0 and p_index == 0 and paragraph.kind in (BlockKind.TITLE, BlockKind.HEADING)
                chapter = " ".join(paragraph.sentences) if opens else None
                chunks.append(Chunk(text=piece, pause_ms=pause, paragraph=index, chapter=chapter))
    if chunks:
        last = chunks[-1]
        chunks[-1] = replace(last, pause_ms=min(last.pause_ms, 500))
    return chunks


def _closed(text: str) -> str:
    """A heading or list item without a final stop gets one, so the voice falls, not rises."""
    return text if _FINAL_STOP.search(text) else f"{text}."
