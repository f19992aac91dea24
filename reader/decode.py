"""Bytes to text: BOMs, BOM-less UTF-16, UTF-8 with stray bytes, a page's declared
charset, and a guess for legacy code pages; bytes that are not text are refused."""

from __future__ import annotations

import codecs
import re

from .errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_STRAY = re.compile("[\udc80-\udcff]+")
"""Bytes that are not UTF-8, as ``surrogateescape`` decoding keeps them."""
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_NOT_PAGE_ENCODINGS = {
    "undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
    "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
}  # fmt: skip
"""Codecs a <meta charset> may name but a byte-oriented page can't be in: they raise on
any input, decode anything into noise, or (UTF-16/32) are never declared in-page (WHATWG)."""
_DECODE_ERRORS = (LookupError, UnicodeError, ValueError, TypeError)


def decode_bytes(data: bytes, label: str) -> tuple[str, str]:
    """Decode bytes as text, or raise SourceError if they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, label), encoding
    if _looks_like_bomless_utf16(data):
        encoding = "utf-16-le" if data[1:200:2].count(0) > data[0:200:2].count(0) else "utf-16-be"
        return _strict(data, encoding, label), encoding
    if found := _bomless_utf16_text(data):
        return found
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > 0.05:
        raise SourceError(f"{label} looks like a binary file, not text or HTML.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    encoding = _declared_encoding(data)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except _DECODE_ERRORS:
            pass  # the declaration lies; fall through to detection
    return _guess(data)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (a cp1252 quote pasted into a UTF-8 page): the stray ones
    read as cp1252, the rest as UTF-8. None when invalid sequences are not rare beside valid
    ones: a page wholly in a legacy code page has no valid multi-byte sequences at all."""
    text = data.decode("utf-8", "surrogateescape")
    stray = _STRAY.findall(text)
    valid = sum(1 for char in text if "\x80" <= char and not "\udc80" <= char <= "\udcff")
    if not stray or valid < max(8, 4 * sum(map(len, stray))):
        return None
    return _STRAY.sub(lambda run: bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp1252", "replace"), text)


def _declared_encoding(data: bytes) -> str | None:
    """The page's <meta charset>, if it names a text encoding a page can be in."""
    declared = _META_CHARSET.search(data[:8192])
    if not declared:
        return None
    name = declared.group(1).decode("ascii", "ignore").lower()
    try:
        info = codecs.lookup(name)
    except _DECODE_ERRORS:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None  # hex, zlib, rot13...: bytes-to-bytes or str-to-str codecs, not charsets
    return name


def _strict(data: bytes, encoding: str, label: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeError as exc:
        raise SourceError(f"{label} claims to be {encoding} but isn't valid {encoding}.") from exc


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:400]
    return len(sample) >= 4 and sample.count(0) >= len(sample) * 0.4 and (
        sample[0::2].count(0) < len(sample) * 0.05 or sample[1::2].count(0) < len(sample) * 0.05
    )


def _bomless_utf16_text(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM and without the many zero bytes of Latin text (Chinese, Arabic...).

    Its line breaks, spaces and digits are code units 0x00xx, so it holds zero bytes, and
    more at the high byte of a unit than at the low one; a text in any 8-bit or multi-byte legacy encoding
    holds none. It must decode strictly in that byte order (no unpaired surrogate) and
    read as writing: almost every character assigned and printable (no private-use,
    unassigned or control characters but line breaks and tabs), and its letters from one
    or two writing systems (Chinese or Japanese, plus Latin). Random bytes have zeros at both byte positions, unpaired
    surrogates, or characters of every script.
    """
    sample = data[:65536]
    if len(data) < 4 or len(data) % 2 or not sample.count(0):
        return None
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        low_zeros, high_zeros = sample[1 - high :: 2].count(0), sample[high::2].count(0)
        if high_zeros <= low_zeros:
            continue  # a zero low byte (一 is U+4E00) is rarer than a line break or space
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_writing(text[:8192]):
            return text, encoding
    return None


def _reads_as_writing(text: str) -> bool:
    """Almost all assigned, printable, word characters, the letters from one or two writing systems."""
    import unicodedata

    visible = [char for char in text if char not in " \t\n\r\f" and unicodedata.category(char) not in ("Zs", "Cf")]
    if len(visible) < 16:
        return False  # a few random characters can look like anything
    categories = [unicodedata.category(char) for char in visible]
    odd = sum(1 for category in categories if category in ("Cc", "Cn", "Co", "Cs"))
    wordlike = sum(1 for category in categories if category[0] in "LM" or category == "So")
    if odd > 0.02 * len(visible) or wordlike < 0.5 * len(visible):
        return False
    systems: dict[str, int] = {}
    for char in visible:
        if char.isalpha():
            system = unicodedata.name(char, "?").split(" ")[0]
            system = "CJK" if system in _HAN_AND_KANA else system
            systems[system] = systems.get(system, 0) + 1
    return sum(sorted(systems.values())[-2:]) >= 0.95 * sum(systems.values())


_HAN_AND_KANA = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "BOPOMOFO", "IDEOGRAPHIC"}
"""First words of the names of Chinese and Japanese letters: one writing system, with Latin beside it."""


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(data)


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262144]).best()
    guess = (best.encoding or "").lower() if best is not None else ""
    # Latin code pages can't be told apart on short texts; cp1252 is what a
    # Western page that isn't UTF-8 almost always is, so it wins those ties.
    western = not guess or guess.startswith(("cp125", "windows-125", "latin", "iso8859", "mac_"))
    western = western and guess not in ("cp1251", "cp1253", "cp1255", "cp1256")
    # A DOS or EBCDIC guess (cp775 for French "Café") is a tie lost by cp1252 unless
    # the text is mostly high bytes, as Russian in cp866 or Greek in cp737 is.
    western = western or _legacy_code_page(guess) and _mostly_ascii(data)
    order = ["cp1252", guess] if western else [guess, "cp1252"]
    for encoding in filter(None, order):
        try:
            return data.decode(encoding), encoding
        except _DECODE_ERRORS:
            continue
    return data.decode("latin-1"), "latin-1"  # decodes any byte: the last resort


_LEGACY_CODE_PAGES = {
    "cp437", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860",
    "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp1125", "hp-roman8",
    "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140",
}  # fmt: skip
"""DOS (OEM) and EBCDIC code pages: a statistical guess names them for short Western texts,
but a file that isn't UTF-8 today is almost never in one."""


def _legacy_code_page(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name in _LEGACY_CODE_PAGES
    except LookupError:
        return False


def _mostly_ascii(data: bytes) -> bool:
    """At most a fifth of the visible bytes are high ones: a Latin-script text, not Cyrillic or Greek."""
    sample = data[:262144]
    visible = len(sample.translate(None, b" \t\n\r\f"))
    high = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    return high <= 0.2 * max(visible, 1)
