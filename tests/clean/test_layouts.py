"""The text cleaner on page layouts of other kinds than the sample (fixtures written for these tests)."""

import re
from pathlib import Path

import pytest

from reader.clean.text import clean_text
from reader.errors import ExtractionError

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "text"


def _extract(name: str):
    return clean_text((PAGES / name).read_text(encoding="utf-8"))


def _body(article) -> str:
    return "\n".join(block.text for block in article.blocks)


@pytest.mark.parametrize(
    "page, title, first, last, absent",
    [
        ("blog-post.txt", "Why I switched my workshop to hand tools", "For ten years my garage",
         "they are a joy.", ["Share this", "Like Loading", "Great post!", "Leave a Reply", "Powered by",
                             "The best beginner hand plane"]),
        ("recipe.txt", "The easiest weeknight lentil soup", "There is a moment every January",
         "just before serving.", ["Jump to Recipe", "affiliate links", "Pin it", "Enter your email",
                                  "Slow cooker chickpea curry", "All rights reserved"]),
        ("docs-page.txt", "Configuring the cache", "The build cache stores", "simply take longer.",
         ["Installation", "Edit this page", "Previous", "MIT License"]),
        ("wiki-article.txt", None, "The harbor seal (Phoca vitulina)", "upstream into fresh water.[4]",
         ["Jump to navigation", "View history", "IUCN Red List", "Categories:", "last edited"]),
        ("paywall-stub.txt", "City council approves new budget with record spending on transit",
         "The city council voted", "future property taxes.", ["Subscribe to continue", "$1 a week",
                                                              "Already a subscriber", "Cookie"]),
        ("forum-thread.txt", "Tomatoes splitting after heavy rain, what can I do?", "Every summer the same",
         "ripen indoors?", ["Members", "Posts: 212", "Quote"]),
        ("german-news.txt", "Neue Radwege sollen bis Ende des Jahres fertig sein", "Die Stadt will",
         "wenn das Wetter es zulässt.", ["Mehr zum Thema", "Wie sicher sind", "Impressum", "Datenschutz"]),
        ("japanese-blog.txt", "自宅でできる簡単なパンの焼き方", "パンを焼くのは難しい", "焼きたての香りは格別です。",
         ["関連記事", "簡単なクッキー", "スポンサードリンク"]),
    ],  # fmt: skip
)
def test_layouts(page, title, first, last, absent):
    article = _extract(page)
    body = _body(article)
    if title is not None:
        assert article.title == title
    assert article.blocks[0].text.startswith(first)
    assert article.blocks[-1].text.endswith(last)
    for text in absent:
        assert text not in body, text


def test_recipe_keeps_the_ingredient_list():
    body = _body(_extract("recipe.txt"))
    for item in ["1 onion, finely chopped", "6 cups vegetable stock", "Juice of half a lemon"]:
        assert item in body


def test_inline_teaser_box_is_dropped_but_the_article_goes_on():
    article = _extract("german-news.txt")
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Mehr zum Thema"] == "teaser box inside the body"
    assert reasons["Wie sicher sind unsere Radwege?"] == "teaser box inside the body"
    assert "Kritiker bemängeln" in _body(article)


def test_language_is_guessed():
    assert _extract("german-news.txt").language == "de"
    assert _extract("blog-post.txt").language == "en"


@pytest.mark.parametrize("page", ["index-page.txt", "login-wall.txt", "error-page.txt"])
def test_pages_without_an_article(page):
    with pytest.raises(ExtractionError, match="--keep-all"):
        _extract(page)


# One line per kind of boilerplate, inside or around a short article.
ARTICLE = [
    "Bridge reopens after repairs",
    "By Tom Reed",
    "The old river bridge reopened to traffic on Friday after eight months of repairs that replaced its steel deck and strengthened the piers against floods.",
    "Engineers said the work came in under budget, and that the bridge should now last another fifty years with ordinary maintenance.",
    "{inside}",
    "Cyclists will get a separate lane on the downstream side, which the city council added to the plans after a public consultation last spring.",
    "The mayor thanked residents for their patience during the long detours and promised a street party on the bridge next month.",
]  # fmt: skip


@pytest.mark.parametrize(
    "inside",
    [
        "Advertisement",
        "We use cookies to give you the best experience. Accept cookies",
        "Sign up for our newsletter",
        "Share on Facebook",
        "Photo: Anna Berg / City Archive",
        "(Workers on the bridge deck in March.)",
        "Read more: Floods close the ring road again",
        "Subscribe now for unlimited access",
        "Ferry service to end as bridge reopens",
        "6 min read",
        "Tom Reed · Jun 3, 2024 · 6 min read",
    ],
)
def test_boilerplate_inside_the_body_is_dropped(inside):
    article = clean_text("\n".join(ARTICLE).replace("{inside}", inside))
    assert article.title == "Bridge reopens after repairs"
    texts = [block.text for block in article.blocks]
    assert inside not in texts
    assert len(texts) == 4 and texts[-1].startswith("The mayor thanked")


@pytest.mark.parametrize(
    "after",
    [
        ["About the author", "Tom Reed covers city hall and transport for the paper and has lived here since 2009."],
        ["Comments (12)", "This is the best news I have heard all year, the detour added forty minutes to my commute every day."],
        ["Most read", "Storm closes mountain pass", "Local team wins the cup after a dramatic final in extra time tonight."],
        ["© 2024 The River Times. All rights reserved.", "Privacy policy", "Terms of use"],
        ["News Feed", "10:01 PM", "Council approves new parking rules for the old town and the harbour area, starting in June."],
        ["This site uses Akismet to reduce spam. Learn how your comment data is processed.", "What a relief, the detour added forty minutes to my commute every single day, and now it is over."],
        ["Republish this article", '<h1>Bridge reopens after repairs</h1> <p class="byline">by Tom Reed</p> <p>The old river bridge reopened to traffic on Friday after eight months of repairs that replaced its steel deck and strengthened the piers.</p>'],
    ],  # fmt: skip
)
def test_sections_after_the_body_are_dropped(after):
    article = clean_text("\n".join([*ARTICLE[:4], *ARTICLE[5:], *after]))
    texts = [block.text for block in article.blocks]
    assert texts[-1].startswith("The mayor thanked")
    assert not set(after) & set(texts)


def test_every_body_sentence_of_the_fixtures_is_kept_in_order():
    """Nothing lost: the kept blocks appear in the page in the same order."""
    for path in PAGES.glob("*.txt"):
        try:
            article = clean_text(path.read_text(encoding="utf-8"))
        except ExtractionError:
            continue
        page = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        position = 0
        for block in article.blocks:
            found = page.find(block.text, position)
            assert found >= 0, (path.name, block.text)
            position = found + len(block.text)


@pytest.mark.parametrize("subheading", ["More questions remain", "Latest", "Menu", "News feed"])
def test_a_subheading_that_names_a_widget_does_not_end_the_body(subheading):
    article = clean_text("\n".join(ARTICLE).replace("{inside}", subheading))
    texts = [block.text for block in article.blocks]
    assert texts[-1].startswith("The mayor thanked") and len(texts) >= 4


def test_a_page_that_renders_its_article_twice_is_read_once():
    body = [line for line in ARTICLE[2:] if line != "{inside}"]
    extra = [f"Paragraph {n} tells more of the story of the bridge, its builders and the town that grew up around it." for n in range(3)]
    page = ["Home", "News", *ARTICLE[:2], *body, *extra, "Share", "Home", "News", *ARTICLE[:2], *body, *extra, "© 2024 The River Times"]
    article = clean_text("\n".join(page))
    texts = [block.text for block in article.blocks]
    assert texts == [*body, *extra]


def test_a_live_blog_keeps_every_timed_entry():
    entries = [
        "4:14 p.m.",
        "A transit chief says a man was stabbed on a commuter train during the morning rush and that the suspect is held.",
        "Officers boarded the train at the next stop and found the man bleeding, and the line was closed for two hours.",
        "Investigators say the two men had argued before the attack, and that there is no further threat to the public.",
        "3:40 p.m.",
        "The first reports of a fight on the train reached the transit police by phone shortly after three in the afternoon.",
        "Witnesses said the carriage was crowded and that passengers tried to separate the two men before the train stopped.",
        "A spokesperson said the agency would review its staffing on the line and publish its findings within a month.",
    ]  # fmt: skip
    article = clean_text("\n".join([*ARTICLE[:4], *entries]))
    texts = [block.text for block in article.blocks]
    assert texts == [*ARTICLE[2:4], *[e for e in entries if not e[0].isdigit()]]


@pytest.mark.parametrize(
    "thread",
    [
        ["59 Comments on “Bridge reopens after repairs”", "What a relief, the detour added forty minutes to my commute every single day."],
        ["by river_fan ( 1311177 ) writes: on Friday December 19, 2025 @08:08PM", "What a relief, the detour added forty minutes to my commute every single day."],
    ],
)
def test_comment_threads_after_the_body_are_dropped(thread):
    article = clean_text("\n".join([*ARTICLE[:4], *ARTICLE[5:], *thread]))
    assert [block.text for block in article.blocks][-1].startswith("The mayor thanked")


def test_a_listing_page_gives_its_entries_not_an_error():
    entries = [
        "Oak desk with steel legs, 140 by 70 centimetres, oiled by hand",
        "Walnut bookshelf with five adjustable shelves and a solid back panel",
        "Standing desk frame with two motors and a memory for four heights",
        "Ash dining table that seats six, with a matching bench for the long side",
        "Pine wardrobe with two doors, a hanging rail and three drawers below",
    ]
    page = ["Home", "Shop", "Furniture", "Sign in", *[x for e in entries for x in (e, "$499", "Add to cart")], "© 2024 Desk Co."]
    article = clean_text("\n".join(page))
    assert [block.text for block in article.blocks] == entries


@pytest.mark.parametrize(
    "bio",
    [
        "Tom Reed is a freelance writer and editor who covers transport, city hall and the river for the paper.",
        "Tom Reed is the owner of River Media, a local news company that has served the valley and its towns since 2009.",
        "Anna Berg, MD, is a board-certified physician at the city hospital and writes about health for the paper.",
        "Tom Reed covered transport, city hall and the river crossings for The Valley Courier.",
        "Anna Berg has written about health, hospitals and public money for Consumer Reports since 2019.",
    ],
)
def test_an_author_bio_under_the_article_is_not_read(bio):
    article = clean_text("\n".join([*ARTICLE[:4], *ARTICLE[5:], bio, "Share this article"]))
    texts = [block.text for block in article.blocks]
    assert texts[-1].startswith("The mayor thanked") and bio not in texts


def test_teasers_with_a_date_and_section_line_after_the_article_are_dropped():
    teasers = [
        "Council approves new parking rules",
        "12/19/2025 • City Hall • Ana Ruiz",
        "The council voted on Tuesday to charge for parking in the old town from June, after months of debate among residents and shop owners.",
        "Ferry service to end next spring",
        "12/18/2025 • Harbour • Tom Reed",
        "The harbour board said the ferry had lost money for six years and that the new bridge lane made the crossing redundant for most people.",
    ]  # fmt: skip
    article = clean_text("\n".join([*ARTICLE[:4], *ARTICLE[5:], *teasers]))
    assert [block.text for block in article.blocks][-1].startswith("The mayor thanked")


_VENUE = "Tickets include lunch, the evening reception and recordings of every session, and the venue is a short walk from the station."


def test_a_page_of_dated_entries_keeps_every_entry():
    entries = []
    for day, name, text in [
        ("March 16, 2026", "Harbour Tech Days", "Two days of talks on networks, security and the cloud for the region's small IT firms."),
        ("March 17, 2026", "Security Summit", "Keynotes and workshops on ransomware, backups and incident response for midsize companies."),
        ("March 19, 2026", "Cloud Forum", "Vendors and customers share what worked in moving old systems to the cloud, and what did not."),
        ("March 23, 2026", "Data Week", "A week of hands-on sessions about databases, analytics and the people who keep them running."),
    ]:
        entries += [day, name, "Portland, United States", f"{text} {_VENUE}"]
    page = ["Events", "Upcoming IT conferences in the United States.", *entries, "© 2026 Events Co."]
    article = clean_text("\n".join(page))
    texts = [block.text for block in article.blocks]
    assert [t for t in texts if t.endswith("station.")] == entries[3::4]


def test_the_body_starts_under_the_headline_that_repeats_the_page_title():
    blurb = "Our newsroom is funded by readers like you, and every story on this site is free to read for everyone in the valley."
    page = ["Bridge reopens after repairs | The River Times", blurb, "Home", "News", "World", "Sport", *ARTICLE[:4], *ARTICLE[5:]]
    article = clean_text("\n".join(page))
    texts = [block.text for block in article.blocks]
    assert article.title == "Bridge reopens after repairs"
    assert texts == [*ARTICLE[2:4], *ARTICLE[5:]]


def test_a_page_of_short_entries_copied_whole_gives_them_once():
    entries = [
        "Universal appeal for a museum", "Raising attendance and awareness of a space museum in a small town.",
        "The picture of health", "A clinic's leaders shaped their own new brand in the creative process.",
        "Launching a beer brand", "Branding a beer that benefits a museum and stands out on crowded shelves.",
        "Product design for a bourbon", "A pre-war bourbon brand revived and now found on top shelves.",
        "A talent brand for a city", "A data-driven campaign that helps a city attract and keep young talent.",
    ]  # fmt: skip
    page = ["Work", "Agency", "Blog", *entries, "Contact", *entries, "© 2026 Studio"]
    article = clean_text("\n".join(page))
    assert [block.text for block in article.blocks] == [e for e in entries if e.endswith(".")]


def test_related_story_links_inside_the_body_are_dropped():
    links = ["Related: Floods close the ring road again this winter", "Also read | Council votes to charge for parking"]
    article = clean_text("\n".join(ARTICLE).replace("{inside}", "\n".join(links)))
    texts = [block.text for block in article.blocks]
    assert len(texts) == 4 and not set(links) & set(texts)


LONG_DISCLAIMER = (
    "Disclaimer: The information in this article is provided for general informational purposes only and is not "
    "intended to be a substitute for professional legal, financial or engineering advice. Readers should consult a "
    "qualified professional about their own circumstances before acting on anything written here, and the publisher "
    "accepts no liability for decisions made on the basis of this content, whether in whole or in part, at any time."
)


@pytest.mark.parametrize(
    "notice",
    [
        "This post contains affiliate links. If you buy through them, we may earn a small commission at no cost to you.",
        "By submitting this form, you consent to receive calls and text messages from River Media about its products.",
        "Disclosure: River Media owns a stake in the ferry company and in the bridge operator.",
        "As an Amazon Associate I earn from qualifying purchases.",
        LONG_DISCLAIMER,  # over 40 words: legal text is dropped at any length
    ],
)
def test_disclaimers_and_disclosures_are_not_read(notice):
    for page in (ARTICLE[:4] + [notice] + ARTICLE[5:], ARTICLE[:4] + ARTICLE[5:] + [notice]):
        texts = [block.text for block in clean_text("\n".join(page)).blocks]
        assert notice not in texts
        assert len(texts) == 4 and texts[-1].startswith("The mayor thanked")


@pytest.mark.parametrize(
    "sentence",
    [
        "The city had to pay a fee to use the trademark of the old ferry company, which its affiliates still own.",
        "The council said the survey data was collected for informational purposes only and would not be sold.",
        "Ferry agents may earn a commission of three percent on each season ticket, the report found.",
        "The harbour master is solely responsible for the timetable, the council said on Monday evening.",
        "Ana Ruiz, a registered investment adviser in the town, said past performance is no guarantee of tolls.",
        "The opinions expressed by the inspectors are not binding on the council, its lawyer told the meeting.",
        "By signing the new contract, the ferry operators agree to run an hourly service until midnight.",
        "“We may earn a commission on every ticket,” one ferry agent said, “but the season is short.”",
        "The guide is not intended for beginners, the harbour master warns, since the currents are strong.",
        "Monopoly, which is a registered trademark of Hasbro, was played on the bridge deck at the party.",
    ],
)
def test_an_article_sentence_that_sounds_like_a_disclaimer_is_read(sentence):
    texts = [block.text for block in clean_text("\n".join(ARTICLE).replace("{inside}", sentence)).blocks]
    assert sentence in texts and len(texts) == 5
