import pytest

from reader.clean import clean, keep_everything
from reader.clean.html import clean_html
from reader.errors import ExtractionError
from reader.source import load_source
from reader.types import BlockKind

from ..conftest import SAMPLE_HTML


def test_sample_html_article_structure_and_metadata():
    article = clean_html(SAMPLE_HTML.read_text(encoding="utf-8"))
    assert article.title == "Floating library opens in the old harbor"
    assert article.byline == "Maria Lindqvist"
    assert article.date == "2024-05-14"
    assert article.site == "Coastline Courier"
    kinds = [b.kind for b in article.blocks]
    assert BlockKind.HEADING in kinds and BlockKind.QUOTE in kinds
    assert kinds.count(BlockKind.LIST_ITEM) == 3
    assert article.blocks[0].text.startswith("A former cargo barge")
    assert article.blocks[-1].text.startswith("The library will open every day")


def test_sample_html_drops_boilerplate():
    text = clean_html(SAMPLE_HTML.read_text(encoding="utf-8")).to_text()
    for boilerplate in ["Skip to content", "cookies", "Share on", "Harbor cleanup", "newsletter",
                        "Lovely idea", "All rights reserved", "Photo: Coastline"]:  # fmt: skip
        assert boilerplate not in text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Login</title></head><body><form><input name=user></form></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
        "<html><body><nav><a href=/>Home</a><a href=/n>News</a></nav></body></html>",
    ],
)
def test_pages_without_article_are_errors(html):
    with pytest.raises(ExtractionError):
        clean_html(html)


def test_malformed_html_still_extracts():
    html = "<html><body><div><p>" + "Unclosed tags everywhere, but the text of this paragraph is long enough to read. " * 5
    html += "<p>A second paragraph with more words than the boilerplate around it, and it also ends properly."
    article = clean_html(html)
    assert "A second paragraph" in article.to_text()


def test_keep_all_reads_every_visible_line(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><p>Hello there.</p></body></html>")
    article = keep_everything(load_source(str(path)))
    assert [b.text for b in article.blocks] == ["Home News", "Hello there."]
    assert clean(load_source(str(path)), keep_all=True).blocks
