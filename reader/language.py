"""Language codes as articles, presets, voices and options carry them."""

from __future__ import annotations


def language_code(language: str | None) -> str | None:
    """``de-DE``, ``de_DE``, ``DE`` -> ``de``; anything that is not a language code -> None."""
    primary = (language or "").replace("_", "-").split("-")[0].strip().lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None
