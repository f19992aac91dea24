"""A table of contents on a page saved as text: the body keeps its headings, the list is not read."""

from reader.clean.text import clean_text, page_lines

SECTIONS = {
    "Why the bridge closed": "Inspectors found cracks in two of the steel girders last winter, and the city closed the bridge the same afternoon to all traffic.",
    "What the repairs cost": "The work cost eleven million euros, most of it paid by the region, and came in under the budget the council approved in spring.",
    "When the lane opens": "A separate lane for cyclists opens on the downstream side next month, once the paint has dried and the railings are in place.",
}  # fmt: skip
INTRO = "The old river bridge reopened to traffic on Friday after eight months of repairs that replaced its deck and strengthened its piers."


def _page(contents: list[str]) -> str:
    body = [x for heading, text in SECTIONS.items() for x in (heading, text)]
    return "\n".join(["Bridge reopens after repairs", "By Tom Reed", INTRO, *contents, *body, "© 2024 The River Times"])


def test_the_headings_a_table_of_contents_lists_are_read_in_the_body():
    article = clean_text(_page(["Contents", *SECTIONS]))
    texts = [block.text for block in article.blocks]
    assert texts == [INTRO, *[x for heading, text in SECTIONS.items() for x in (heading, text)]]


def test_a_menu_printed_twice_is_still_a_repeat():
    menu = ["Home", "News", "Sport", "Weather"]
    page = "\n".join([*menu, "Bridge reopens after repairs", INTRO, *SECTIONS.values(), *menu, "© 2024 The River Times"])
    texts = [block.text for block in clean_text(page).blocks]
    assert texts == [INTRO, *SECTIONS.values()]
    # The footer's copy comes back as a run, not one entry per section: no headings there.
    assert not any(line.contents_entry or line.contents_list for line in page_lines(page))
