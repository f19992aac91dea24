"""The precise reading's gaps filled from the default one, and a stub replaced by it."""

import pytest

from reader.clean import html as html_cleaner
from reader.clean.merge import drop_copies, fill_gaps
from reader.types import Article, Block, BlockKind

LEAD = "The old river bridge reopened to traffic on Friday after eight months of repairs to its deck."
MIDDLE = "Engineers said the work came in under budget, and that the bridge should last another fifty years."
END = "The mayor thanked residents for their patience during the long detours and promised a street party."


def _article(*texts: str) -> Article:
    return Article(title="Bridge reopens", blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in texts))


def test_a_paragraph_between_two_shared_blocks_is_put_back():
    precise = _article(LEAD, END)
    default = _article("Most read: five recipes for a summer evening, tested.", LEAD, "Share", MIDDLE, END, "Also on the site.")
    assert [b.text for b in fill_gaps(precise, default).blocks] == [LEAD, MIDDLE, END]


def test_nothing_is_added_before_the_first_or_after_the_last_shared_block():
    precise = _article(LEAD, END)
    teaser = "Council approves new parking rules for the old town and the harbour area, starting in June."
    default = _article(teaser, LEAD, END, teaser)
    assert fill_gaps(precise, default).blocks == precise.blocks


def _xml(*paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<doc title="Bridge reopens"><main>{body}</main></doc>'


@pytest.fixture
def readings(monkeypatch):
    """trafilatura replaced: its precise reading keeps only the lead, its default one the whole article."""
    body = [f"{MIDDLE} Paragraph {n} goes on about the bridge, its builders and the town around it." for n in range(12)]
    outputs = {True: _xml(LEAD), False: _xml(LEAD, *body, END)}
    monkeypatch.setattr(html_cleaner, "_trafilatura", lambda html, url, *, precision: outputs[precision])
    return [LEAD, *body, END]


def test_a_stub_beside_a_default_reading_many_times_longer_is_replaced(readings):
    page = '<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>'
    assert [b.text for b in html_cleaner.clean_html(page).blocks] == readings


def _paragraphs(count: int) -> list[str]:
    return [f"Paragraph {n} tells more of the story of the bridge, its builders and the town around it." for n in range(count)]


def test_an_article_rendered_twice_is_said_once():
    copy = ["Key facts", *_paragraphs(6), "Pros", "Cons"]
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in [*copy, "Share", *copy])
    assert [b.text for b in drop_copies(blocks)] == [*copy, "Share"]


def test_a_summary_that_restates_a_few_paragraphs_is_kept():
    body = _paragraphs(12)
    texts = [*body[:3], *body, "Pros", "Pros"]
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in texts)
    assert [b.text for b in drop_copies(blocks)] == texts


def test_a_subheading_over_kept_text_is_put_back_but_not_a_table_label():
    heading, label = Block(BlockKind.HEADING, "How the repairs were paid"), Block(BlockKind.HEADING, "Overall score")
    other_label = Block(BlockKind.HEADING, "Ease of use")
    score = Block(BlockKind.PARAGRAPH, "4.5/5")
    lead, end = Block(BlockKind.PARAGRAPH, LEAD), Block(BlockKind.PARAGRAPH, END)
    precise = Article(title="Bridge reopens", blocks=(lead, end))
    default = Article(title="Bridge reopens", blocks=(lead, label, score, other_label, heading, end))
    assert fill_gaps(precise, default).blocks == (lead, heading, end)


def _para(count: int, word: str) -> Block:
    return Block(BlockKind.PARAGRAPH, " ".join(f"{word}{n}" for n in range(count)))


def test_a_body_half_as_long_again_is_taken_from_trafilaturas_first_block():
    teaser, lead, middle, rest = _para(10, "teaser"), _para(40, "lead"), _para(40, "middle"), _para(60, "rest")
    assert html_cleaner._classifier_body((lead, middle), (teaser, lead, middle, rest)) == (lead, middle, rest)


def test_a_body_over_twice_as_long_is_taken_whole_and_a_short_one_not_at_all():
    lead, rest = _para(40, "lead"), _para(100, "rest")
    assert html_cleaner._classifier_body((lead,), (rest, lead, rest)) == (rest, lead, rest)
    assert html_cleaner._classifier_body((lead,), (lead, _para(10, "more"))) is None



def test_a_gap_block_already_inside_a_kept_block_is_not_said_twice():
    joined = f"Targeted muscles: glutes, hamstrings and quads. {MIDDLE}"
    split = "Targeted muscles: glutes, hamstrings and quads."
    precise = _article(LEAD, joined, END)
    default = _article(LEAD, joined, split, MIDDLE + " Then traffic returned.", END)
    assert [b.text for b in fill_gaps(precise, default).blocks] == [LEAD, joined, MIDDLE + " Then traffic returned.", END]
