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
