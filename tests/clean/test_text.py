import re

import pytest

from reader.clean.text import clean_text, logical_lines
from reader.errors import ExtractionError

from ..conftest import SAMPLE_EXPECTED, SAMPLE_TXT


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_sample_gives_exactly_the_expected_body():
    article = clean_text(SAMPLE_TXT.read_text(encoding="utf-8"))
    assert _norm(article.to_text()) == _norm(SAMPLE_EXPECTED.read_text(encoding="utf-8"))


def test_sample_metadata_and_dropped_reasons():
    article = clean_text(SAMPLE_TXT.read_text(encoding="utf-8"))
    assert article.title.startswith("Zelensky says Ukraine will not withdraw")
    assert article.byline == "The Kyiv Independent news desk"
    assert article.date.startswith("March 7, 2023")
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Ukrainian soldiers in Bakhmut: ‘Our troops are not being protected’"].startswith("headline")
    assert reasons["Subscribe"] == "repeated on the page"
    assert reasons["News Feed"] == "after the article"  # a feed, ended by its first bare time, not by its name
    assert reasons["visa masterCard americanExpress"] == "after the article"


PAGE = """Home | World | Business | Tech | Sign in
Menu

Storm closes mountain pass for second day
By Ana Ruiz
June 3, 2024

Snow and high winds kept the only road over the northern pass closed on Tuesday, stranding dozens of trucks at the foot of the mountain.
Crews said they hoped to reopen one lane by Wednesday evening if the wind drops below the safety limit overnight.
Drivers waited.
The regional transport office said the closure was the longest in ten years and advised travellers to take the coastal route instead.

Most read
Local team wins cup
Five recipes for summer
Share this article
Privacy Terms Contact
"""


def test_other_layout_keeps_body_and_short_sentences():
    article = clean_text(PAGE)
    assert article.title == "Storm closes mountain pass for second day"
    assert article.byline == "Ana Ruiz"
    texts = [b.text for b in article.blocks]
    assert texts[0].startswith("Snow and high winds")
    assert "Drivers waited." in texts  # short, but a sentence inside the body
    assert texts[-1].startswith("The regional transport office")
    assert not any("Most read" in t or "Privacy" in t for t in texts)


def test_already_clean_text_is_kept_whole():
    text = "A short note\n\nI went to the market today. It was busy.\n\nThen I came home."
    article = clean_text(text)
    assert article.title == "A short note"
    assert [b.text for b in article.blocks] == ["I went to the market today. It was busy.", "Then I came home."]


def test_page_with_no_article_is_an_error():
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "Log in", "Subscribe now"])
    with pytest.raises(ExtractionError, match="--keep-all"):
        clean_text(menu)


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "The committee met on Monday to discuss the new harbor plan, which would\n"
        "move the ferry terminal two kilometers north and free the old quay for a\n"
        "public park with a swimming area.\n"
    )
    assert logical_lines(wrapped) == [
        "The committee met on Monday to discuss the new harbor plan, which would "
        "move the ferry terminal two kilometers north and free the old quay for a "
        "public park with a swimming area."
    ]
