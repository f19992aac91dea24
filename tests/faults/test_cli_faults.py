"""Malformed lexicons, a bad player command, and a bug: one line each, never a traceback."""

import sys

import pytest
from typer.testing import CliRunner

from reader.batch import run_batch
from reader.cli import app, main
from reader.options import RunOptions

runner = CliRunner()
TEXT = "Title\n\nThe ferry will run every hour from Monday, the harbor office said on Friday.\n"


@pytest.mark.parametrize(
    "lexicon",
    ['acronyms = "NATO"\n', "[[initialisms]]\nwords = [\"X\"]\n", '[acronyms]\nwords = "NATO"\n',
     "[initialisms]\nwords = [1, 2]\n"],
)
def test_a_malformed_lexicon_is_one_line(tmp_path, lexicon):
    page, bad = tmp_path / "a.txt", tmp_path / "bad.toml"
    page.write_text(TEXT)
    bad.write_text(lexicon)
    result = runner.invoke(app, ["script", str(page), "--lexicon", str(bad)])
    assert result.exit_code == 2 and "Lexicon" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_player_command_with_an_open_quote_is_one_line(tmp_path, fake_voice):
    page = tmp_path / "a.txt"
    page.write_text(TEXT)
    result = runner.invoke(app, ["play", str(page), "--voice", fake_voice, "--player", "cat 'x"])
    assert result.exit_code == 1 and "can't be read" in result.stderr


def test_a_bug_is_one_line_from_the_command_and_the_batch_goes_on(tmp_path, fake_voice, monkeypatch, capsys):
    import reader.pipeline as pipeline

    page = tmp_path / "a.txt"
    page.write_text(TEXT)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "make_chunks", broken)
    monkeypatch.setattr(sys, "argv", ["reader", "convert", str(page), "--voice", fake_voice])
    with pytest.raises(SystemExit) as stop:
        main()
    err = capsys.readouterr().err
    assert stop.value.code == 1 and "RuntimeError: a bug" in err and "Traceback" not in err
    results = run_batch(tmp_path, tmp_path / "out", RunOptions(voice=fake_voice), jobs=1)
    assert [r.status for r in results] == ["failed"] and "a bug" in results[0].error
