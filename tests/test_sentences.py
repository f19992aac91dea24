import json
from pathlib import Path

import pytest

from reader.sentences import split_sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "U.S. Defense Secretary Lloyd Austin also said on March 6 that the fall of Bakhmut would not be a "
            "significant setback. The losses are high.",
            ["U.S. Defense Secretary Lloyd Austin also said on March 6 that the fall of Bakhmut would not be a "
             "significant setback.", "The losses are high."],
        ),
        ("Mr. Smith met Dr. Jones at St. Mary's. They talked.", ["Mr. Smith met Dr. Jones at St. Mary's.", "They talked."]),
        ("Donald J. Trump spoke. He left.", ["Donald J. Trump spoke.", "He left."]),
        ("I live in the U.S. He lives in the U.K. too.", ["I live in the U.S.", "He lives in the U.K. too."]),
        ("The rate rose 2.5 percent. Markets fell.", ["The rate rose 2.5 percent.", "Markets fell."]),
        ('"Do not withdraw," he said. "Reinforce."', ['"Do not withdraw," he said.', '"Reinforce."']),
        ('She asked, "Why now?" and left.', ['She asked, "Why now?" and left.']),
        ("Wait... What happened? Nothing!", ["Wait...", "What happened?", "Nothing!"]),
        ("Headline without a period", ["Headline without a period"]),
    ],
)
def test_sentences(text, expected):
    assert split_sentences(text) == expected


def test_long_line_without_punctuation_is_linear_and_whole():
    text = "word " * 200_000
    sentences = split_sentences(text)
    assert " ".join(sentences).split() == text.split()


NEWS_CASES = json.loads((Path(__file__).parent / "data" / "news_sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", NEWS_CASES, ids=[c["input"][:40] for c in NEWS_CASES])
def test_news_style_sentences(case):
    assert split_sentences(case["input"]) == case["expected"]


def test_enumerated_list_run_into_one_line():
    assert split_sentences("Steps: 1. Turn off the power. 2. Remove the cover 3. Replace the fuse") == [
        "Steps:", "1. Turn off the power.", "2. Remove the cover", "3. Replace the fuse"]
