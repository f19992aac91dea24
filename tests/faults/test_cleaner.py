"""The HTML cleaner never multiplies text, whatever the tag soup."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.clean.html import clean_html, visible_text
from reader.clean.render import strip_tags
from reader.errors import ExtractionError

SENTENCE = "The council voted on the new harbor plan after a long debate tonight."


def _article_text(html: str) -> str:
    try:
        article = clean_html(html)
    except ExtractionError:
        return ""
    return "\n".join([article.title, *(block.text for block in article.blocks)])


def test_nested_unclosed_table_cells_are_read_once():
    page = "<html><body>" + "".join(f"<table><tr><td>{SENTENCE} Row {n}." for n in range(14))
    started = time.perf_counter()
    text = _article_text(page)
    assert time.perf_counter() - started < 2
    for n in range(14):
        assert text.count(f"Row {n}.") == 1, text[:500]


def test_the_109_byte_page():
    page = "<table><tr><td>One sentence here.<td>Another<td>More text" * 2
    text = _article_text(page) + visible_text(page)
    assert text.count("One sentence here.") <= 4  # at most once per rendering and per cleaner


def test_repeated_real_paragraphs_survive():
    body = "".join(f"<p>{SENTENCE}</p><p>Chorus: we sail at dawn and we come home at dusk, every day.</p>" for _ in range(3))
    text = _article_text(f"<html><body><article><h1>Song</h1>{body}</article></body></html>")
    assert text.count("Chorus") == 3 and text.count(SENTENCE) == 3


_TAGS = ["table", "tr", "td", "th", "div", "p", "span", "b", "ul", "li", "blockquote", "section", "article", "h2"]
_piece = st.one_of(
    st.sampled_from(["<table><tr><td>", "<td>", "<tr><td>", "<td><table><tr><td>"]),
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from([SENTENCE, "Short one.", "Another cell", "More text here, and more."]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_piece, min_size=1, max_size=120))
def test_tag_soup_output_is_bounded_by_its_input(pieces):
    html = "<html><body>" + "".join(pieces)
    limit = len(strip_tags(html)) + 200
    started = time.perf_counter()
    # The body never holds more text than the page; the title may repeat the start of a
    # table row it was taken from (one copy at most, never a multiplication).
    try:
        article = clean_html(html)
    except ExtractionError:
        article = None
    if article is not None:
        assert sum(len(block.text) + 1 for block in article.blocks) <= limit
        assert len(article.title or "") <= limit
    assert len(visible_text(html)) <= limit
    assert time.perf_counter() - started < 5


def test_headline_after_a_kicker_is_said_once():
    """Found by the fuzzer: the <h1> was kept as a heading and said again as the title."""
    headline = "Ferry to the island runs every hour"
    page = f"<td>Harbor news.<td><h1>{headline}</h1>{SENTENCE} {SENTENCE}"
    assert _article_text(page).count(headline) == 1


def test_paragraph_trafilatura_writes_twice_is_said_once():
    """Found by the fuzzer: <p><p><article>A<p>B gave B on its own and again inside A's paragraph."""
    three = f"{SENTENCE} {SENTENCE} {SENTENCE}"
    text = _article_text(f"<p><p><article>{three} First.<p>{three} Second.")
    assert text.count("Second.") == 1 and text.count("First.") == 1
