"""The library API: each stage wired to the next. Nothing here prints.

    load_source -> clean -> normalize -> split -> chunk -> synthesize -> assemble
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .assemble import Encoder, check_writable, choose_format, install_copy
from .clean import clean
from .cache import ChunkCache
from .engines import Engine, engine_identity, load_engine
from .engines.cached import CachedEngine
from .engines.shaped import ShapedEngine
from .loudness import DEFAULT_TARGET_LUFS
from .errors import EngineError, ExtractionError
from .normalize import Rewrite, find_lexicon
from .source import is_url, load_source
from .speakable import SentenceNormalizer, normalizer_for, speak_script, speakable_chunks
from .split import split_article
from .tags import Chapter, Tags, write_tags
from .transcript import write_subtitles
from .types import Article, Chunk, Narration, Script, Segment, VoicePreset
from .voices import resolve_voice, voice_dirs

SHAPING = "shaped-1"
"""Version of the trim/gate/loudness chain, part of every cache key."""

ProgressCallback = Callable[[int, int], None]
"""Called with (chunks done, chunks total) after each chunk."""

_SPEAKABLE = re.compile(r"\w")


@dataclass(frozen=True)
class RunOptions:
    """Settings for one narration, built once from the CLI or a caller."""

    voice: str | None = None
    """Preset name, engine voice id, ``engine:voice`` or Piper model path."""
    rate: float | None = None
    """Speed factor overriding the preset's (0.5 - 2.0)."""
    pitch: int | None = None
    """Voice pitch 0-100 overriding the preset's, for engines that have one (pyttsx3)."""
    format: str | None = None
    """mp3, wav, ogg, m4b or flac; default from the output name, else mp3."""
    keep_all: bool = False
    """Narrate every line of the input, skipping the article detection."""
    threads: int | None = None
    """Engine threads; None lets the engine use every core."""
    lexicon: str | None = None
    """An extra pronunciation lexicon (TOML) on top of the shipped and user ones."""
    cache: bool = True
    """Reuse and store synthesized chunks in the chunk cache."""
    loudness: float = DEFAULT_TARGET_LUFS
    """Integrated loudness target of the output, in LUFS."""
    album: str | None = None
    """The album tag; default the article's site."""
    subtitles: str | None = None
    """Also write a transcript beside the audio: "srt" or "vtt"."""
    language: str | None = None
    """The article's language (ISO 639-1), overriding the detected one."""
    normalize: bool = True
    """Rewrite numbers, dates and abbreviations into words; off gives the engine the text as written."""


def extract(
    source: str, *, keep_all: bool = False, stdin: BinaryIO | None = None, language: str | None = None
) -> Article:
    """The cleaned article in ``source`` (path, URL or ``-``); ``language`` overrides the detected one."""
    article = clean(load_source(source, stdin=stdin), keep_all=keep_all)
    return replace(article, language=language) if language else article


def load_normalizer(lexicon: str | Path | None = None, language: str | None = None) -> SentenceNormalizer:
    """The normalizer for ``language`` (None: English), with the shipped, user and ``lexicon``
    pronunciation entries where the language uses them."""
    return normalizer_for(language, find_lexicon(voice_dirs(), Path(lexicon) if lexicon else None))


def make_script(
    article: Article, *, normalize: bool = True, normalizer: SentenceNormalizer | None = None
) -> Script:
    """Exactly what will be spoken for an article."""
    return explain_script(article, normalize=normalize, normalizer=normalizer)[0]


def explain_script(
    article: Article, *, normalize: bool = True, normalizer: SentenceNormalizer | None = None
) -> tuple[Script, list[list[Rewrite]]]:
    """The spoken script (each sentence's written form kept) and, per sentence, its rewrites."""
    script = split_article(article)
    rewrites: list[list[Rewrite]] = []
    if normalize:
        script, rewrites = speak_script(script, normalizer or load_normalizer(language=article.language))
    if not script.paragraphs:
        raise ExtractionError("The article has no speakable text.")
    return script, rewrites


def make_chunks(article: Article, preset: VoicePreset, options: RunOptions) -> list[Chunk]:
    """The article as engine-sized chunks, each with its written and its spoken text."""
    normalizer = load_normalizer(options.lexicon, article.language) if options.normalize else None
    chunks = speakable_chunks(split_article(article), preset.pauses, normalizer)
    if not any(_SPEAKABLE.search(chunk.text) for chunk in chunks):
        raise ExtractionError("The article has no speakable text.")
    return chunks


def script(
    source: str, *, keep_all: bool = False, normalize: bool = True, lexicon: str | Path | None = None,
    stdin: BinaryIO | None = None, language: str | None = None,
) -> Script:
    """Read, clean, split and normalize ``source``: what ``narrate`` would say."""
    article = extract(source, keep_all=keep_all, stdin=stdin, language=language)
    return make_script(article, normalize=normalize, normalizer=load_normalizer(lexicon, article.language))


def default_output(source: str, article: Article, fmt: str) -> Path:
    """``<input name>.<fmt>`` in the current folder (a slug of the title for URLs and stdin)."""
    if source == "-" or is_url(source):
        stem = slugify(article.title) or "narration"
    else:
        stem = Path(source).stem
    return Path(f"{stem}.{fmt}")


def slugify(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def narrate(
    source: str,
    out: str | Path | None = None,
    *,
    options: RunOptions | None = None,
    engine: Engine | None = None,
    on_progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> Narration:
    """Narrate ``source`` into one audio file and describe the result.

    ``engine`` lets a caller reuse a loaded engine (batch mode, tests); by
    default the engine the voice names is loaded (on the first cache miss)
    and closed here.
    """
    options = options or RunOptions()
    preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch)
    out_path = Path(out) if out is not None else None
    fmt = choose_format(out_path, options.format)
    article = extract(source, keep_all=options.keep_all, stdin=stdin, language=options.language)
    chunks = make_chunks(article, preset, options)
    out_path = out_path or default_output(source, article, fmt)
    check_writable(out_path)
    voice = open_voice(preset, options, engine)
    try:
        hits_before = getattr(voice, "hits", 0)
        result = _reuse_narration(voice, chunks, out_path, fmt, article_tags(article, options.album))
        if result is None:
            tags = article_tags(article, options.album)
            result = _render(chunks, voice, out_path, fmt, article, preset, on_progress, tags)
            _keep_narration(voice, chunks, result, tags)
        else:
            hits_before -= len(chunks)
        if options.subtitles:
            write_subtitles(result.segments, out_path, options.subtitles)
        return replace(
            result, title=article.title, voice=preset.name, cached=getattr(voice, "hits", 0) - hits_before,
            byline=article.byline, date=article.date, url=article.url, site=article.site,
        )  # fmt: skip
    finally:
        if engine is None:  # a caller's engine stays open for its next article
            voice.close()


def _narration_key(voice: Engine, chunks: list[Chunk], fmt: str, tags: Tags) -> str | None:
    """The whole narration's cache key: every chunk's text and pause, the voice, format and tags."""
    if not isinstance(voice, CachedEngine):
        return None
    spoken = "\n".join(f"{c.pause_ms}\t{c.chapter}\t{c.text}\t{c.written}" for c in chunks)
    return ChunkCache.key(f"{voice.identity}:{fmt}:{tags}:narration", spoken)


def _reuse_narration(voice: Engine, chunks: list[Chunk], out: Path, fmt: str, tags: Tags) -> Narration | None:
    """An identical narration encoded before: copied into place instead of encoded again."""
    key = _narration_key(voice, chunks, fmt, tags)
    found = ChunkCache().get_narration(key, fmt) if key else None
    if found is None:
        return None
    started = time.perf_counter()
    audio, meta = found
    install_copy(audio, out)
    segments = tuple(Segment(*s) for s in meta["segments"])
    return Narration(path=out, format=fmt, title="", duration_s=meta["duration_s"], sample_rate=meta["sample_rate"],
                     chunks=len(chunks), words=meta["words"], voice="", synthesis_s=0.0,
                     elapsed_s=time.perf_counter() - started, segments=segments)  # fmt: skip


def _keep_narration(voice: Engine, chunks: list[Chunk], result: Narration, tags: Tags) -> None:
    key = _narration_key(voice, chunks, result.format, tags)
    if key:
        meta = {"duration_s": result.duration_s, "sample_rate": result.sample_rate, "words": result.words,
                "segments": [[s.start_s, s.end_s, s.text] for s in result.segments]}  # fmt: skip
        ChunkCache().put_narration(key, result.format, result.path, meta)


def open_voice(preset: VoicePreset, options: RunOptions, engine: Engine | None = None) -> Engine:
    """The engine to speak with: behind the chunk cache unless ``options.cache`` is off."""
    if isinstance(engine, (CachedEngine, ShapedEngine)):
        return engine  # a voice this function made before (batch workers reuse theirs)

    def load() -> Engine:
        raw = engine or load_engine(preset, threads=options.threads, search_dirs=voice_dirs())
        return ShapedEngine(raw, rate=preset.rate, loudness=options.loudness)

    if not options.cache:
        return load()
    identity = f"{engine_identity(preset, search_dirs=voice_dirs())}:{SHAPING}:{options.loudness}"
    return CachedEngine(identity, ChunkCache(), load, name=preset.engine)


def synthesize_chunks(chunks: list[Chunk], engine: Engine) -> Iterator[tuple[Chunk, np.ndarray | None, float]]:
    """Each chunk with its PCM (None for a chunk with nothing to say) and the engine time it took."""
    for chunk in chunks:
        if not _SPEAKABLE.search(chunk.text):
            yield chunk, None, 0.0
            continue
        started = time.perf_counter()
        pcm = engine.synthesize(chunk.text)
        if pcm.size == 0:
            raise EngineError(f"The engine returned no audio for {chunk.text[:60]!r}.")
        yield chunk, pcm, time.perf_counter() - started


def _render(
    chunks: list[Chunk],
    engine: Engine,
    out: Path,
    fmt: str,
    article: Article,
    preset: VoicePreset,
    on_progress: ProgressCallback | None,
    tags: Tags | None = None,
) -> Narration:
    started = time.perf_counter()
    synthesis_s = 0.0
    segments: list[Segment] = []
    openings: list[tuple[float, str]] = []
    speech = synthesize_chunks(chunks, engine)
    first = next(speech)  # the first chunk tells the sample rate, cached or not

    def finalize(path: Path) -> None:
        if tags is not None:
            write_tags(path, fmt, tags, _chapters(openings, encoder.duration_s))

    with Encoder(out, fmt, engine.sample_rate, finalize=finalize) as encoder:
        for done, (chunk, pcm, seconds) in enumerate(itertools.chain([first], speech), 1):
            synthesis_s += seconds
            if chunk.chapter:
                openings.append((encoder.duration_s, chunk.chapter))
            if pcm is not None:
                start = encoder.duration_s
                encoder.write(pcm)
                segments.append(Segment(start, encoder.duration_s, chunk.written))
            encoder.silence(chunk.pause_ms)
            if on_progress:
                on_progress(done, len(chunks))
    return Narration(
        path=out,
        format=fmt,
        title=article.title,
        duration_s=encoder.duration_s,
        sample_rate=encoder.sample_rate,
        chunks=len(chunks),
        words=sum(len(c.written.split()) for c in chunks),
        voice=preset.name,
        synthesis_s=synthesis_s,
        elapsed_s=time.perf_counter() - started,
        segments=tuple(segments),
    )


def _chapters(openings: list[tuple[float, str]], total_s: float) -> list[Chapter]:
    """Chapters from the title and headings; none when there is only a title."""
    if len(openings) < 2:
        return []
    ends = [start for start, _ in openings[1:]] + [total_s]
    return [Chapter(start, end, title.rstrip(".")) for (start, title), end in zip(openings, ends)]


def article_tags(article: Article, album: str | None = None) -> Tags:
    """What goes into the file's tags for an article."""
    date = article.date or ""
    description = " ".join(block.text for block in article.blocks[:1])[:300]
    return Tags(
        title=article.title, artist=article.byline or article.site or "", album=album or article.site or "",
        date=date, url=article.url or "", description=description,
    )  # fmt: skip
