"""Split a paragraph into sentences.

The sentence splitter is rule-based and ships its own abbreviation lists, so
nothing is downloaded at run time (nltk's Punkt needs a data download and
splits "Mr." and "U.S." badly without it). A candidate boundary is a ``.``,
``?``, ``!`` or ellipsis followed by space; it is rejected after titles
(Mr., Gen.), initials and known abbreviations unless the next word is one that
typically starts a sentence.
"""

from __future__ import annotations

import re

# Titles before a name: never the end of a sentence.
_TITLES = frozenset(
    "mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres "
    "rev hon st mt ft fr sr jr supt insp det atty amb messrs mme mlle".split()
)
# Abbreviations that usually sit mid-sentence but may end one.
_ABBREVIATIONS = frozenset(
    "etc vs v al inc corp co ltd llc plc bros dept univ assn est approx fig figs no nos vol vols "
    "pp p ed eds jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
    "ave blvd rd hwy sq ste apt cf ca op cit ibid gov't e.g i.e a.m p.m u.s u.k u.n e.u u.s.a n° nº "
    "d.c n.y l.a ph.d b.a m.a b.sc m.sc jr sr".split()
)
# Words that, capitalized after an abbreviation, signal a new sentence.
_STARTERS = frozenset(
    "the a an he she it they we i you this that these those there here but and so yet or "
    "in on at as if when while after before since because however meanwhile his her its their "
    "our my your what who why how where then now still also some many most all one each both "
    "such not last for from with without to by according although though even only during "
    "instead other another next first later today yesterday tomorrow did does do is are was "
    "were has have had will would can could should may might must let please".split()
)
_CANDIDATE = re.compile(r"(\.(?: \.){2,}|\.{3,}|…|[.!?]+)([\"'”’»)\]]*)(\s+)(?=(\S))")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([\w’']+)")
_LOOKBEHIND = 80
_GLUED_QUOTES = re.compile(r"([.!?][\"”’])([\"“‘][A-Z])")
_TIME_PREPOSITIONS = frozenset("at by around about before after until till from since".split())
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)(?:[•⁃*\-–]\s?)?(\d{1,3}|[a-z])(?:\.\)|\)|\.)(?=\s+\S)")


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, in order, with their own punctuation.

    An enumerated list run into one line ("1.) First 2.) Second") is split
    before each item marker, and a marker's own period never ends a sentence.
    """
    text = _GLUED_QUOTES.sub(r"\1 \2", text)  # '...abandoned.""There is...': two quotes, two sentences
    markers = _list_markers(text)
    if not markers:
        return _split_run(text, protected=frozenset())
    protected = frozenset(m.end() for m in markers)
    bounds = [0, *[m.start() for m in markers if m.start() > 0], len(text)]
    sentences: list[str] = []
    for start, end in zip(bounds, bounds[1:]):
        sentences.extend(_split_run(text[start:end], protected={p - start for p in protected}))
    return sentences


def _list_markers(text: str) -> list[re.Match[str]]:
    """Item markers of an enumerated list (1. 2. / a) b) / • 9. • 10.) with consecutive values."""
    best: list[re.Match[str]] = []
    chain: list[re.Match[str]] = []
    for match in _LIST_MARKER.finditer(text):
        value = _marker_value(match.group(1))
        if chain and value == _marker_value(chain[-1].group(1)) + 1:
            chain.append(match)
        elif value in (0, 1) or not chain:
            chain = [match]
        if len(chain) > len(best):
            best = list(chain)
    return best if len(best) >= 2 else []


def _marker_value(label: str) -> int:
    return int(label) if label.isdigit() else ord(label) - ord("a")


def _split_run(text: str, protected: frozenset[int] | set[int]) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if match.end(1) in protected or match.end(2) in protected:
            continue
        cut = _boundary(text, match, start)
        if cut is not None:
            piece = text[start:cut].strip()
            if piece:
                sentences.append(piece)
            start = cut
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _boundary(text: str, match: re.Match[str], start: int) -> int | None:
    """Where the sentence ends at this candidate, or None if it goes on."""
    punct = match.group(1)
    spaced_before = match.start(1) > 0 and text[match.start(1) - 1].isspace()
    if punct.startswith(". ."):
        dots = punct.count(".")
        if dots >= 4 and not spaced_before:
            return match.start(1) + 1  # "word. . . . Next": a full stop, then an ellipsis that opens the next
        if dots == 3 and spaced_before:
            return None  # " . . . ": words left out inside a sentence
    if _after_clock_time(text, match):
        return match.end(2) if _clock_time_ends(text, match, start) else None
    if _is_boundary(text, match):
        return match.end(2)
    return None


def _after_clock_time(text: str, match: re.Match[str]) -> bool:
    return match.group(1) == "." and text[max(0, match.start(1) - 3) : match.start(1)].lower() in ("a.m", "p.m")


def _clock_time_ends(text: str, match: re.Match[str], start: int) -> bool:
    """"6 P.M. Mr. Smith": a new sentence, unless the time opened this one ("At 5 a.m. Mr. Smith went")."""
    next_word = _NEXT_WORD.match(text, match.end(3))
    following = (next_word.group(1) if next_word else "").lower()
    if not match.group(4).isupper() or following not in _STARTERS | _TITLES:
        return False
    opening = text[start : match.start(1)].split()
    return not (opening and opening[0].lower() in _TIME_PREPOSITIONS and len(opening) <= 4)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct, next_char = match.group(1), match.group(4)
    next_word = _NEXT_WORD.match(text, match.end(3))
    following = next_word.group(1) if next_word else ""
    if next_char.islower():
        return False
    if punct[0] in "?!":
        return True
    if punct[0] == "…" or punct.startswith("..") or punct.startswith(". ."):
        return next_char.isupper() or next_char in "\"“‘"
    # Bounded look-behind keeps the splitter linear on megabyte-long lines.
    before = _TOKEN_BEFORE.search(text, max(0, match.start(1) - _LOOKBEHIND), match.start(1))
    token = before.group(1).lstrip("\"'“‘([") if before else ""
    return _ends_after_token(token, following, next_char)


def _ends_after_token(token: str, following: str, next_char: str) -> bool:
    """Whether a period right after ``token`` ends the sentence."""
    bare = token.lower().rstrip(".")
    if bare in _TITLES:
        return False
    starts_sentence = following.lower() in _STARTERS
    if bare in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):
        return next_char.isupper() and starts_sentence
    if re.fullmatch(r"[A-Z]", token):  # an initial: "Donald J. Trump"
        return starts_sentence
    return next_char.isupper() or next_char.isdigit() or not next_char.isalnum()
