"""Clean an HTML page with trafilatura, keeping its structure.

trafilatura is the best-kept open-source main-content extractor (it leads the
public extraction benchmarks); its XML output keeps headings, paragraphs,
lists and quotes apart, which is what the narration's pauses follow.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..errors import ExtractionError
from ..types import Article, Block, BlockKind, Dropped
from .html_xml import xml_to_article
from .lines import count_tokens
from .stopwords import guess_language

_LOGGER = logging.getLogger(__name__)
_MAX_HTML_CHARS = 20 * 1024 * 1024
_MIN_WORDS = 12
"""Fewer words than this is a menu or a stub, not an article."""
_SECOND_OPINION_RATIO = 2.0
_STOPPED_EARLY_RATIO = 1.5
_FURNITURE_MAX_TOKENS = 25
_SECOND_OPINION_COVER = 0.8
_BIO_WINDOW = 3
_STUB_WORDS = 100
"""A precise reading this short is checked against the default one."""
_STUB_RATIO = 3


def clean_html(html: str, *, url: str | None = None) -> Article:
    """Title, byline, date and body blocks of an HTML article, or the main content of another page."""
    from .merge import drop_copies
    from .pagetype import page_type

    if len(html) > _MAX_HTML_CHARS:
        raise ExtractionError("The HTML page is too large to be an article.")
    # Precision mode drops more teasers and link lists; measured on the
    # extraction dev set it also loses less body text than the default.
    xml = _trafilatura(html, url, precision=True)
    default = _DefaultReading(html, url)
    try:
        # The gaps are filled after the second opinion, which weighs trafilatura's own reading.
        article = _filled(second_opinion(xml_to_article(xml), html), default) if xml else _text_fallback(html)
    except ExtractionError:
        article = None
    kind = page_type(html)
    # A page that does not declare itself an article (a forum thread, a
    # product, a listing, documentation) is read as trafilatura's default
    # mode finds its main content, when that holds more than the article
    # reading; a declared article only when ours is empty or a stub.
    if article is None or kind != "article" or _words(article.blocks) < _STUB_WORDS:
        article = _main_content(default, article, others_win=kind != "article")
    if article is None:
        raise ExtractionError(
            "No article text found in the HTML page (it may be an index, a login wall or an "
            "error page). Use --keep-all to narrate all of its text anyway."
        )
    # The label is the publisher's declaration; an undeclared page read like this is an article.
    return replace(article, blocks=drop_copies(article.blocks), page_type=kind if kind != "page" else "article")


class _DefaultReading:
    """trafilatura's default (not precise) reading of one page, made once: filling the
    gaps and weighing a non-article page both want it, and it is the slow step."""

    def __init__(self, html: str, url: str | None) -> None:
        self._html, self._url = html, url
        self._result: tuple[str | None, ExtractionError | None] | None = None

    def xml(self) -> str | None:
        if self._result is None:
            try:
                self._result = (_trafilatura(self._html, self._url, precision=False), None)
            except ExtractionError as exc:
                self._result = (None, exc)
        xml, error = self._result
        if error is not None:
            raise error
        return xml


def _filled(article: Article, default: _DefaultReading) -> Article:
    """The precise reading with what the default reading has between its blocks."""
    from .merge import fill_gaps

    xml = default.xml()
    try:
        return fill_gaps(article, xml_to_article(xml)) if xml else article
    except ExtractionError:
        return article


def _trafilatura(html: str, url: str | None, *, precision: bool) -> str | None:
    import trafilatura

    # trafilatura logs its own parse trouble at ERROR level; the user sees ours.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        return trafilatura.extract(
            html, url=url, output_format="xml", with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, favor_precision=precision,
        )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 -- trafilatura raises assorted lxml/parse errors
        raise ExtractionError(f"The HTML page could not be parsed ({type(exc).__name__}).") from exc


def _main_content(default: _DefaultReading, article: Article | None, *, others_win: bool) -> Article | None:
    """trafilatura's default reading, when it beats ``article`` (None: nothing found)."""
    xml = default.xml()
    try:
        other = xml_to_article(xml) if xml else None
    except ExtractionError:
        other = None
    if other is None:
        return article
    blocks, furniture = _drop_trailing_bio(*_drop_furniture(other.blocks))
    mine = _words(article.blocks) if article is not None else 0
    # One paragraph holding the whole page is trafilatura's last-resort dump
    # of all text (menus included), not a reading of the page's structure.
    structured = len(blocks) > 1
    # A precise reading of a few dozen words beside a default one many times
    # longer kept only the article's lead (a teaser-like intro above its lists).
    stub = mine < _STUB_WORDS and structured and _words(blocks) > _STUB_RATIO * mine
    if _words(blocks) >= _MIN_WORDS and (mine < _MIN_WORDS or stub or others_win and structured and _words(blocks) > mine):
        dropped = tuple(Dropped(text, reason) for text, reason in furniture.items())
        words = [w for block in blocks for w in count_tokens(block.text)[1]]
        language = other.language or guess_language(words)
        return replace(other, blocks=blocks, dropped=dropped, language=language)
    return article


def _words(blocks) -> float:
    """Words as the text cleaner counts them: a CJK text has no spaces, every two characters are a word."""
    return sum(count_tokens(block.text)[0] for block in blocks)


def _text_fallback(html: str) -> Article:
    """When trafilatura finds nothing, the line classifier on the rendered page decides."""
    from .render import html_to_lines
    from .text import clean_text

    article = clean_text("\n".join(html_to_lines(html)))
    if _words(article.blocks) < _MIN_WORDS:
        raise ExtractionError("only a few words")
    return article


def second_opinion(article: Article, html: str) -> Article:
    """Check trafilatura against the line classifier run on the rendered page.

    trafilatura sometimes keeps only the first of several containers an
    article is split into. When the text cleaner finds a body that holds most
    of trafilatura's text and is much longer, its body is the article
    (see ``_classifier_body``); trafilatura's metadata and block kinds stay.
    Otherwise what the classifier reads between two of trafilatura's blocks
    is put back (see ``merge.fill_gaps``). Either way, every rendered line
    left out is reported in ``dropped`` with the classifier's reason.
    """
    from .render import html_to_lines
    from .text import clean_text

    lines = html_to_lines(html)
    try:
        other = clean_text("\n".join(lines))
    except ExtractionError:
        other = None
    blocks, furniture = _drop_furniture(article.blocks)
    blocks, furniture = _drop_trailing_bio(blocks, furniture)
    if other is not None:
        blocks, furniture = _weighed(article, blocks, furniture, other, html)
    reasons = {d.text: d.reason for d in other.dropped} if other is not None else {}
    reasons.update(furniture)
    kept = _Kept(blocks)
    dropped = tuple(
        Dropped(line, reasons.get(line, "outside the article"))
        for line in lines
        if line not in kept and not _same(line, article.title)
    )
    words = [w for block in blocks for w in count_tokens(block.text)[1]]
    return replace(article, blocks=blocks, dropped=dropped, language=article.language or guess_language(words))


class _Kept:
    """The kept blocks joined, asked whether a rendered line is in them (a block or a piece of one).

    The answer is ``line in " ".join(block texts)``, but that search over the
    whole article for every line was quadratic (25,000 paragraphs: 1.7 s,
    growing with the square). A line that is a block is looked up; a longer
    line has whole words inside it, and only the blocks holding the rarest of
    them (with a line's length around them, for a line across two blocks) are
    searched. Only a line of one or two words, which may be part of a word,
    is still searched in the whole text, once per distinct line.
    """

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        texts = [block.text for block in blocks]
        self._text = " ".join(texts)
        self._whole = set(texts)
        self._spans: list[tuple[int, int]] = []
        self._holding: dict[str, set[int]] = {}
        offset = 0
        for index, text in enumerate(texts):
            self._spans.append((offset, offset + len(text)))
            offset += len(text) + 1
            for word in text.split():
                self._holding.setdefault(word, set()).add(index)
        self._short: dict[str, bool] = {}

    def __contains__(self, line: str) -> bool:
        if line in self._whole:
            return True
        words = line.split()
        if len(words) < 3:
            if line not in self._short:
                self._short[line] = line in self._text
            return self._short[line]
        # A word with spaces on both sides in the line has them in the text too: a whole word of a block.
        rarest = min((self._holding.get(word, set()) for word in words[1:-1]), key=len)
        reach = len(line)
        return any(
            line in self._text[max(0, start - reach) : end + reach] for start, end in (self._spans[i] for i in rarest)
        )


def _weighed(
    article: Article, blocks: tuple[Block, ...], furniture: dict[str, str], other: Article, html: str
) -> tuple[tuple[Block, ...], dict[str, str]]:
    """trafilatura's ``blocks`` after the classifier's reading ``other``: replaced by it, or their gaps filled."""
    from .html_extend import trim_extensions
    from .merge import fill_gaps
    from .pagetype import page_type
    from .render import figure_captions

    body = _classifier_body(blocks, other.blocks)
    if body is None:
        # A paragraph, list or subheading trafilatura skipped inside the article
        # sits between two blocks both readings share; the classifier kept it.
        # It keeps figure captions too, which trafilatura leaves out with the images.
        captions = figure_captions(html)
        theirs = tuple(b for b in other.blocks if not any(b.text in caption for caption in captions))
        return fill_gaps(replace(article, blocks=blocks), replace(other, blocks=theirs)).blocks, furniture
    # An article goes on in running text; a listing's or a shop's content is
    # its short entries, so only an article's body is cut where prose ends.
    if page_type(html) == "article":
        body = trim_extensions(body, blocks)
    kinds = {block.text: block.kind for block in article.blocks}
    blocks = tuple(Block(kinds.get(b.text, b.kind), b.text) for b in body if not _same(b.text, article.title))
    return _drop_trailing_bio(blocks, furniture)  # a page of sentences only keeps its bio


def _drop_furniture(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], dict[str, str]]:
    """Paragraphs trafilatura kept that only page furniture says (paywall notes, calls to action)."""
    from .lines import describe

    kept, reasons = [], {}
    for block, line in zip(blocks, describe([b.text for b in blocks])):
        if block.kind is not BlockKind.PARAGRAPH:
            kept.append(block)
        elif line.furniture and line.tokens < _FURNITURE_MAX_TOKENS:
            reasons[block.text] = "page furniture (call to action, sharing, legal)"
        elif line.caption:
            reasons[block.text] = "photo caption or credit"
        else:
            kept.append(block)
    return tuple(kept), reasons


def _drop_trailing_bio(blocks: tuple[Block, ...], reasons: dict[str, str]) -> tuple[tuple[Block, ...], dict[str, str]]:
    """An author's bio among the last paragraphs ends the article; it and what follows are dropped."""
    from .lines import is_author_bio

    for index in range(max(1, len(blocks) - _BIO_WINDOW), len(blocks)):
        block = blocks[index]
        if block.kind is BlockKind.PARAGRAPH and is_author_bio(block.text, count_tokens(block.text)[0]):
            reasons = {**reasons, **{b.text: "author bio after the article" for b in blocks[index:]}}
            return blocks[:index], reasons
    return blocks, reasons


def _classifier_body(ours: tuple[Block, ...], theirs: tuple[Block, ...]) -> tuple[Block, ...] | None:
    """The classifier's body when trafilatura stopped early, else None.

    Over twice as long and holding most of trafilatura's text, it is taken
    whole. Half as long again, it is taken from trafilatura's first block on:
    what the classifier adds above the article's start is more often a
    teaser than a lost lead, what it adds further down is the rest.
    """
    mine, other = _shingles(ours), _shingles(theirs)
    if not mine or len(mine & other) < _SECOND_OPINION_COVER * len(mine):
        return None
    if len(other) > _SECOND_OPINION_RATIO * len(mine):
        return theirs
    start = next((i for i, block in enumerate(theirs) if ours and block.text == ours[0].text), None)
    if start is None or len(_shingles(theirs[start:])) <= _STOPPED_EARLY_RATIO * len(mine):
        return None
    return theirs[start:]


def _shingles(blocks) -> set[tuple[str, ...]]:
    words = " ".join(block.text for block in blocks).lower().split()
    return {tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3))}


def _same(a: str, b: str) -> bool:
    """Equal but for case and spacing (markup can glue "tonight.<td>The" where the title has a space)."""
    return "".join(a.split()).casefold() == "".join(b.split()).casefold()


def visible_text(html: str) -> str:
    """All text a browser would show, one block per line (for --keep-all)."""
    from .render import html_to_lines

    return "\n".join(html_to_lines(html))
