"""Malformed input never crashes the normalizer or the splitter, and never loses a word."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.normalize import Normalizer, normalize_script, speakable
from reader.split import split_article
from reader.types import Article, Block, BlockKind

normalizer = Normalizer()
_PLAIN = re.compile(r"[^\W\d_]+")

_PIECES = ["Mr.", "U.S.", "St.", "$210 million", "10:01 PM", "2014–2022", "March 7, 2023", "No.", "III",
                     "NATO", "FBI", "e.g.", "...", "\"", "(", ")", "—", "&", "/", "#tag", "@user", "1/2", "911",
                     "-", "%", "°C", "km", "\u200b", "\x07", "\u00a0", "Київ", "北京", "١٢٣",
                     "$2", "billion", "billionaire", "aire", "million", "pm", "am", "TB", "KG", "kg", "4-TB", "₩",
                     "R$", "CHF", "½", "−", "#", "[1]", "[a]", "1.", "2)", "Jan.", "july", "GMT", "Q3", "FY",
                     "1.25", "0.26", "9.30", "at", "x", "th", "st", "s", "'s", "B", "M", "k",
                     "10 000", "1 234", "000", "22/3", "08/2026", "3/4-inch", "a", "2x8", "4.4x", "*", "÷", "'08", "in",
                     "Mon.", "Fri", "Mon-Fri", "1st-3rd", "between", "BC", "AD", "30C", "C", "closed", "traded", "mid-"]  # fmt: skip
# an amount, a scale or unit, and letters glued after it: "$2 billionaire", "5 kmh", "12KGs"
_GLUED = st.tuples(
    st.sampled_from(["$2", "€5", "₩460", "4", "1.5", "9.30", "#1"]),
    st.sampled_from([" ", ""]),
    st.sampled_from(["billion", "million", "bn", "TB", "kg", "KG", "km", "pm", "am", "GMT", "%"]),
    st.from_regex(r"[a-z]{0,5}", fullmatch=True),
).map("".join)
pieces = st.one_of(
    st.sampled_from(_PIECES),
    st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{1,5})?", fullmatch=True),
    st.text(max_size=8),
    _GLUED,
)
# Pieces are sometimes glued together ("$2" + "billionaire" -> "$2billionaire", "5" + "pm").
texts = st.lists(st.tuples(pieces, st.sampled_from([" ", " ", ""])), max_size=40).map(
    lambda parts: "".join(piece + glue for piece, glue in parts)
)


def _spans_are_honest(cleaned: str, rewrites) -> None:
    """Each rewrite's original stands at its own place, spans never overlap, and none starts or ends inside a word."""
    last_end = 0
    for r in sorted(rewrites, key=lambda r: r.start):
        assert cleaned[r.start : r.end] == r.original, (r, cleaned)
        assert r.start >= last_end, ("overlapping rewrites", r, cleaned)
        last_end = r.end
        assert not (r.start > 0 and cleaned[r.start - 1].isalnum() and cleaned[r.start].isalnum()), ("cut", r, cleaned)
        assert not (r.end < len(cleaned) and cleaned[r.end - 1].isalnum() and cleaned[r.end].isalnum()), ("cut", r, cleaned)


def _plain_words_in_order(original: str, spoken: str, rewrites) -> None:
    """Every plain word appears in the output, in order, unless a rewrite read all of it.

    A word only partly inside a rewrite ("billionaire" after "$2 billion") is a cut word: a failure.
    """
    cleaned = speakable(original)
    _spans_are_honest(cleaned, rewrites)
    words = []
    for m in _PLAIN.finditer(cleaned):
        inside = [r for r in rewrites if r.start <= m.start() and m.end() <= r.end]
        touched = [r for r in rewrites if r.start < m.end() and m.start() < r.end]
        assert len(inside) == len(touched), ("word cut by a rewrite", m.group(0), touched, cleaned)
        if not inside:
            words.append(m.group(0))
    position = 0
    for word in words:
        found = spoken.find(word, position)
        assert found >= 0, (word, original, spoken)
        position = found + len(word)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_word_survives_normalization(text):
    spoken, rewrites = normalizer.sentence(text)
    _plain_words_in_order(text, spoken, rewrites)
    for r in rewrites:
        assert r.spoken.strip() in spoken


def test_a_word_glued_to_an_amount_is_never_cut():
    for text in ["He is a $2 billionaire.", "A £5 millionaire.", "The 5 kmh sign.", "It cost $3 billions."]:
        spoken, rewrites = normalizer.sentence(text)
        _plain_words_in_order(text, spoken, rewrites)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_every_word_survives_split_and_normalization(text):
    article = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, text),))
    script, rewrites = normalize_script(split_article(article), normalizer)
    sentences = [s for p in script.paragraphs for s in p.sentences]
    raw = [s for p in split_article(article).paragraphs for s in p.sentences if speakable(s)]
    assert len(raw) == len(sentences) == len(rewrites)
    for original, sentence, sentence_rewrites in zip(raw, sentences, rewrites):
        _plain_words_in_order(original, sentence, sentence_rewrites)


def test_five_hundred_digit_number_is_read_digit_by_digit():
    spoken, _ = normalizer.sentence("The key is " + "7" * 500 + " long.")
    assert spoken.count("seven") == 500


def test_megabyte_line_without_punctuation():
    import time

    text = " ".join(f"word{i % 97} and 12 more" for i in range(60_000))  # about 1 MB
    assert len(text) > 1_000_000
    start = time.perf_counter()
    article = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, text),))
    script, _ = normalize_script(split_article(article), normalizer)
    assert time.perf_counter() - start < 60
    assert script.to_text().count("twelve more") == 60_000


def test_control_characters_mixed_scripts_and_unbalanced_quotes():
    text = '\x00He said "it will \x07 end in Київ, 北京 and القاهرة on May 3 (maybe'
    spoken, _ = normalizer.sentence(text)
    for word in ["He", "said", "Київ", "北京", "القاهرة", "May", "third", "maybe"]:
        assert word in spoken
    assert "\x00" not in spoken and "\x07" not in spoken


def test_non_english_text_passes_through():
    article = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, "Die Stadt zahlt 12 Mio. Euro am 3. März 2024."),), language="de")
    script, rewrites = normalize_script(split_article(article), normalizer, language="de")
    assert "12" in script.to_text() and rewrites == [[]] * len(rewrites)


def test_long_runs_of_separators_take_linear_time():
    """A pattern that rescans a run at every position is quadratic: 100 KB of "1-1-" took minutes."""
    import time

    for run in ["1-", "a.", "1:", "+1 ", "0 800 ", "$1,", "1/", "-1 ", "1 000 ", "Mon-", "2x", "'0", "at 1.", "5 Jan to ", "1st-", "08/20"]:
        text = run * (60_000 // len(run))
        start = time.perf_counter()
        normalizer.sentence(text)
        assert time.perf_counter() - start < 5, run


def test_readings_that_follow_a_claim_keep_every_word():
    """Rules that look at the words around a number (dates, prices, spaced thousands) never cut or overlap one."""
    for text in [
        "On May 5 200 people, on Mon., Jan. 5, paid 10 000 euros for 3/4-inch 2x8 boards.",
        "Shares closed at 1.25 between 5-10 BC, Mon-Fri, in '08 and mid-2024 at 30C.",
        "The 1999 season's 1st-3rd places cost 22/3 of 08/2026 and 4.4x 2*3 in 1 234 567 ways.",
    ]:
        spoken, rewrites = normalizer.sentence(text)
        _plain_words_in_order(text, spoken, rewrites)
