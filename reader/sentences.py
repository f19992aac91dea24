"""Split a paragraph into sentences.

The splitter is rule-based and ships its own per-language word lists
(reader/sentences_abbreviations.py), so nothing is downloaded at run time. A
candidate boundary is a ``.``, ``?``, ``!`` or ellipsis followed by space. Whether
it ends the sentence is decided from evidence on both sides: the token before
(a title, an abbreviation, an initial, an ordinal, a list marker) and the word
after (a capitalized function word or common word opens a sentence; a proper
name after an abbreviation, a lower-case word, a digit after "No." do not).

Wikipedia footnote marks ("[1]", "[citation needed]") are dropped: a narrator
must not read them. Every other non-space character of the input lands in
exactly one sentence, in order.
"""

from __future__ import annotations

import bisect
import itertools
import re

from .sentences_abbreviations import Rules, rules_for
from .sentences_lists import INLINE_BULLET, LIST_LINE, list_markers
from .sentences_quotes import mark_positions, quote_spans

# Groups: 1 the terminator, 2 closing quotes/brackets glued to it (German „…“ and
# ‚…‘ close with what opens an English quote), 3 closers
# standing alone as tokens (tokenized text: "Bravo ! ." / "done ? '' Next"),
# 4 the space (or nothing: "world.Today", see _glued_sentence), 5 the first character after it.
# No candidate starts right after one of .!?‽ when it is one of them itself: such a match
# is never found (the attempt one character earlier, with [.!?‽]+, tries every end this
# one could, and succeeds on ". ."), and trying it made a run of 3,000 dots take a second.
_CANDIDATE = re.compile(
    r"(?!(?<=[.!?‽])[.!?‽])(\.(?: \.){2,}|\.{3,}|…|[.!?‽]+)([\"'”’»“‘)\]]*)((?:[ \t]+(?:''|[\"'”’»)\]]|\.{1,3}|…|[!?])(?=\s|$))*)(?:(\s+|(?:(?<=[a-z\d][.!?‽])|(?<=[a-z\d]\.\.\.)|(?<=[a-z\d]…))(?=[(\[]?[A-Z][a-z]))(?=(\S))|\s*$)"
)
_NEXT_WORD = re.compile(r"[\"'“‘(\[¿¡«`]*([\w’'.-]+)")
_SPEAKER = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}([a-z]+)")
_LOOKBEHIND = 80
_QUOTES = frozenset("\"'”’»“‘`")
_GLUED_QUOTES = re.compile(r"([.!?][\"”’])([\"“‘][A-Z])")
_FOOTNOTE = re.compile(
    r"(?<=[\w.,;:!?\"'”’)\]])\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|[a-z]+(?: [a-z]+){0,2} needed)\]",
    re.IGNORECASE,
)
_LONE_MARKER = re.compile(r"(?:[•⁃▪◦●‣*\-–]\s?)?[(\[]?(?:\d{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z])[)\]]?")
_LOWER_MARKER = re.compile(r"(?:[a-z]|[ivx]{2,5})[.)]\s+[A-Z]")
_LOWER_ROMAN = re.compile(r"(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)")
_DASH_ASIDE = re.compile(r"(?:--|[—–])\s*[a-z]")
_OPENS_WITH_QUOTE = re.compile(r"\s*[\"'“‘«„`]")
_INITIAL = re.compile(r"[A-Z]\.")
_FIRST_WORD = re.compile(r"\s*[\"'“‘(\[]*(\w+)")
_NUMBER = re.compile(r"\d{1,3}")
_NUMBER_TOKEN = re.compile(r"[\d.,/½¼¾-]*\d")
_DOTTED = re.compile(r"(?:\w\.)+\w")
_GLUED_HEAD = re.compile(r"^.*[a-z\d](?:[.!?‽]|\.\.\.|…)[(\[]?(?=[A-Z][a-z])")
_GLUED_NEXT = re.compile(r"[(\[]?[A-Z][a-z]+(?:['’][a-z]+)?[.,;:!?)\]]*(?:\s|$)")


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """Sentences of one paragraph, in order, with their own punctuation.

    ``language`` is an ISO 639-1 code (None means English); it picks the
    abbreviation lists and the number rules. An enumerated list run into one
    line ("1.) First 2.) Second") is split before each item marker, and a
    marker stays with its item.
    """
    rules = rules_for(language)
    text = _FOOTNOTE.sub("", text)
    # '...abandoned.""There is...': two quotes glued together are two sentences
    text = _GLUED_QUOTES.sub(r"\1 \2", text)
    sentences: list[str] = []
    for line in LIST_LINE.split(text):
        for item in INLINE_BULLET.split(line):
            sentences.extend(_split_line(item, rules))
    return sentences


def _split_line(text: str, rules: Rules) -> list[str]:
    markers = list_markers(text)
    if not markers:
        return _split_run(text, frozenset(), rules)
    protected = frozenset(m.end() for m in markers)
    bounds = [0, *[m.start() for m in markers if m.start() > 0], len(text)]
    sentences: list[str] = []
    for start, end in itertools.pairwise(bounds):
        sentences.extend(
            _split_run(text[start:end], {p - start for p in protected}, rules)
        )
    return sentences


def _split_run(
    text: str, protected: frozenset[int] | set[int], rules: Rules
) -> list[str]:
    sentences: list[str] = []
    start = 0
    quotes = _QuoteSpans(text)
    for match in _CANDIDATE.finditer(text):
        if (
            match.group(5) is None
            or match.end(1) in protected
            or match.end(2) in protected
        ):
            continue  # the end of the text, or an item marker's own period
        if quotes.inside(match.start(1), match.end(3)):
            continue  # '"We are ready. We will win," he said.': a quotation is one utterance
        cut = _boundary(text, match, start, rules, quotes)
        if cut is not None:
            piece = text[start:cut].strip()
            if piece:
                sentences.append(piece)
            start = cut
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


class _QuoteSpans:
    """The quotations of a line (reader/sentences_quotes.py), asked about in text order."""

    def __init__(self, text: str) -> None:
        self._spans = quote_spans(text)
        self._next = 0
        self._marks = mark_positions(text)

    def closed_between(self, mark: str, start: int, end: int) -> bool:
        """Whether ``mark`` stands an even, non-zero number of times in text[start:end]."""
        positions = self._marks.get(mark, [])
        count = bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)
        return count > 0 and count % 2 == 0

    def inside(self, terminator: int, cut: int) -> bool:
        """Whether a terminator at ``terminator`` sits in a quotation that goes on after ``cut``."""
        while self._next < len(self._spans) and self._spans[self._next][1] <= terminator:
            self._next += 1
        for begin, end in self._spans[self._next : self._next + 3]:  # overlapping kinds: a few at most
            if begin < terminator and cut < end - 1:
                return True
        return False


def _boundary(
    text: str, match: re.Match[str], start: int, rules: Rules, quotes: _QuoteSpans
) -> int | None:
    """Where the sentence ends at this candidate, or None if it goes on."""
    punct = match.group(1)
    if not match.group(4) and not _glued_sentence(text, match):
        return None
    spaced_before = match.start(1) > 0 and text[match.start(1) - 1].isspace()
    if punct.startswith(". ."):
        dots = punct.count(".")
        if dots >= 4 and not spaced_before:
            # "word. . . . Next": a full stop, then an ellipsis that opens the next
            return match.start(1) + 1
    if match.start(1) - start <= 8 and _LONE_MARKER.fullmatch(
        text[start : match.start(1)].strip()
    ):
        return None  # "1. Wages grew.": a list marker is never a sentence of its own
    if not _is_boundary(text, match, start, rules):
        return None
    lone = match.group(3).split()[0] if match.group(3).strip() else ""
    if lone[:1] in _QUOTES and (
        any(q in match.group(2) for q in _QUOTES)
        # "'' Hi , '' she wrote . '' Why": the sentence's own quotation is closed,
        # so a lone mark after its end opens the next one
        or quotes.closed_between(lone, start, match.start(1))
    ):
        # "next?'  ' I was": the glued quote closed this one, the lone one opens the next
        return match.end(2)
    return match.end(3)


def _is_boundary(text: str, match: re.Match[str], start: int, rules: Rules) -> bool:
    punct, next_char = match.group(1), match.group(5)
    next_word = _NEXT_WORD.match(text, match.end(4))
    following = next_word.group(1).rstrip(".") if next_word else ""
    if _INITIAL.fullmatch(next_word.group(1) if next_word else ""):
        following += "."  # "Dr. A. B. Cole": an initial, not the article "A"
    if next_char.islower() and not _is_brand(following):
        # '"Why?" she asked.' / "5th st. near": the sentence goes on, but after a
        # word, a lower-case item marker before a capital opens an item: "a. Foo. b. Bar."
        return match.start(1) >= 2 and text[match.start(1) - 2].isalpha() and bool(
            _LOWER_MARKER.match(text, match.end(4))
        )
    if _quote_attribution(text, match, start, rules):
        return False
    if punct[0] in "?!‽":
        # "and -- voila! -- you have cake": an aside between dashes goes on
        aside = _DASH_ASIDE.match(text, match.end(4))
        return following.lower() not in rules.company_suffixes and not aside
    if punct[0] == "…" or punct.startswith(("..", ". .")):
        # words left out: a capital opens the next sentence, but "I" is capital anyway
        # ("the thing is . . . I didn't mean it")
        opens = next_char.isupper() and following != "I"
        return opens or next_char in '"“‘«¿¡' or _is_brand(following)
    # Bounded look-behind keeps the splitter linear on megabyte-long lines.
    previous, token = _tokens_before(text, max(0, match.start(1) - _LOOKBEHIND), match.start(1))
    # "Tuesday.Mr. Smith": the word glued after an earlier stop is the token
    token = _GLUED_HEAD.sub("", token).lstrip("\"'“‘([«")
    mark = token.lower().rstrip(".")
    timed = mark in rules.time_marks or f"{previous.lower()}{mark}" in rules.time_marks
    if (timed or _is_unit(mark, previous, rules)) and next_char.isupper():
        # "Within 5 ft. Tom stopped" is fronted like "At 5 a.m. Tom left"
        return _time_ends(text, start, match.start(1), following, rules)
    return _ends_after_token(token, previous, following, next_char, rules)


def _is_unit(mark: str, previous: str, rules: Rules) -> bool:
    """ "5 lb.", "5 sq. ft.": a unit after a number or after a unit prefix."""
    before = previous.lower().rstrip(".")
    return mark in rules.units and bool(_NUMBER_TOKEN.fullmatch(previous) or before in rules.units)


def _glued_sentence(text: str, match: re.Match[str]) -> bool:
    """ "Hello world.Today is", "I love it.(It's true.)", "one...Two": a stop glued to a capitalized word, neither side a
    URL, e-mail, file or dotted name ("example.Com", "John.Doe@x.org", "U.S.Army")."""
    if match.group(1) not in (".", "!", "?", "‽", "...", "…") or match.group(2) or match.group(3):
        return False
    _, token = _tokens_before(text, max(0, match.start(1) - _LOOKBEHIND), match.start(1))
    if any(c in token for c in ".@/:") or token.lower().startswith("www"):
        return False
    return bool(_GLUED_NEXT.match(text, match.end(4)))


def _time_ends(text: str, start: int, end: int, following: str, rules: Rules) -> bool:
    """After "6 p.m." or "753 B.C.", a capitalized word opens a sentence unless the
    time was a fronted adverbial: "At 5 a.m. Mr. Smith went" and "In 44 B.C. Caesar
    died" go on, "He left at 6 P.M. Mr. Smith stayed" ends at the time. A clause
    after a colon is fronted too: "He noted: In 44 B.C. Caesar died"."""
    if following.lower() in rules.starters or following.lower() in rules.common:
        return True
    colon = text.rfind(":", max(start, end - _LOOKBEHIND), end)
    for opening in (start, colon + 1) if colon >= 0 else (start,):
        first = _FIRST_WORD.match(text, opening)
        if first and first.group(1).lower() in rules.prepositions:
            return False
    return True


def _tokens_before(text: str, low: int, end: int) -> tuple[str, str]:
    """The two tokens before ``end`` (the last one may be followed by one space: "Mr . Smith")."""
    if end > low and text[end - 1].isspace():
        end -= 1
    cut = _last_space(text, low, end)
    token = text[cut + 1 : end]
    if cut < low or cut == 0:
        return "", token
    before = _last_space(text, low, cut)
    return text[before + 1 : cut], token


def _last_space(text: str, low: int, end: int) -> int:
    # str.rfind runs in C; a regex search anchored at the end retries every start.
    return max(text.rfind(" ", low, end), text.rfind("\n", low, end), text.rfind("\t", low, end), low - 1)


def _is_brand(word: str) -> bool:
    """ "eBay", "iPhone": lower-case first letter, capital second; such a word may open a sentence."""
    return len(word) > 1 and word[0].islower() and word[1].isupper()


def _quote_attribution(text: str, match: re.Match[str], start: int, rules: Rules) -> bool:
    """'"Are we safe?" Smith asked.': a quote that opens the sentence, followed by its
    speaker and a speech verb, goes on. A quote introduced in the sentence ('She
    turned to him, "Great!" Tom said.') has had its attribution already."""
    closers = match.group(2) + match.group(3)
    if not rules.speech_verbs or not any(q in closers for q in _QUOTES):
        return False
    if not _OPENS_WITH_QUOTE.match(text, start):
        return False
    speaker = _SPEAKER.match(text, match.end(4), match.end(4) + 60)
    if not speaker or speaker.group(1) not in rules.speech_verbs:
        return False
    # '"Stop." She cried.', '"It's over." Nobody answered.': after a full stop a
    # capitalized word opens a sentence; an attribution would have been written
    # '"Stop," she cried.'
    return match.group(1)[0] in "?!"


def _ends_after_token(
    token: str, previous: str, following: str, next_char: str, rules: Rules
) -> bool:
    """Whether a period right after ``token`` ends the sentence, given the word after it."""
    bare = token.lower().rstrip(".")
    pair = (
        f"{previous.lower()}{bare}"
        if previous.endswith(".") and len(previous) <= 4
        else ""
    )
    if pair in rules.abbreviations:  # "z. B.", "т. д.": the pair, not its last letter, decides
        return _opens_sentence(following, next_char, rules, strong=False)
    if _NUMBER.fullmatch(bare) and rules.ordinal_dot:
        return _opens_sentence(following, next_char, rules, strong=True, ordinal=True)
    if bare in rules.titles:
        return False
    if _is_unit(bare, previous, rules):
        return next_char.isupper() or not next_char.isalnum() and next_char not in "(["
    if bare in rules.adjectival:
        return _opens_sentence(following, next_char, rules, strong=True)
    if (
        bare in rules.abbreviations
        or _DOTTED.fullmatch(bare)
    ):
        if "." in bare and previous.lower() in rules.articles:
            return next_char.isupper()  # "She holds a D.D.S. Sam holds an M.B.A.": a noun, not a modifier
        return _opens_sentence(following, next_char, rules, strong=False)
    if (len(token) == 1 and token.islower()) or _LOWER_ROMAN.fullmatch(token):
        # a part of "z. B." / "p. ex.", or "b." / "ii." of a short list: never a sentence
        return False
    if len(bare) == 1 and bare.isalpha():
        # an initial: "Donald J. Trump", but "you and I. Did you"
        return _opens_sentence(following, next_char, rules, strong=True)
    return (
        next_char.isupper()
        or next_char.isdigit()
        or not next_char.isalnum()
        or _is_brand(following)
    )


def _opens_sentence(
    following: str, next_char: str, rules: Rules, strong: bool, ordinal: bool = False
) -> bool:
    """Evidence from the next word that a new sentence starts after an abbreviation.

    ``strong`` asks for a function word (pronoun, determiner, conjunction...);
    otherwise a capitalized common word will do. A name, a title or a digit is
    no evidence: "Dr. Jones", "No. 4", "Acme Inc. Chief Executive".
    """
    word = following.lower()
    if ordinal and word in rules.months:
        return False  # "Am 3. März"
    if not (next_char.isupper() or _is_brand(following)) or word in rules.titles:
        return (
            not next_char.isalnum()
            and not ordinal
            and not strong
            and next_char not in "(["
        )
    if word in rules.starters:
        return True
    return not strong and word in rules.common
