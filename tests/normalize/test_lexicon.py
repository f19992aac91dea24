import pytest

from reader.errors import UsageError
from reader.normalize import Normalizer, find_lexicon, load_lexicon
from reader.normalize.lexicon import Lexicon
from reader.voices import voice_dirs


def test_shipped_lexicon_reads_kyiv():
    normalizer = Normalizer(find_lexicon(voice_dirs()))
    spoken, rewrites = normalizer.sentence("Missiles hit Kyiv and Kharkiv overnight, Kyiv's mayor said.")
    assert spoken == "Missiles hit Keeyiv and Kharkiv overnight, Keeyiv's mayor said."
    assert {r.rule for r in rewrites} == {"lexicon"}


def test_whole_words_and_case(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text('[words]\nGIF = "jif"\nread = "red"\nAI = "A I"\n[acronyms]\nwords = ["FEMA"]\n[initialisms]\nwords = ["NASA"]\n')
    normalizer = Normalizer(load_lexicon(path))
    assert normalizer.sentence("A GIF, not a gifted gif.")[0] == "A jif, not a gifted gif."
    assert normalizer.sentence("I already READ it; read it, Read it.")[0] == "I already red it; red it, red it."
    assert normalizer.sentence("FEMA and NASA responded.")[0] == "Fema and N A S A responded."


def test_user_folder_overrides_shipped(tmp_path, monkeypatch):
    (tmp_path / "lexicon.toml").write_text('[words]\nKyiv = "Kee-iv"\n')
    monkeypatch.setenv("READER_VOICES_PATH", str(tmp_path))
    assert Normalizer(find_lexicon(voice_dirs())).sentence("In Kyiv.")[0] == "In Kee-iv."


def test_extra_file_wins_and_bad_files_are_clear_errors(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[words]\nKyiv = "Kyiv"\n')
    assert Normalizer(find_lexicon(voice_dirs(), extra)).sentence("In Kyiv.")[0] == "In Kyiv."
    broken = tmp_path / "broken.toml"
    broken.write_text("[words\nx = 1")
    with pytest.raises(UsageError, match="can't be read"):
        load_lexicon(broken)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text("[words]\nx = 1\n")
    with pytest.raises(UsageError, match="spoken forms"):
        load_lexicon(wrong)


def test_merge_order():
    base = Lexicon(words={"a": "1"}, acronyms=frozenset({"NASA"}))
    top = Lexicon(words={"a": "2"}, initialisms=frozenset({"NASA"}))
    merged = base.merged(top)
    assert merged.words == {"a": "2"} and "NASA" not in merged.acronyms and "NASA" in merged.initialisms
