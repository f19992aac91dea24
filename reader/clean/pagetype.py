"""What kind of page an HTML document is, from the markup its publisher gave it.

Publishers label their pages for search engines and social networks: Open
Graph's ``og:type`` and schema.org's ``@type`` in JSON-LD or microdata. An
article says so; a product, a forum thread, a listing or documentation
usually says what it is instead, or nothing. The cleaner treats a page that
does not declare itself an article as another kind of page and reads its
main content as trafilatura finds it (forum posts, the product description,
the listing's entries), rather than looking for a story in it.
"""

from __future__ import annotations

import re

_HEAD_CHARS = 400_000
"""The labels sit in the head or early in the body; huge pages are not searched to the end."""
_OG_TYPE = re.compile(
    r"""<meta[^>]+property=["']og:type["'][^>]*content=["']([^"']+)|<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:type""",
    re.IGNORECASE,
)
_SCHEMA_TYPE = re.compile(r""""@type"\s*:\s*\[?\s*"(\w+)"|itemtype=["']https?://schema\.org/(\w+)""", re.IGNORECASE)
_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "report", "techarticle", "scholarlyarticle", "liveblogposting",
    "opinionnewsarticle", "analysisnewsarticle", "reportagenewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "socialmediaposting", "posting", "review", "recipe", "howto",
}  # fmt: skip
_OTHER_TYPES = {
    "product": "product", "offer": "product", "aggregateoffer": "product",
    "discussionforumposting": "forum", "qapage": "forum", "question": "forum",
    "itemlist": "listing", "collectionpage": "collection", "searchresultspage": "listing",
    "apireference": "documentation", "softwaresourcecode": "documentation",
}  # fmt: skip


def page_type(html: str) -> str:
    """``article``, or what else the page declares (``product``, ``forum``, ``listing``,
    ``collection``, ``documentation``); ``page`` when it declares nothing we know."""
    head = html[:_HEAD_CHARS]
    og = _OG_TYPE.search(head)
    declared = [(og.group(1) or og.group(2)).strip().lower()] if og else []
    declared += [(m.group(1) or m.group(2)).lower() for m in _SCHEMA_TYPE.finditer(head)]
    if any(kind in _ARTICLE_TYPES for kind in declared):
        return "article"
    return next((_OTHER_TYPES[kind] for kind in declared if kind in _OTHER_TYPES), "page")
