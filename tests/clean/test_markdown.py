from reader.clean.markdown import clean_markdown
from reader.types import BlockKind

DOC = """---
layout: post
---
# Notes on *river* restoration

The [council](https://example.org) approved the plan on **Monday**.
It will take `three` years.

## Costs

- Dredging the channel
- New fish ladders, two of them

> "It is overdue," said one resident.

```python
print("not narrated")
```

| Item | Cost |
|------|------|
| Ladders | 2 million |

![a photo](river.jpg)
"""


def test_markdown_structure_kept_and_markup_stripped():
    article = clean_markdown(DOC)
    assert article.title == "Notes on river restoration"
    blocks = [(b.kind, b.text) for b in article.blocks]
    assert blocks[0] == (BlockKind.PARAGRAPH, "The council approved the plan on Monday. It will take three years.")
    assert (BlockKind.HEADING, "Costs") in blocks
    assert (BlockKind.LIST_ITEM, "Dredging the channel") in blocks
    assert (BlockKind.LIST_ITEM, "New fish ladders, two of them") in blocks
    assert (BlockKind.QUOTE, '"It is overdue," said one resident.') in blocks
    assert (BlockKind.PARAGRAPH, "Ladders, 2 million") in blocks
    assert not any("print" in text or "photo" in text or "layout" in text for _, text in blocks)
    assert [d.reason for d in article.dropped] == ["code block"]


def test_setext_headings():
    article = clean_markdown("Big title\n=========\n\nBody text here.\n\nPart two\n--------\n\nMore.")
    assert article.title == "Big title"
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "Body text here."),
        (BlockKind.HEADING, "Part two"),
        (BlockKind.PARAGRAPH, "More."),
    ]


def _texts(article):
    return [b.text for b in article.blocks]


def test_indented_and_fenced_code_is_never_read():
    doc = "# Guide\n\nRun the tool like this:\n\n    reader convert page.html\n    echo done\n\n~~~\nmore code\n~~~\n\nThen wait."
    article = clean_markdown(doc)
    assert _texts(article) == ["Run the tool like this:", "Then wait."]
    assert [d.reason for d in article.dropped] == ["code block", "code block"]


def test_footnote_markers_are_not_read_and_definitions_come_last():
    doc = "# Essay\n\nThe river rose[^1] twice this year.\n\nSecond paragraph.\n\n[^1]: Measured at the old bridge."
    article = clean_markdown(doc)
    assert _texts(article) == ["The river rose twice this year.", "Second paragraph.", "Footnote 1: Measured at the old bridge."]


def test_front_matter_gives_title_author_and_date():
    doc = '---\ntitle: "Harbor notes"\nauthors:\n  - Ana Ruiz\ndate: 2024-06-03\ntags: [a, b]\n---\n\nThe harbor reopened today.\n'
    article = clean_markdown(doc)
    assert (article.title, article.byline, article.date) == ("Harbor notes", "Ana Ruiz", "2024-06-03")
    assert _texts(article) == ["The harbor reopened today."]


def test_front_matter_title_and_the_same_h1_are_said_once():
    article = clean_markdown("---\ntitle: Harbor notes\n---\n# Harbor notes\n\nBody.\n")
    assert article.title == "Harbor notes" and _texts(article) == ["Body."]


def test_medium_style_byline_is_not_spoken():
    doc = "# Why rivers move\n\nAna Ruiz · Jun 3, 2024 · 6 min read\n\nRivers move because water is lazy."
    article = clean_markdown(doc)
    assert _texts(article) == ["Rivers move because water is lazy."]
    assert article.byline == "Ana Ruiz"
    assert [d.reason for d in article.dropped] == ["byline or date"]


def test_a_list_of_three_words_is_not_a_byline():
    article = clean_markdown("# Fruit\n\nApples · Pears · Plums\n\nAll grow here.")
    assert _texts(article) == ["Apples · Pears · Plums", "All grow here."]


def test_nested_list_items_and_inline_html():
    article = clean_markdown("# T\n\n- one\n  - two <b>bold</b>\n\n<div>Some <i>html</i> text</div>\n")
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.LIST_ITEM, "one"), (BlockKind.LIST_ITEM, "two bold"), (BlockKind.PARAGRAPH, "Some html text")]


def test_stdin_with_front_matter_is_read_as_markdown():
    import io

    from reader.clean import clean
    from reader.source import load_source

    doc = b"---\ntitle: Harbor notes\nauthor: Ana Ruiz\n---\n\nThe harbor reopened today after the storm.\n"
    article = clean(load_source("-", stdin=io.BytesIO(doc)))
    assert (article.title, article.byline) == ("Harbor notes", "Ana Ruiz")
    assert _texts(article) == ["The harbor reopened today after the storm."]


def test_language_from_front_matter_or_the_words():
    english = " ".join(["The river is wide and the town is on the bank of it."] * 3)
    assert clean_markdown(f"# T\n\n{english}\n").language == "en"
    assert clean_markdown(f"---\nlang: de\n---\n\n{english}\n").language == "de"


def test_a_leading_html_block_is_read_as_its_text():
    """A README's centred logo block: the <b> line is words, the tags and the image are not read."""
    doc = (
        '<p align="center">\n  <img src="logo.png" alt="Logo" width="200"><br>\n  <b>Project news</b> &amp; notes\n</p>\n\n'
        "<!-- badges -->\n\n# Council approves budget\n\nThe council voted on **Tuesday**.\n\n## Critics\n\nThey objected.\n"
    )
    article = clean_markdown(doc)
    assert article.title == "Council approves budget"
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "Project news & notes"),
        (BlockKind.PARAGRAPH, "The council voted on Tuesday."),
        (BlockKind.HEADING, "Critics"),
        (BlockKind.PARAGRAPH, "They objected."),
    ]
