import re


from reader.split import MAX_CHUNK_CHARS, chunk_script, split_article
from reader.types import Article, Block, BlockKind, Pauses


def _article(*paragraphs: str, title: str = "A title here") -> Article:
    return Article(title=title, blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs))


def test_chunks_keep_every_word_in_order_and_respect_the_limit():
    long_sentence = ", ".join(f"clause number {i} of a very long sentence that keeps going" for i in range(30)) + "."
    article = _article("Yes. It is. A normal sentence follows with enough words in it.", long_sentence)
    chunks = chunk_script(split_article(article), Pauses())
    assert all(len(c.text) <= MAX_CHUNK_CHARS for c in chunks)
    words = lambda s: re.findall(r"\w+", s)  # noqa: E731
    assert [w for c in chunks for w in words(c.text)] == words(article.to_text())


def test_short_fragments_are_merged_with_a_neighbour():
    chunks = chunk_script(split_article(_article("Yes. It is. A normal sentence follows with enough words.")), Pauses())
    assert [c.text for c in chunks[1:]] == ["Yes. It is. A normal sentence follows with enough words."]


def test_pauses_follow_structure():
    pauses = Pauses(title=1000, heading=800, paragraph=600, sentence=300, clause=100)
    article = Article(
        title="The title",
        blocks=(
            Block(BlockKind.PARAGRAPH, "First sentence has six words here. Second sentence has six words too."),
            Block(BlockKind.HEADING, "A section heading"),
            Block(BlockKind.PARAGRAPH, "Last paragraph with a handful of words."),
        ),
    )
    chunks = chunk_script(split_article(article), pauses)
    assert [c.pause_ms for c in chunks] == [1000, 300, 600, 800, 500]
    assert [c.paragraph for c in chunks] == [0, 1, 1, 2, 3]


def test_unbreakable_word_is_cut_not_lost():
    word = "x" * 1000
    chunks = chunk_script(split_article(_article(word)), Pauses())
    assert "".join(c.text for c in chunks[1:]) == word + "."  # the voice gets a final stop


def test_headings_and_items_get_a_final_stop_for_the_engine():
    article = Article(title="A title", blocks=(Block(BlockKind.LIST_ITEM, "An item without a stop"),
                                                 Block(BlockKind.PARAGRAPH, "A sentence that has one!")))
    assert [c.text for c in chunk_script(split_article(article), Pauses())] == [
        "A title.", "An item without a stop.", "A sentence that has one!"]
