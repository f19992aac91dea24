"""Fuzz the whole text path: source -> clean -> script, on random bytes, HTML, Markdown and text.

Every failure must be a ReaderError (one line for the user), never another
exception; and for text the script says every word of the cleaned article.

Size: READER_FUZZ_EXAMPLES examples per test (default 2000, about two
minutes for the five tests on a 2-core machine); e.g. READER_FUZZ_EXAMPLES=200 for a quick run.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
import unicodedata
from collections import Counter
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.pipeline import extract, make_script
from reader.source import load_source
from reader.types import Article, Script

_SLACK_LETTERS = 24
EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=timedelta(seconds=10), suppress_health_check=[HealthCheck.too_slow],
    derandomize=False, database=None,
)  # fmt: skip

_WORDS = ["harbor", "ferry", "Kyiv", "council", "said", "on", "Friday", "the", "of", "and", "Dr.", "U.S.", "$210",
          "March 7, 2023", "10:01 PM", "1,250,000", "64.3%", "e.g.", "etc.", "WWII", "km/h", "—", "…", "«", "»",
          "naïve", "Straße", "Москва", "東京", "😀", "&amp;", "&#x263A;", "http://example.org/a", "@user", "#tag"]  # fmt: skip
_word = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.text(min_size=1, max_size=12))
_sentence = st.lists(_word, min_size=1, max_size=25).map(" ".join).map(lambda s: s + st_end(s))
_line = st.one_of(_sentence, st.sampled_from(["", "", "Subscribe", "Related", "Comments", "© 2024", "Read more"]))


def st_end(text: str) -> str:
    return "" if len(text) % 3 else "."


_text = st.lists(_line, min_size=1, max_size=30).map("\n".join)
_md_prefix = st.sampled_from(["", "", "# ", "## ", "- ", "* ", "1. ", "> ", "```\n", "    ", "| a | b |\n"])
_markdown = st.lists(st.tuples(_md_prefix, _line).map("".join), min_size=1, max_size=30).map("\n".join)
_TAGS = ["p", "div", "table", "tr", "td", "h1", "h2", "ul", "li", "blockquote", "article", "main", "span", "br",
         "script", "style", "title", "head", "body", "html", "nav", "footer", "a", "pre", "meta charset=x"]  # fmt: skip
_tag = st.tuples(st.sampled_from(["<", "</"]), st.sampled_from(_TAGS)).map(lambda t: f"{t[0]}{t[1]}>")
_nest = st.sampled_from(["<table><tr><td>", "<td>", "<tr><td>"])  # unclosed cells: the markup that once multiplied text
_html = st.lists(st.one_of(_tag, _sentence, _nest), min_size=1, max_size=80).map("".join)


def _words(text: str) -> Counter:
    """Runs of letters: what no stage may lose (digits and symbols are rewritten by design)."""
    # Invisible characters (soft hyphens, C1 controls) are dropped by the cleaner, joining
    # the letters around them; NFKC and casefold make ligatures and case compare equal.
    visible = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return Counter(re.findall(r"[^\W\d_]+", visible.casefold()))


_INVISIBLE = re.compile("[\u00ad\u0080-\u009f\u200b-\u200f\u2060-\u2064\ufeff\x00-\x08\x0b\x0e-\x1f\x7f]")


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", unicodedata.normalize("NFKC", text)))


def _article_words(article: Article) -> Counter:
    return _words(" ".join([article.title or "", *(block.text for block in article.blocks)]))


def _script_words(script: Script, written: bool) -> Counter:
    return _words(" ".join(s for p in script.paragraphs for s in (p.written or p.sentences if written else p.sentences)))


def _run(data: bytes, suffix: str, check_words: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            source = load_source(str(path))
            article = extract(str(path))
            plain = make_script(article, normalize=False)
            spoken = make_script(article)
        except ReaderError as exc:
            assert str(exc).strip() and "\n" not in str(exc).strip()
            return
    # The cleaner only ever leaves out: never more letters than the input has (nested
    # markup once made one sentence 741 copies). Entities count as what they stand for.
    # The slack: trafilatura may still repeat a paragraph of a word or two (below the
    # cleaner's 3-word copy check), which is noise, not multiplication.
    # The title is checked on its own: it may repeat the start of a table row it came from.
    bound = max(_letters(source.text), _letters(html.unescape(source.text))) + _SLACK_LETTERS
    assert _letters(" ".join(block.text for block in article.blocks)) <= bound
    assert _letters(article.title or "") <= bound
    if check_words:
        assert _script_words(plain, written=False) == _article_words(article)
        assert _script_words(spoken, written=True) == _article_words(article)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["", ".txt", ".html", ".md"]))
def test_random_bytes(data, suffix):
    _run(data, suffix, check_words=True)


@FUZZ
@given(_text, st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_random_text(text, encoding):
    _run(text.encode(encoding, "replace"), ".txt", check_words=True)


@FUZZ
@given(_markdown)
def test_random_markdown(text):
    _run(text.encode(), ".md", check_words=True)


@FUZZ
@given(_html, st.sampled_from([".html", ".txt"]))
def test_random_html(page, suffix):
    _run(page.encode(), suffix, check_words=True)


def _codec_names() -> list[str]:
    """Every codec name and alias Python knows, and some it doesn't: a <meta charset> may say anything."""
    from encodings.aliases import aliases

    return sorted({*aliases, *aliases.values(), "undefined", "x-user-defined", "utf-7", "rot13", "hex", "nonsense"})


@FUZZ
@given(
    st.one_of(st.sampled_from(_codec_names()), st.sampled_from(["undefined", "unicode_escape", "utf-16", "idna"])),
    st.lists(st.integers(0x80, 0xFF), max_size=40).map(bytes),  # bytes that are not UTF-8 on their own
    _sentence,
)
def test_any_declared_charset(charset, noise, sentence):
    page = f'<html><head><meta charset="{charset}"></head><body><p>'.encode() + noise + sentence.encode("utf-8")
    _run(page + b"\xe9</p></body></html>", ".html", check_words=True)
