import pytest

from reader.clean import clean, keep_everything
from reader.clean.html import clean_html, visible_text
from reader.errors import ExtractionError
from reader.source import load_source
from reader.types import Block, BlockKind

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


FIXTURES = SAMPLE_HTML.parent.parent / "tests" / "fixtures" / "html"


def test_widgets_inside_the_article_are_dropped():
    from reader.pipeline import extract

    article = extract(str(FIXTURES / "opinion-with-widgets.html"))
    text = article.to_text()
    assert article.title == "Why every town needs a repair café" and article.byline == "Jonas Weber"
    assert article.site == "The Valley Voice" and article.language == "en"
    assert text.count("\n\n") == 5  # title + five paragraphs
    for boilerplate in ["cookies", "Advertisement", "Read more", "library now lends", "free articles",
                        "columnist for", "Most read", "Bypass plans", "© 2024"]:  # fmt: skip
        assert boilerplate not in text, boilerplate
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["You have read 3 of 5 free articles this month. Subscribe for unlimited access."].startswith("page furniture")


def test_article_split_across_containers_is_read_whole():
    """trafilatura keeps only the first container here; the line classifier sees the whole body."""
    paragraphs = [f"Part {i} of the story goes on with enough words to be a paragraph of its own, and it ends here." for i in range(12)]
    first = "".join(f"<p>{p}</p>" for p in paragraphs[:3])
    rest = "".join(f"<p>{p}</p>" for p in paragraphs[3:])
    html = (
        "<html><body><nav><a href=/>Home</a></nav><article><h1>A split story</h1>"
        f'<div class="article-body">{first}</div><div class="ad">Advertisement</div>'
        f'<div class="article-body-2">{rest}</div></article><footer>© 2024 Example</footer></body></html>'
    )
    article = clean_html(html)
    kept = [b.text for b in article.blocks]
    assert kept == paragraphs


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 200_000 + "".join(f"<p>Paragraph {i} has words enough to be text of an article, here.</p>" for i in range(20)),
        "<table>" * 5000 + "<tr><td>" + "".join(f"<p>Row {i} carries a sentence that is long enough to be kept by the cleaner.</p>" for i in range(20)),
    ],
    ids=["deeply-nested-divs", "nested-tables"],
)
def test_pathological_nesting_is_read_quickly(html):
    import time

    start = time.perf_counter()
    article = clean_html(html)
    assert time.perf_counter() - start < 10
    assert len(article.blocks) == 20


def test_huge_page_is_refused_quickly(tmp_path):
    from reader.errors import SourceError

    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 5_000_000)
    with pytest.raises(SourceError, match="larger than"):
        load_source(str(path))


def test_wrongly_declared_encoding_still_reads(tmp_path):
    from reader.pipeline import extract

    body = "".join(f"<p>Le café numéro {i} à Genève sert des crêpes et du thé, même très tôt le matin.</p>" for i in range(6))
    page = f'<html><head><meta charset="utf-8"><title>Cafés</title></head><body><article><h1>Cafés à Genève</h1>{body}</article></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    assert "Le café numéro 0 à Genève" in extract(str(path)).to_text()


def test_xhtml_page_with_an_xml_declaration_reads():
    body = "".join(f"<p>Paragraph {n} of the story says something about the harbor and its boats.</p>" for n in range(6))
    page = f'<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1>{body}</article></body></html>'
    article = clean_html(page)
    assert [b.text[:11] for b in article.blocks] == [f"Paragraph {n}" for n in range(6)]
    assert "Paragraph 0" in visible_text(page)


def test_page_type_from_the_publishers_labels():
    from reader.clean.pagetype import page_type

    assert page_type('<meta property="og:type" content="article"><p>x</p>') == "article"
    assert page_type('<script type="application/ld+json">{"@type": "NewsArticle"}</script>') == "article"
    assert page_type('<script type="application/ld+json">{"@type": "Product"}</script>') == "product"
    assert page_type('<div itemtype="https://schema.org/DiscussionForumPosting">') == "forum"
    assert page_type("<html><body><p>Nothing declared.</p></body></html>") == "page"


PRODUCT = """<html><head><title>Oak desk</title>
<script type="application/ld+json">{"@type": "Product", "name": "Oak desk"}</script></head><body>
<nav><a href="/">Home</a> <a href="/desks">Desks</a></nav>
<main><h1>Oak desk</h1><p>$499</p><ul>
<li>Solid oak top, oiled by hand in our workshop</li><li>Steel legs in black or white</li>
<li>Fits two monitors side by side</li></ul>
<p>Our oak desk is built to last a lifetime, from timber grown in managed forests.</p>
<h2>Dimensions</h2><ul><li>Width 140 cm</li><li>Depth 70 cm</li></ul></main>
<footer>© 2024 Desk Co.</footer></body></html>"""


def test_a_product_page_gives_its_main_content_not_an_error():
    article = clean_html(PRODUCT)
    texts = [b.text for b in article.blocks]
    for wanted in ("Solid oak top, oiled by hand in our workshop", "Fits two monitors side by side", "Width 140 cm"):
        assert wanted in texts
    assert not any("Desk Co." in text or text == "Home" for text in texts)


def test_an_author_bio_after_the_html_article_is_dropped():
    paragraphs = "".join(f"<p>Paragraph {n} of the story says something about the harbor, its boats and the town.</p>" for n in range(6))
    bio = "Ana Ruiz is a freelance writer who covers the coast, its harbors and the people who work on them."
    page = f"<html><body><article><h1>Harbor</h1>{paragraphs}<p>{bio}</p></article></body></html>"
    texts = [b.text for b in clean_html(page).blocks]
    assert texts[-1].startswith("Paragraph 5") and bio not in texts


@pytest.mark.parametrize(
    "line, inside",
    [
        ("Second paragraph, longer than the first one.", True),  # a block
        ("longer than the first", True),  # a piece of a block
        ("Kyle Busch", True),  # a table cell: trafilatura joins a row's cells with commas
        ("first one. Kyle Busch,", True),  # across two blocks, as in the joined text
        ("Busch", True),  # one word, part of a block's word
        ("India", False),
        ("a line the article never says", False),
    ],
)
def test_kept_blocks_answer_like_their_joined_text(line, inside):
    from reader.clean.html import _Kept

    blocks = tuple(
        Block(BlockKind.PARAGRAPH, text)
        for text in ("Short one.", "Second paragraph, longer than the first one.", "Kyle Busch, 5040, 5")
    )
    assert (line in _Kept(blocks)) is inside
    assert (line in " ".join(block.text for block in blocks)) is inside


_CJK_PAGE = """<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body><article>
<h1>{title}</h1>{paragraphs}</article></body></html>"""


@pytest.mark.parametrize(
    "lang, title, paragraphs",
    [
        (
            "ja",
            "市議会が新予算を承認",
            [
                "市議会は火曜日、来年度の新しい予算案を賛成多数で可決した。当局者によると、この計画は地域全体の学校や道路、公園の整備に充てられる。",
                "批判的な議員らは、支出が多すぎて住民の税負担が増えると主張した。これに対し市長は、投資は遅すぎたくらいだと反論した。",
                "予算は来月の最終審議を経て一月に施行される。複数の議員は、それまでにさらに議論が続くとの見通しを示した。",
            ],
        ),
        (
            "zh",
            "市议会批准新预算",
            [
                "市议会周二投票批准了明年的新预算。官员表示，该计划将为整个地区的学校、道路和公园提供资金。",
                "批评者认为支出过高，并会增加居民的税收负担。市长则表示，这项投资早就应该进行了。",
                "预算将在下个月进行最终审议，并于一月生效。几位议员表示，在此之前还会有更多讨论。",
            ],
        ),
    ],
)
def test_a_cjk_article_is_read(lang, title, paragraphs):
    # No spaces between words: counted by whitespace, three paragraphs were three
    # "words", under the 12 an article needs, and the page was "No article text found".
    html = _CJK_PAGE.format(lang=lang, title=title, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))
    article = clean_html(html)
    assert article.title == title
    assert [block.text for block in article.blocks] == paragraphs
