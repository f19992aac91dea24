"""The shipped respellings sound right: espeak-ng's phonemes for each match the intended IPA.

Compared by ear, not by spelling: segments must be equal (a flapped t counts as
a t, a palatal glide mark is ignored), and the vowel that should carry the main
stress must carry a main stress in espeak's reading.
"""

import re
import tomllib
from pathlib import Path

import pytest

from reader.normalize import Normalizer, load_lexicon

from .espeak_ipa import phonemizer

LEXICON = Path(__file__).resolve().parents[2] / "voices" / "lexicon.toml"
DATA = tomllib.loads(LEXICON.read_text(encoding="utf-8"))
PHONEMES, SOURCE = phonemizer()
needs_espeak = pytest.mark.skipif(PHONEMES is None, reason=f"no espeak-ng importable ({SOURCE})")


def segments_and_stresses(ipa: str) -> tuple[str, set[int]]:
    """'kˈiːjɪv' -> ('kiːjɪv', {1}): the sounds, and where main stresses fall in them."""
    ipa = re.sub(r"[\sˌʲ-]", "", ipa).replace("ɾ", "t")
    sounds, stresses = "", set()
    for ch in ipa:
        if ch == "ˈ":
            stresses.add(len(sounds))
        else:
            sounds += ch
    return sounds, stresses


def sounds_like(heard: str, intended: str) -> bool:
    heard_sounds, heard_stresses = segments_and_stresses(heard)
    meant_sounds, meant_stresses = segments_and_stresses(intended)
    return heard_sounds == meant_sounds and meant_stresses <= heard_stresses


def test_every_respelling_has_an_intended_pronunciation():
    assert set(DATA["words"]) <= set(DATA["ipa"])


@needs_espeak
@pytest.mark.parametrize("word", sorted(DATA["ipa"]))
def test_respelling_sounds_as_intended(word):
    said = DATA["words"].get(word, word)
    heard = PHONEMES(said)
    assert sounds_like(heard, DATA["ipa"][word]), f"{word} -> {said!r} is heard as {heard}, not {DATA['ipa'][word]}"


@needs_espeak
def test_the_check_hears_a_wrong_respelling():
    """The old respelling "Keev" drops a syllable of Kyiv; the check must notice."""
    assert not sounds_like(PHONEMES("Keev"), DATA["ipa"]["Kyiv"])
    assert not sounds_like(PHONEMES("Kharkeev"), DATA["ipa"]["Kharkiv"])


def test_shipped_lexicon_is_used_by_the_normalizer():
    spoken, _ = Normalizer(load_lexicon(LEXICON)).sentence("Drones hit Kyiv and Lviv.")
    assert spoken == "Drones hit Keeyiv and Le-veev."
