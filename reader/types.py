"""The typed values that pass between pipeline stages.

source -> Source -> clean -> Article -> normalize -> Article -> split ->
Script -> chunk -> list[Chunk] -> synthesize/assemble -> Narration
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class InputKind(str, Enum):
    """How the input text is written, which decides the cleaner."""

    HTML = "html"
    TEXT = "text"
    MARKDOWN = "markdown"


class BlockKind(str, Enum):
    """The structural role of a block; it decides the pause after it."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


@dataclass(frozen=True)
class Source:
    """A decoded input, before any cleaning."""

    text: str
    """The whole input as text (decoded, newlines normalized to \\n)."""
    kind: InputKind
    """HTML, plain text or Markdown, detected from content and name."""
    name: str
    """What the user gave: a path, a URL or ``-`` for standard input."""
    url: str | None = None
    """The final URL after redirects, when the input came from the web."""
    encoding: str = "utf-8"
    """The encoding the bytes were decoded with."""


@dataclass(frozen=True)
class Block:
    """One structural unit of an article: a heading, paragraph, list item or quote."""

    kind: BlockKind
    text: str
    """The block's text on one line, whitespace collapsed."""


@dataclass(frozen=True)
class Dropped:
    """A piece of the input the cleaner left out, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """The readable article: what will be narrated plus its metadata."""

    title: str
    """The headline; empty when none was found."""
    blocks: tuple[Block, ...]
    """The body in reading order, the title excluded."""
    byline: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    dropped: tuple[Dropped, ...] = ()
    """Lines or elements that were judged boilerplate, for --show-dropped/--json."""
    page_type: str = "article"
    """What the page is: ``article``, or the main content of a ``product``, ``forum``,
    ``listing``, ``collection`` or ``documentation`` page as the publisher declares it
    (og:type, schema.org); ``page`` for text with no article whose content lines were kept."""

    def all_blocks(self) -> tuple[Block, ...]:
        """The title (if any) followed by the body, as narrated."""
        head = (Block(BlockKind.TITLE, self.title),) if self.title else ()
        return head + self.blocks

    def to_text(self) -> str:
        """Headline, blank line, then blocks separated by blank lines."""
        return "\n\n".join(block.text for block in self.all_blocks())


@dataclass(frozen=True)
class Paragraph:
    """A block after sentence splitting."""

    kind: BlockKind
    sentences: tuple[str, ...]
    written: tuple[str, ...] = ()
    """After normalization: each sentence as the article writes it (``sentences`` is then
    what will be said). Empty before normalization, where the two are the same."""


@dataclass(frozen=True)
class Script:
    """Exactly what will be spoken: paragraphs of sentences, in order."""

    paragraphs: tuple[Paragraph, ...]

    def to_text(self) -> str:
        """One sentence per line, a blank line between paragraphs."""
        return "\n\n".join("\n".join(p.sentences) for p in self.paragraphs)

    @property
    def sentence_count(self) -> int:
        return sum(len(p.sentences) for p in self.paragraphs)


@dataclass(frozen=True)
class Pauses:
    """Silence, in milliseconds, inserted after each kind of unit."""

    title: int = 1100
    heading: int = 850
    paragraph: int = 650
    sentence: int = 280
    clause: int = 120
    """Between the pieces of a sentence that was too long for one chunk."""

    def after(self, kind: BlockKind) -> int:
        """The pause after the last chunk of a block of this kind."""
        if kind is BlockKind.TITLE:
            return self.title
        if kind is BlockKind.HEADING:
            return self.heading
        return self.paragraph


@dataclass(frozen=True)
class Chunk:
    """One piece of text the engine renders in one call."""

    text: str
    pause_ms: int
    """Silence to insert after this chunk's audio."""
    paragraph: int
    """Index of the paragraph in the script this chunk belongs to."""
    chapter: str | None = None
    """Set on the first chunk of the title or a heading: a chapter starts here (its title as written)."""
    written: str = ""
    """The chunk as the article writes it ("$1.5 billion", "U.S."): what subtitles show.
    ``text`` is what the engine is given; empty means the same as ``text``."""

    def __post_init__(self) -> None:
        if not self.written:
            object.__setattr__(self, "written", self.text)


@dataclass(frozen=True)
class VoicePreset:
    """What a voice is and how it speaks: one ``voices/*.toml`` file."""

    name: str
    engine: str
    """Engine name: ``piper`` or ``pyttsx3``."""
    voice: str
    """The engine's voice: a Piper model name or path, or a pyttsx3 voice id."""
    rate: float = 1.0
    """Speed factor: 1.0 is the voice's natural pace, 2.0 twice as fast."""
    volume: float = 1.0
    pitch: int | None = None
    """0-100 where the engine supports it (pyttsx3/espeak); None leaves it alone."""
    pauses: Pauses = field(default_factory=Pauses)
    description: str = ""
    path: Path | None = None
    """The TOML file this preset came from, if any."""
    language: str | None = None
    """The language this voice speaks (ISO 639-1), used to pick a voice for an article."""


@dataclass(frozen=True)
class Segment:
    """Where one chunk's speech sits in the narration (pauses excluded)."""

    start_s: float
    end_s: float
    text: str


@dataclass(frozen=True)
class Narration:
    """The result of narrating one article to a file."""

    path: Path
    format: str
    title: str
    duration_s: float
    sample_rate: int
    chunks: int
    words: int
    voice: str
    synthesis_s: float
    """Time spent inside the engine, for the overhead measurement."""
    elapsed_s: float
    segments: tuple[Segment, ...] = ()
    """Each chunk's speech, in order: the basis for transcripts and checks."""
    cached: int = 0
    """Chunks taken from the chunk cache instead of synthesized."""
    byline: str | None = None
    date: str | None = None
    """The article's publication date as the page gives it."""
    url: str | None = None
    site: str | None = None
    language: str | None = None
    """The article's language, which chose the normalizer (and the voice, without --voice)."""
