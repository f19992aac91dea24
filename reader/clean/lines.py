"""Features of one line of a page saved as text, for the text cleaner.

Every feature is language-neutral or has lists for the common languages:
token counts treat CJK characters as words, sentence ends include ``。！？``,
prose is told apart by its share of function words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .stopwords import ALL_STOPWORDS

_LATIN_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’.-](?=\w))*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NUMBER = re.compile(r"\d+")
_TERMINAL = re.compile(r"[.!?…。！？:;][\"'”’»)\]」』）]*$|[\"”’»」』][.!?…。！？]$")
_TIME = re.compile(
    r"^\W*(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|(?:updated\s+)?\d+\s*(?:s|m|h|d|w|mins?|hrs?|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago(?:\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?|"
    r"(?:rating:\s*)?\d+\s+(?:votes?|likes?|replies|reply|points?|shares?|views?))\W*$",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_NAMED_DATE = re.compile(
    rf"^\W*(?:(?:posted|published|updated|on)\s+)?(?:\w+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?\W*$",
    re.I,
)
# "jdoe says:", "Reply", "Report abuse": a comment thread has begun.
_COMMENT = re.compile(
    r"^\S+(?: \S+){0,3} (?:says|said|wrote|writes|replied|commented)\s*:?$|^(?:reply|report(?: abuse)?|"
    r"flag|like|upvote|permalink)$"
    # Slashdot-style "by jdoe ( 1234 ) writes: on Friday ...": the writer named, then a colon.
    r"|^(?:by\s+)?[^.!?]{1,60}?\s(?:says|wrote|writes|replied|commented)\s*:(?:\s.{0,80})?$",
    re.I,
)
_LONG_LINE = 15
# "Jane Doe is a freelance writer and editor...": the author's bio under an article.
# The name may carry a degree ("Jane Doe, MD,"); the trade may be any that an
# article's author or reviewer has (the owner, a physician, an advisor).
_BIO = re.compile(
    r"^\*?(?:[A-Z][\w.'’-]+\s){1,3}(?:[A-Z][\w.'’-]+,?\s)?(?:,?\s?[A-Z]{2,4}\.?,?\s)?(?:is|was|has been|serves as)\s+"
    r"(?:a|an|the|our|one of)\b.{0,200}?\b(?:writer|editor|reporter|journalist|author|contributor|columnist|"
    r"correspondent|(?:co-?)?founder|blogger|freelancer?|owner|ceo|president|director|advis[eo]r|consultant|"
    r"physician|doctor|pediatrician|provider|professor|coach|analyst|researcher|attorney|planner)s?\b",
)
# "Jane Doe covered health for Consumer Reports.", "…writes about food for The Post": a
# bio that says what the author covers, and for whom, instead of what they are.
_BEAT_BIO = re.compile(
    r"^\*?(?:[A-Z][\w.'’-]+\s){1,3}(?:has\s+)?(?:covers|covered|writes|wrote|written|reports|reported)\b"
    r".{0,160}?\bfor\s+(?:the\s+)?[A-Z][\w.'’&-]+[^.!?]{0,60}[.!]?$",
)
_BIO_MAX_TOKENS = 80
_MARKUP_TAG = re.compile(
    r"</?(?:p|a|div|span|h[1-6]|br|img|iframe|script|ul|ol|li|strong|em|b|i|blockquote|figure|figcaption|"
    r"section|article|table|tr|td)(?:\s[^<>]*)?/?>",
    re.I,
)
_MARKUP_MIN_TAGS = 3
_TWICE_MIN_LINES = 5
_TWICE_MIN_TOKENS = 4
_TWICE_SHARE = 0.6
# "12/19/2025 • Mises Wire • Jane Doe": the date and section line of a teaser in a list.
_META_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|"
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})\b",
    re.I,
)
_META_SEPARATOR = re.compile(r"\s[•|·]\s")
_META_MAX_TOKENS = 15
# A trailing "No Comments", "12 replies". Used with .sub(), so every start is tried: the
# leftmost match never starts inside a run of non-word characters or inside a number (one
# character earlier matches as well), and the two guards skip those starts, which on a
# line of 30,000 '=' or '[' made the search quadratic (21 s).
_NO_COMMENTS = re.compile(r"(?<!\W)(?!(?<=\d)\d)\W*(?:no|\d+|one)\s+(?:comments?|responses?|replies)\W*$", re.I)
# The lookahead checks the characters once: without it, each date in a long run of dates
# rescanned the rest of the line.
_DATE_ONLY = re.compile(r"^(?=[\W\d:APMapm]*$)[\W\d]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[\W\d:APMapm]*$")
# Atomic and possessive: the symbol and spaces before the number are non-word characters
# as well, and what follows it can't give back a digit, so backtracking found nothing
# new and was quadratic on a long run of spaces.
_PRICE_ONLY = re.compile(r"^(?>\W*)\d[\d.,\s]*+(?:[$€£¥₴]|[A-Z]{3})?\W*$")
_CAPTION = re.compile(
    r"^(?:\(?(?:photo|image|picture|credit|source|video|illustration|foto|bild|fuente)s?\b.{0,80}$)"
    r"|(?:/\s*(?:getty images|reuters|ap|afp|shutterstock|epa|alamy)\)?\.?$)"
    r"|^\(.{0,120}\)$"
    r"|\b(?:file photo|ap photo|photo by|photo:|photograph:|photo credit|image credit|image:|credit:|"
    r"getty images|shutterstock)|^©|^\d+ (?:of|/) \d+\b",
    re.I,
)
# Phrases that only page furniture says: calls to action, sharing, legal.
_FURNITURE = re.compile(
    r"\b(?:subscribe|unsubscribe|sign up|sign in|log ?in|log out|newsletter|support us|donate|"
    r"become a (?:member|subscriber|patron)|membership|advertisement|sponsored content|cookies?|"
    r"privacy policy|terms of (?:use|service)|all rights reserved|share (?:this|on)|"
    r"follow us|skip to|jump to|click here|read more|continue reading|download the app|enter your e-?mail|"
    r"e-?mail address|required field|indicates required|pin it|print this|free articles?)\b|©",
    re.I,
)
# A disclaimer, a disclosure or a consent notice: the publisher's legal text, never the
# article's, at any length. Each phrase names the page itself ("this article is for
# informational purposes", "we may earn a commission") or opens the line ("Disclaimer:",
# "By submitting this form, you consent"), and a quoted or reported line is never one,
# so that an article's own sentence ("agents may earn a commission", "by signing the
# treaty, the countries agree", "“We may earn a commission,” one editor said") stays.
_THIS_PAGE = r"(?:this|our)\s+(?:article|post|blog post|blog|content|site|website|page|podcast|newsletter|material)s?|herein"
_DISCLAIMER = re.compile(
    r"^[*(\[]?(?:disclaimer|disclosure|affiliate (?:disclaimer|disclosure)|legal (?:disclaimer|notice))\s*(?::|$)"
    rf"|\b(?:{_THIS_PAGE})\b.{{0,80}}?\b(?:for (?:general )?(?:informational|educational|information)"
    r"(?: and (?:informational|educational|entertainment))? purposes|(?:is|are) not (?:intended|meant) (?:to|as)\b"
    r".{0,60}\b(?:advice|substitute|replace)|(?:does|do|should) not constitute|(?:is|are) not (?:legal|financial|"
    r"medical|tax|investment|professional) advice|(?:may|might) contain affiliate|contains? (?:some )?affiliate links|"
    r"(?:are|is) (?:those|the views?) of)"
    r"|\b(?:we|I)\s+(?:\w+\s+)?(?:may|might)\s+(?:\w+\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?"
    r"(?:commissions?|compensation)\b|^as an amazon associate,? (?:I|we)\b"
    r"|^by (?:submitting|clicking|providing|signing up|checking)\b.{0,120}\b(?:you|I)\b.{0,60}"
    r"\b(?:consent|agree|authori[sz]e|acknowledge)",
    re.I,
)
_REPORTED = re.compile(r"^\W*[“\"‘']|[,”\"]\s*(?:he|she|they|one \w+|the \w+)?\s*(?:said|says|told|wrote|warns|warned)\b", re.I)
# "Jane Doe · Dec 3, 2025 · 6 min read", "13 MIN READ": a byline's or a teaser's reading time, never the article's text.
_READING_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+read\b", re.I)
_READING_TIME_MAX_TOKENS = 25
# Social network names are furniture only as bare link labels, not in sentences.
_SOCIAL = re.compile(r"\b(?:facebook|twitter|tweet|whatsapp|linkedin|instagram|youtube|pinterest|reddit|rss|email)\b", re.I)
_COMMENTS_HEADING = re.compile(
    r"^\W*(?:\d+\s+|top(?: rated)? |all |show |view |load |read |latest )?(?:comments?|responses|replies)"
    r"(?: \(\d+\))?\W*$|^\W*(?:leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"discussion about this (?:post|article|story))\W*$"
    # WordPress's comment form: its spam notice and its e-mail options.
    r"|^this site uses akismet to reduce spam\b|^notify me of (?:new |follow-up )?(?:comments|posts)\b"
    # WordPress: "59 Comments on “Title”", "12 thoughts on “Title”", "One response to “Title”".
    r"|^\W*(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts?)\s+(?:on|to)\s+\W.{0,200}$",
    re.I,
)
_LEGAL = re.compile(r"(?:©|\(c\)|\bcopyright)\s*\d{4}|\ball rights reserved\b", re.I)
# Headings that open a block of teasers or widgets rather than the article.
_SECTION_MARKER = re.compile(
    r"^\W*(?:more (?:(?:in|from|on|by) \w+(?: \w+)?|news|stories|articles|posts|videos|like this)|"
    r"latest (?:news|stories|posts|articles)|editors?'? picks|"
    r"most (?:read|popular|viewed|shared)|popular(?: now)?|trending(?: now)?|recommended(?: for you)?|"
    r"you may also like|you might also like|(?:\d+\s+|top(?: rated)? |all |show |view |load |read |latest )?"
    r"comments?(?: \(\d+\))?|leave a (?:comment|reply)|join the (?:conversation|discussion)|tags?|categories|"
    r"archives?|about the (?:authors?|writer)|meet the (?:author|writer)|end of (?:the )?(?:article|story)|share(?: this)?(?: article| story| post)?|newsletter|"
    r"関連記事|新着記事|人気記事)\W*$",
    re.I,
)
# "Related: Floods close the ring road", "Also read | ...": a link to another story set in the text.
_TEASER_LINK = re.compile(
    r"^\W*(?:related(?: articles?| stories| posts?| reading| content| coverage)?|read (?:more|next|also)|see also|"
    r"also read|don'?t miss|more on this)\s*[:|]\s*\S",
    re.I,
)
_TEASER_LINK_MAX_TOKENS = 25
# Labels of a teaser box that may sit inside an article ("Read more:"): the
# article can go on after them, so they are weaker walls.
_INLINE_MARKER = re.compile(
    r"^\W*(?:related(?: articles| stories| posts| content| news| links| coverage| reading| topics)?|"
    r"read (?:more|next|also)|see also|also read|don'?t miss|lesen sie auch|mehr zum thema|verwandte artikel|"
    r"à lire aussi|lire aussi|articles? similaires?|leer más|lea también|noticias relacionadas|leggi anche|"
    r"leia também|artikel terkait|baca juga)\W*$",
    re.I,
)


@dataclass(frozen=True)
class Line:
    """One logical line and what it looks like."""

    text: str
    tokens: float
    """Words, with every two CJK characters counted as one."""
    terminal: bool
    """Ends like a sentence (or a colon introducing what follows)."""
    stop_share: float
    """Share of the line's words that are function words."""
    latin_words: int
    """Words in scripts with spaces (where function words can be counted)."""
    title_case: bool
    """Most content words capitalized: a headline or a menu, not a sentence."""
    repeated: int
    """How often this exact line occurs on the page."""
    furniture: bool
    """Says what only page furniture says (subscribe, share, cookies, ©...)."""
    marker: bool
    """A heading that opens a page section of teasers or widgets (News Feed, Comments)."""
    inline_marker: bool
    """A teaser box label that can sit inside an article (Related, Read more)."""
    legal: bool
    """A copyright or rights line: the page's footer has begun."""
    comments: bool
    """Opens or belongs to a comment thread ("12 comments", "jdoe says:")."""
    feed_stamp: bool
    """A time of day, "3 hours ago" or "12 replies" alone: what the items of a feed or thread carry."""
    stamp: bool
    """Only a time, a date, a price or a number."""
    caption: bool
    """Looks like a photo caption or credit."""
    markup: bool = False
    """Holds HTML source (an embed or republish snippet): there to copy, not to read."""
    contents_entry: bool = False
    """A section heading that the page's table of contents lists (set by ``text_toc.py``)."""
    contents_list: bool = False
    """An entry of the table of contents itself (set by ``text_toc.py``)."""
    disclaimer: bool = False
    """A disclaimer, disclosure or consent notice (legal text at any length)."""

    @property
    def boilerplate(self) -> bool:
        """Page furniture or legal text: dropped wherever it stands."""
        return self.furniture and self.tokens < 40 or self.disclaimer

    @property
    def prose(self) -> bool:
        """Running text: the evidence that an article is here."""
        if self.boilerplate or self.repeated > 1 or self.caption or self.markup:
            return False
        if self.latin_words >= 12 and self.stop_share < 0.06:
            return False  # a long run of names or keywords, not sentences
        if self.terminal and self.tokens >= 6 and not self.text.endswith(":"):
            return True
        # A long line without a sentence end reads as prose only in scripts with
        # spaces; a CJK line without 。 is a headline however long it is.
        return self.tokens >= 18 and not self.title_case and self.latin_words >= 12

    @property
    def sentence(self) -> bool:
        """Ends like a sentence, any length: kept when it sits inside the body."""
        return self.terminal and self.tokens >= 1.5 and not (self.furniture or self.stamp or self.caption)

    @property
    def headline(self) -> bool:
        return 3 <= self.tokens <= 25 and not self.terminal and self.repeated == 1 and not self.stamp


def count_tokens(text: str) -> tuple[float, list[str]]:
    """(token count, lower-cased latin words): CJK runs count a word per two characters."""
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    cjk = len(_CJK.findall(text))
    numbers = len(_NUMBER.findall(text))
    return len(words) - sum(1 for w in words if _CJK.match(w)) + cjk / 2 + 0.5 * numbers, words


def _is_title_case(text: str, words: list[str]) -> bool:
    content = [w for w in _LATIN_WORD.findall(text) if w.lower() not in ALL_STOPWORDS and w[0].isalpha()]
    cased = [w for w in content if w[0].isupper() or w[0].islower()]
    if len(cased) < 2:
        return bool(cased) and cased[0][0].isupper() and len(words) <= 2
    return sum(1 for w in cased if w[0].isupper()) / len(cased) >= 0.75


def is_author_bio(text: str, tokens: float) -> bool:
    """A short paragraph that introduces a person by their trade of writing or founding."""
    return tokens < _BIO_MAX_TOKENS and bool(_BIO.match(text) or _BEAT_BIO.match(text))


def _is_feed_stamp(text: str) -> bool:
    """A time or date alone ("10:01 PM", "3 hours ago", "December 9, 2025 No Comments")."""
    if _PRICE_ONLY.match(text):
        return False
    text = _NO_COMMENTS.sub("", text)
    return bool(_TIME.match(text) or _NAMED_DATE.match(text) or _DATE_ONLY.match(text))


def _is_furniture(text: str, tokens: float) -> bool:
    """Calls to action and sharing, a bare social link, a reading time, or a "Related: <headline>" link."""
    if _FURNITURE.search(text):
        return True
    if _READING_TIME.search(text) and not _TERMINAL.search(text) and tokens < _READING_TIME_MAX_TOKENS:
        return True
    if _SOCIAL.search(text) and not _TERMINAL.search(text) and tokens < 8:
        return True
    return bool(_TEASER_LINK.match(text)) and tokens <= _TEASER_LINK_MAX_TOKENS and not _TERMINAL.search(text)


def _is_teaser_meta(text: str, tokens: float) -> bool:
    """A short line of a date and labels between bullets: a teaser's byline, not a sentence."""
    if tokens > _META_MAX_TOKENS or _TERMINAL.search(text):
        return False
    return bool(_META_SEPARATOR.search(text) and _META_DATE.search(text))


def _rendered_twice(lines: list[str], counts: Counter) -> bool:
    """Many long paragraphs occur more than once: the page holds two copies of its text."""
    long_repeats = {line.casefold() for line in lines if counts[line.casefold()] > 1 and count_tokens(line)[0] >= _LONG_LINE}
    if len(long_repeats) >= _TWICE_MIN_LINES:
        return True
    # A page of short entries (a portfolio, a landing page) copied whole: most of its lines come twice.
    wordy = [line.casefold() for line in lines if count_tokens(line)[0] >= _TWICE_MIN_TOKENS]
    return len(wordy) >= 2 * _TWICE_MIN_LINES and sum(counts[line] == 2 for line in wordy) >= _TWICE_SHARE * len(wordy)


def describe(lines: list[str]) -> list[Line]:
    """Features for every line of a page, repetition counted across the page."""
    counts = Counter(line.casefold() for line in lines)
    seen: Counter = Counter()
    twice = _rendered_twice(lines, counts)
    out = []
    for text in lines:
        tokens, words = count_tokens(text)
        seen[text.casefold()] += 1
        # On a page that renders its article twice (a mobile and a desktop
        # copy), the first copy is content: only later copies count as repeats.
        repeated = seen[text.casefold()] if twice and tokens >= _TWICE_MIN_TOKENS else counts[text.casefold()]
        stops = sum(1 for w in words if w in ALL_STOPWORDS)
        out.append(
            Line(
                text=text,
                tokens=tokens,
                terminal=bool(_TERMINAL.search(text)),
                stop_share=stops / len(words) if words else 0.0,
                latin_words=sum(1 for w in words if not _CJK.match(w)),
                title_case=_is_title_case(text, words),
                repeated=repeated,
                furniture=_is_furniture(text, tokens),
                marker=bool(_SECTION_MARKER.match(text) or _COMMENT.match(text) or _COMMENTS_HEADING.match(text)),
                inline_marker=bool(_INLINE_MARKER.match(text)),
                legal=bool(_LEGAL.search(text)) and tokens < 30,
                comments=bool(_COMMENT.match(text) or _COMMENTS_HEADING.match(text)),
                feed_stamp=_is_feed_stamp(text) or _is_teaser_meta(text, tokens),
                stamp=bool(_TIME.match(text) or _DATE_ONLY.match(text) or _NAMED_DATE.match(text) or _PRICE_ONLY.match(text)),
                caption=bool(_CAPTION.search(text)) and tokens < 60,
                markup=len(_MARKUP_TAG.findall(text)) >= _MARKUP_MIN_TAGS,
                disclaimer=bool(_DISCLAIMER.search(text)) and not _REPORTED.search(text),
            )
        )
    return out
