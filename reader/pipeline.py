"""The library API: each stage wired to the next. Nothing here prints.

    load_source -> clean -> normalize -> split -> chunk -> synthesize -> assemble
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from .assemble import check_writable, choose_format, fit_name, install_copy
from .engines import Engine
from .options import RunOptions
from .errors import ExtractionError
from .source import is_url
from .render import SPEAKABLE, FileSink, ProgressCallback, Rendered, Sink, render
from .session import SynthesisSession
from .tags import Tags, article_tags
from .transcript import subtitles_path, write_subtitles
from .types import Article, Chunk, Narration, Script, Segment, VoicePreset
from .voices import resolve_voice, voice_dirs, voice_for_language

if TYPE_CHECKING:
    from .normalize import Rewrite
    from .speakable import SentenceNormalizer

# The cleaner and the normalizer (~70 ms of imports) load where they are first used: by then
# the voice is loading on its warm-up thread (``SynthesisSession.warm``), and they overlap it.


def extract(
    source: str, *, keep_all: bool = False, stdin: BinaryIO | None = None, language: str | None = None
) -> Article:
    """The cleaned article in ``source`` (path, URL or ``-``); ``language`` overrides the detected one."""
    from .clean import clean
    from .source import load_source

    article = clean(load_source(source, stdin=stdin), keep_all=keep_all)
    if language:
        return replace(article, language=language)
    if article.language is None:  # every cleaner's output gets a language, whatever path it took
        from .clean.stopwords import guess_language

        article = replace(article, language=guess_language(re.findall(r"\w+", article.to_text().lower())))
    return article


def load_normalizer(lexicon: str | Path | None = None, language: str | None = None) -> SentenceNormalizer:
    """The normalizer for ``language`` (None: English), with the shipped, user and ``lexicon``
    pronunciation entries where the language uses them."""
    from .normalize import find_lexicon
    from .speakable import normalizer_for

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
    from .speakable import speak_script
    from .split import split_article

    script = split_article(article)
    rewrites: list[list[Rewrite]] = []
    if normalize:
        script, rewrites = speak_script(script, normalizer or load_normalizer(language=article.language))
    if not script.paragraphs:
        raise ExtractionError("The article has no speakable text.")
    return script, rewrites


def make_chunks(article: Article, preset: VoicePreset, options: RunOptions) -> list[Chunk]:
    """The article as engine-sized chunks, each with its written and its spoken text."""
    from .speakable import speakable_chunks
    from .split import split_article

    normalizer = load_normalizer(options.lexicon, article.language) if options.normalize else None
    chunks = speakable_chunks(split_article(article), preset.pauses, normalizer)
    if not any(SPEAKABLE.search(chunk.text) for chunk in chunks):
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
    return Path(fit_name(stem, f".{fmt}"))


def slugify(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^\w]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-")


@dataclass(frozen=True)
class Prepared:
    """An article ready to narrate: its chunks and the voice that will say them."""

    source: str
    article: Article
    preset: VoicePreset
    chunks: list[Chunk]


def prepare(
    source: str, options: RunOptions, *, stdin: BinaryIO | None = None,
    on_voice: Callable[[VoicePreset], None] | None = None,
) -> Prepared:  # fmt: skip
    """Source -> article -> script -> chunks, with the options: the one preparation every command uses.

    Without ``--voice`` the article's language picks the voice (``voice_for_language``):
    a non-English article is never read by an English voice unless asked. ``on_voice``
    hears the voice as soon as it is known, before the rest of the work (to start loading it).
    """
    preset = None
    if options.voice:  # checked before the article is read, so a typo costs nothing
        preset = resolve_voice(options.voice, rate=options.rate, pitch=options.pitch, speaker=options.speaker)
        if on_voice:
            on_voice(preset)
    article = extract(source, keep_all=options.keep_all, stdin=stdin, language=options.language)
    if preset is None:
        preset = voice_for_language(article.language, rate=options.rate, pitch=options.pitch, speaker=options.speaker)
        if on_voice:
            on_voice(preset)
    return Prepared(source, article, preset, make_chunks(article, preset, options))


def open_session(preset: VoicePreset, options: RunOptions, engine: Engine | None = None) -> SynthesisSession:
    """A synthesis session for ``preset`` with the options' cache, loudness and threads.

    ``engine`` lends an already loaded engine (tests, benchmarks); the session
    then leaves closing it to the caller.
    """
    from .cache import ChunkCache

    return SynthesisSession(
        preset, search_dirs=voice_dirs(), loudness=options.loudness, cache=ChunkCache() if options.cache else None,
        threads=options.threads, engine=engine, jobs=options.jobs,
    )  # fmt: skip


class WarmSessions:
    """Sessions opened by ``open`` as soon as ``prepare`` names the voice, each set loading it
    (``SynthesisSession.warm``) while the article is still being prepared, unless
    ``needless(session)`` says the narration will come whole from the cache."""

    def __init__(
        self, open: Callable[[VoicePreset], SynthesisSession],
        needless: Callable[[SynthesisSession], bool] = lambda session: False,
    ) -> None:  # fmt: skip
        self._open, self._needless = open, needless
        self._sessions: dict[VoicePreset, SynthesisSession] = {}

    def warm(self, preset: VoicePreset) -> None:
        session = self.get(preset)
        if not self._needless(session):
            session.warm()

    def get(self, preset: VoicePreset) -> SynthesisSession:
        if preset not in self._sessions:
            self._sessions[preset] = self._open(preset)
        return self._sessions[preset]

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()


def narrate(
    source: str,
    out: str | Path | None = None,
    *,
    options: RunOptions | None = None,
    engine: Engine | None = None,
    session_for: Callable[[VoicePreset], SynthesisSession] | None = None,
    on_progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> Narration:
    """Narrate ``source`` into one audio file and describe the result.

    ``session_for`` gives a caller's session for the article's voice (batch
    workers keep one between articles and rebuild it when the voice or
    settings change); ``engine`` lends a loaded engine. Otherwise a session
    is opened and closed here.
    """
    options = options or RunOptions()
    out_path = Path(out) if out is not None else None
    fmt = choose_format(out_path, options.format)
    opened = WarmSessions(
        lambda preset: session_for(preset) if session_for else open_session(preset, options, engine),
        needless=lambda session: _expects_narration(source, options, fmt, session),
    )  # fmt: skip
    try:
        prepared = prepare(source, options, stdin=stdin, on_voice=opened.warm)
        out_path = out_path or default_output(source, prepared.article, fmt)
        check_outputs(out_path, source, options)
        session = opened.get(prepared.preset)
        return write_narration(prepared, session, out_path, fmt, options, on_progress=on_progress)
    finally:
        if session_for is None:
            opened.close()


def check_outputs(out: Path, source: str, options: RunOptions) -> None:
    """Refuse, before any synthesis, an audio file or transcript that can't be written or
    would replace the input (``notes.srt -o notes.mp3 --subtitles srt``)."""
    from .source import file_url_path

    inputs = [file_url_path(source)]  # a file:// source is its file, for library callers too
    check_writable(out, inputs=inputs)
    if options.subtitles:
        check_writable(subtitles_path(out, options.subtitles), inputs=inputs)


def write_narration(
    prepared: Prepared, session: SynthesisSession, out: Path, fmt: str, options: RunOptions,
    *, also: tuple[Sink, ...] = (), on_progress: ProgressCallback | None = None,
) -> Narration:  # fmt: skip
    """Render a prepared article into ``out`` (tags, chapters, transcript, narration cache),
    feeding the ``also`` sinks (a player) the same audio."""
    tags = article_tags(prepared.article, options.album)
    key = _narration_key(session, prepared.chunks, fmt, tags)
    hits_before = session.stats.hits
    result = None if also else _reuse_narration(key, prepared.chunks, out, fmt)
    cached = len(prepared.chunks)  # a reused narration took every chunk from the cache
    if result is None:
        rendered = render(prepared.chunks, session, [*also, FileSink(out, fmt, tags)], on_progress)
        result = _narration(prepared, rendered, out, fmt)
        cached = session.stats.hits - hits_before
        _keep_narration(key, result)
    if key:  # the next run of this source with these settings need not load the voice ahead
        _note_source(key, source_hint(prepared.source, options, fmt, session))
    if options.subtitles:
        write_subtitles(result.segments, out, options.subtitles)
    article = prepared.article
    return replace(
        result, title=article.title, voice=prepared.preset.name, cached=cached, byline=article.byline,
        date=article.date, url=article.url, site=article.site, language=article.language,
    )  # fmt: skip


def _narration(prepared: Prepared, rendered: Rendered, out: Path, fmt: str) -> Narration:
    return Narration(
        path=out, format=fmt, title=prepared.article.title, duration_s=rendered.duration_s,
        sample_rate=rendered.sample_rate, chunks=len(prepared.chunks),
        words=sum(len(c.written.split()) for c in prepared.chunks), voice=prepared.preset.name,
        synthesis_s=rendered.synthesis_s, elapsed_s=rendered.elapsed_s, segments=tuple(rendered.segments),
    )  # fmt: skip


def _narration_key(session: SynthesisSession, chunks: list[Chunk], fmt: str, tags: Tags) -> str | None:
    """The whole narration's cache key: every chunk's text and pause, the voice, format and tags."""
    from .cache import ChunkCache

    if not session.settings.cache:
        return None
    spoken = "\n".join(f"{c.pause_ms}\t{c.chapter}\t{c.text}\t{c.written}" for c in chunks)
    return ChunkCache.key(f"{session.identity}:{fmt}:{tags}:narration", spoken)


def _reuse_narration(key: str | None, chunks: list[Chunk], out: Path, fmt: str) -> Narration | None:
    """An identical narration encoded before: copied into place instead of encoded again."""
    from .cache import ChunkCache

    found = ChunkCache().get_narration(key, fmt) if key else None
    if found is None:
        return None
    started = time.perf_counter()
    audio, meta = found
    install_copy(audio, out, digest=meta.get("blake2b"))  # only bytes that match the entry checksum
    segments = tuple(Segment(*s) for s in meta["segments"])
    return Narration(path=out, format=fmt, title="", duration_s=meta["duration_s"], sample_rate=meta["sample_rate"],
                     chunks=len(chunks), words=meta["words"], voice="", synthesis_s=0.0,
                     elapsed_s=time.perf_counter() - started, segments=segments)  # fmt: skip


def _keep_narration(key: str | None, result: Narration) -> None:
    from .cache import ChunkCache

    if key:
        meta = {"duration_s": result.duration_s, "sample_rate": result.sample_rate, "words": result.words,
                "segments": [[s.start_s, s.end_s, s.text] for s in result.segments]}  # fmt: skip
        ChunkCache().put_narration(key, result.format, result.path, meta)


def _note_source(key: str, hint: str | None) -> None:
    from .cache import ChunkCache

    if hint:
        ChunkCache().note_narration(hint, key)


def source_hint(source: str, options: RunOptions, fmt: str, session: SynthesisSession) -> str | None:
    """A fingerprint of a local file (path, size, time) and everything that shapes its narration,
    known before the file is read; None for URLs and stdin, which can't be fingerprinted cheaply."""
    from .cache import ChunkCache

    if source == "-" or is_url(source):
        return None
    try:
        path = Path(source).resolve()
        info = path.stat()
    except (OSError, RuntimeError):
        return None
    return ChunkCache.key(f"{session.identity}:{fmt}:{options!r}", f"{path}:{info.st_size}:{info.st_mtime_ns}")


def _expects_narration(source: str, options: RunOptions, fmt: str, session: SynthesisSession) -> bool:
    """Whether this source, unchanged, was narrated with these settings and the result is still
    cached: then loading the voice ahead would only make the copy wait for it."""
    from .cache import ChunkCache

    hint = source_hint(source, options, fmt, session) if session.settings.cache else None
    return hint is not None and ChunkCache().expects_narration(hint, fmt)
