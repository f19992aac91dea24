"""The classifier's reading beside trafilatura's: how far its body reaches, what it puts back."""

from reader.clean.html import second_opinion
from reader.clean.html_extend import trim_extensions
from reader.types import Article, Block, BlockKind


def _para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


STORY = [
    _para(text)
    for text in (
        "The council voted on Tuesday to turn the old cargo barge into a floating library for the harbour.",
        "Work on the hull starts in March, and the shelves should be fitted before the summer holidays begin.",
        "Residents asked for a reading room with a view of the water, so the upper deck gets large windows.",
        "The library will lend books, tools and board games, and it will host a story hour for children.",
        "Funding comes from a regional grant and from a crowdfunding campaign that raised forty thousand euros.",
        "The mayor said the barge shows how an old working harbour can find a new life without losing its past.",
    )
]
REST = [_para(f"The rest of the story, part {n}, goes on about the barge and the people who will use it.") for n in range(4)]
WIDGETS = [_para(text) for text in ("Add us as a trusted source", "Top Trending Terms", "Share PriceMarket TodayIPO Live",
                                    "Horoscope TodayTax CalculatorAge Calculator", "View all stories")]  # fmt: skip


def test_the_rest_of_the_article_is_kept_and_the_widgets_after_it_are_cut():
    body = (*STORY, *REST, *WIDGETS)
    assert trim_extensions(body, tuple(STORY[:3])) == (*STORY, *REST)


def test_a_menu_above_the_article_is_cut_but_not_its_lead():
    menu = [_para(text) for text in ("Home", "News", "Markets", "Opinion")]
    body = (*menu, *STORY, *REST)
    assert trim_extensions(body, tuple(STORY[1:4])) == (*STORY, *REST)


def test_a_paragraph_trafilatura_skipped_between_two_of_its_blocks_is_put_back():
    html = "<html><body><article>" + "".join(f"<p>{b.text}</p>" for b in STORY) + "</article></body></html>"
    skipped = (*STORY[:2], *STORY[3:])
    article = second_opinion(Article(title="Harbour", blocks=skipped), html)
    assert article.blocks == tuple(STORY)


def test_a_figure_caption_the_classifier_kept_is_not_put_back():
    caption = "The barge at its mooring on Friday morning, seen from the harbour wall by the old customs house."
    figure = f"<figure><img src=barge.jpg><figcaption>{caption}</figcaption></figure>"
    paragraphs = [f"<p>{b.text}</p>" for b in STORY]
    html = "<html><body><article>" + "".join(paragraphs[:3] + [figure] + paragraphs[3:]) + "</article></body></html>"
    article = second_opinion(Article(title="Harbour", blocks=(*STORY[:3], *STORY[4:])), html)
    assert article.blocks == tuple(STORY)
