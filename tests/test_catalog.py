"""The Piper catalogue and verified downloads, against a local server laid out like the Piper voice repository."""

import errno
import hashlib
import http.server
import json
import os
import pathlib
import threading
import time
import warnings
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from reader import catalog
from reader.cli import app
from reader.download import DownloadError
from reader.engines import kokoro_engine
from reader.engines.piper_engine import bundled_model
from reader.errors import ReaderWarning, VoiceNotFound
from reader.voices import resolve_voice

GERMAN = "de_DE-probe-medium"
"""The served "German voice": the bundled joe model under another name, its config saying German."""
MULTI = "en_GB-chorus-low"


@pytest.fixture(scope="session")
def joe_md5() -> str:
    digest = hashlib.md5()
    with bundled_model().open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _RepoHandler(http.server.SimpleHTTPRequestHandler):
    truncate: ClassVar[set[str]] = set()
    """Paths whose body is cut short (each test's handler class gets its own set)."""

    def do_GET(self):
        if self.path.lstrip("/") in self.truncate:
            # Promise the whole file, send a tenth, hang up: a download cut short.
            body = Path(self.translate_path(self.path)).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 10])
            self.close_connection = True
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def _config(language: str, speakers: int = 1) -> bytes:
    config = json.loads(Path(f"{bundled_model()}.json").read_text(encoding="utf-8"))
    family = language.split("_")[0]
    config["language"] = {"code": language, "family": family, "name_english": "German"}
    config["num_speakers"] = speakers
    config["speaker_id_map"] = {f"p{i}": i for i in range(speakers)} if speakers > 1 else {}
    return json.dumps(config).encode()


def _publish(root: Path, key: str, language: str, joe_md5: str, speakers: int = 1) -> dict:
    family, name, quality = language.split("_")[0], key.split("-")[1], key.split("-")[2]
    folder = root / family / language / name / quality
    folder.mkdir(parents=True)
    (folder / f"{key}.onnx").symlink_to(bundled_model())
    (folder / f"{key}.onnx.json").write_bytes(_config(language, speakers))
    (folder / "MODEL_CARD").write_text("# Model card\nLicense: test\n")
    rel = f"{family}/{language}/{name}/{quality}"
    files = {
        f"{rel}/{key}.onnx": {"size_bytes": bundled_model().stat().st_size, "md5_digest": joe_md5},
        f"{rel}/{key}.onnx.json": _meta(folder / f"{key}.onnx.json"),
        f"{rel}/MODEL_CARD": _meta(folder / "MODEL_CARD"),
    }
    return {"key": key, "name": name, "quality": quality, "num_speakers": speakers, "aliases": [],
            "speaker_id_map": {}, "files": files,
            "language": {"code": language, "family": family, "name_english": "German" if family == "de" else "English"}}  # fmt: skip


def _meta(path: Path) -> dict:
    return {"size_bytes": path.stat().st_size, "md5_digest": hashlib.md5(path.read_bytes()).hexdigest()}


@pytest.fixture
def repo(tmp_path, monkeypatch, joe_md5):
    """A Piper voice repository on 127.0.0.1, READER_PIPER_VOICES_URL pointing at it, voices installed in tmp."""
    root = tmp_path / "repo"
    root.mkdir()
    voices = {GERMAN: _publish(root, GERMAN, "de_DE", joe_md5), MULTI: _publish(root, MULTI, "en_GB", joe_md5, 3)}
    (root / "voices.json").write_text(json.dumps(voices))
    handler = type("Handler", (_RepoHandler,), {"truncate": set()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: handler(*a, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.root, server.voices, server.truncate = root, voices, handler.truncate
    monkeypatch.setenv("READER_PIPER_VOICES_URL", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("READER_VOICES_PATH", str(tmp_path / "voices"))
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache" / "chunks"))
    yield server
    server.shutdown()
    server.server_close()


def installed(tmp_path) -> list[str]:
    folder = tmp_path / "voices"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_available_lists_the_catalogue_and_filters_by_language(repo):
    assert [v.key for v in catalog.available()] == [GERMAN, MULTI]
    german = catalog.available("de")
    assert [(v.key, v.language, v.quality, v.speakers) for v in german] == [(GERMAN, "de_DE", "medium", 1)]
    assert german[0].size > 60_000_000
    assert [v.key for v in catalog.available("en_GB")] == [MULTI]


def test_catalogue_is_cached_refreshed_when_stale_and_used_when_the_server_is_gone(repo):
    catalog.available()
    cached = catalog.cache_path(catalog.base_url())
    assert cached.is_file()
    (repo.root / "voices.json").write_text("{}")  # a fresh cache is not fetched again
    assert len(catalog.available()) == 2
    old = time.time() - catalog.MAX_AGE_S - 10
    os.utime(cached, (old, old))
    assert catalog.available() == []  # stale: refreshed from the server
    os.utime(cached, (old, old))
    repo.shutdown()
    repo.server_close()
    with pytest.warns(ReaderWarning, match="cached voice catalogue") as caught:
        assert catalog.available() == []
    assert len(caught) == 1


def test_no_network_and_no_cache_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_PIPER_VOICES_URL", "http://127.0.0.1:9/")  # the discard port: refused
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache" / "chunks"))
    with pytest.raises(DownloadError, match="can't be reached"):
        catalog.available()


def test_download_installs_a_verified_voice_that_voice_finds(repo, tmp_path):
    paths = catalog.download(GERMAN)
    assert [p.name for p in paths] == [f"{GERMAN}.model-card.txt", f"{GERMAN}.onnx", f"{GERMAN}.onnx.json"]
    assert installed(tmp_path) == sorted(p.name for p in paths)  # no staging folder left
    preset = resolve_voice(GERMAN)
    assert preset.engine == "piper" and preset.voice == str(tmp_path / "voices" / f"{GERMAN}.onnx")
    assert [p.name for p in catalog.remove(GERMAN)] == [f"{GERMAN}.onnx.json", f"{GERMAN}.onnx", f"{GERMAN}.model-card.txt"]
    assert installed(tmp_path) == []
    with pytest.raises(VoiceNotFound, match="No downloaded voice"):
        catalog.remove(GERMAN)


def _corrupt(repo, key: str, suffix: str, change) -> None:
    entry = repo.voices[key]
    path = next(p for p in entry["files"] if p.endswith(suffix))
    change(entry["files"][path])
    (repo.root / "voices.json").write_text(json.dumps(repo.voices))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda meta: meta.update(md5_digest="0" * 32), "MD5"),
        (lambda meta: meta.update(size_bytes=meta["size_bytes"] + 1), "truncated or wrong"),
        (lambda meta: meta.update(size_bytes=meta["size_bytes"] - 1), "larger than"),
    ],
)
def test_a_mismatch_is_refused_and_nothing_is_installed(repo, tmp_path, change, message):
    _corrupt(repo, GERMAN, ".onnx", change)
    with pytest.raises(DownloadError, match=message):
        catalog.download(GERMAN)
    assert installed(tmp_path) == []


def test_a_404_and_a_cut_download_are_refused(repo, tmp_path):
    config = next(p for p in repo.voices[GERMAN]["files"] if p.endswith(".onnx.json"))
    (repo.root / config).unlink()
    with pytest.raises(DownloadError, match="HTTP 404"):
        catalog.download(GERMAN)
    assert installed(tmp_path) == []
    model = next(p for p in repo.voices[GERMAN]["files"] if p.endswith(".onnx"))
    repo.truncate.add(model)
    with pytest.raises(DownloadError, match="cut short|truncated"):
        catalog.download(GERMAN)
    assert installed(tmp_path) == []


def test_a_full_disk_is_refused_and_leaves_no_temp_file(repo, tmp_path, monkeypatch):
    real_open = pathlib.Path.open

    def full_disk(self, mode="r", *args, **kwargs):
        if "w" in mode and self.name.endswith(".onnx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", full_disk)
    with pytest.raises(DownloadError, match="No space left"):
        catalog.download(GERMAN)
    assert installed(tmp_path) == []


def test_unknown_voice_points_to_the_listing(repo):
    with pytest.raises(VoiceNotFound, match="reader voices --available"):
        catalog.download("xx_XX-nobody-low")


def test_speaker_of_a_multi_speaker_voice(repo, tmp_path):
    catalog.download(MULTI)
    assert resolve_voice(MULTI, speaker="p2").voice.endswith(f"{MULTI}.onnx#p2")
    assert resolve_voice(f"{MULTI}#1").voice.endswith(f"{MULTI}.onnx#1")
    with pytest.raises(VoiceNotFound, match="no speaker '7'"):
        resolve_voice(MULTI, speaker=7)
    with pytest.raises(VoiceNotFound, match="single speaker"):
        resolve_voice("joe", speaker=1)


runner = CliRunner()


def test_cli_lists_downloads_and_removes(repo, tmp_path):
    listing = runner.invoke(app, ["voices", "--available", "--language", "de"])
    assert listing.exit_code == 0, listing.output
    assert GERMAN in listing.stdout and MULTI not in listing.stdout
    data = json.loads(runner.invoke(app, ["voices", "--available", "--json"]).stdout)
    assert {v["key"]: v["speakers"] for v in data} == {GERMAN: 1, MULTI: 3}
    done = runner.invoke(app, ["voices", "download", GERMAN])
    assert done.exit_code == 0 and f"--voice {GERMAN}" in done.stdout
    assert "installed" in runner.invoke(app, ["voices", "--available", "-l", "de"]).stdout
    assert GERMAN in runner.invoke(app, ["voices", "--language", "de"]).stdout
    assert runner.invoke(app, ["voices", "remove", GERMAN]).exit_code == 0
    assert installed(tmp_path) == []


def test_cli_errors_are_one_line(repo, tmp_path):
    _corrupt(repo, GERMAN, ".onnx", lambda meta: meta.update(md5_digest="0" * 32))
    bad = runner.invoke(app, ["voices", "download", GERMAN])
    assert bad.exit_code == 1 and bad.stderr.strip().count("\n") == 0 and "MD5" in bad.stderr
    assert installed(tmp_path) == []
    usage = runner.invoke(app, ["voices", "--available", "--engine", "piper"])
    assert usage.exit_code == 2 and "--engine" in usage.stderr


def test_kokoro_download_is_verified_too(repo, tmp_path, monkeypatch):
    (repo.root / "kokoro").mkdir()
    files = []
    for name, body in ((kokoro_engine.VOICES_FILE, b"styles" * 100), (kokoro_engine.MODEL_FILE, b"model" * 1000)):
        (repo.root / "kokoro" / name).write_bytes(body)
        files.append((name, len(body), hashlib.sha256(body).hexdigest()))
    monkeypatch.setenv("READER_KOKORO_URL", f"http://127.0.0.1:{repo.server_address[1]}/kokoro")
    monkeypatch.setattr(kokoro_engine, "FILES", ((files[0][0], files[0][1], "0" * 64), files[1]))
    with pytest.raises(DownloadError, match="SHA-256"):
        kokoro_engine.download()
    assert installed(tmp_path) == []
    monkeypatch.setattr(kokoro_engine, "FILES", tuple(files))
    assert [p.name for p in kokoro_engine.download()] == [kokoro_engine.VOICES_FILE, kokoro_engine.MODEL_FILE]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert kokoro_engine.remove() == tmp_path / "voices" / "kokoro"


GERMAN_PAGE = """<!doctype html><html lang="de"><head><title>Die Stadt baut eine Bibliothek</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav><article><h1>Die Stadt baut eine neue Bibliothek</h1>
<p>Die Stadtverwaltung hat am Montag beschlossen, dass im Zentrum der Stadt eine neue Bibliothek gebaut wird.
Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, wie der Bürgermeister mitteilte.</p>
<p>Nach Angaben der Verwaltung wird das Gebäude auf dem Gelände des alten Bahnhofs stehen. Es soll nicht nur
Bücher, sondern auch Räume für Kurse und Veranstaltungen bieten. Die Kosten werden auf etwa zwanzig Millionen
Euro geschätzt.</p><p>Viele Bürger haben sich seit Jahren eine moderne Bibliothek gewünscht. Die alte Bibliothek
ist zu klein und wird nach der Eröffnung des Neubaus geschlossen.</p></article></body></html>"""


@pytest.mark.slow
def test_a_german_article_is_read_by_the_downloaded_german_voice(repo, tmp_path):
    import numpy as np

    from reader.engines import load_engine
    from reader.pipeline import extract
    from reader.voices import voice_dirs, voice_for_language

    page = tmp_path / "bibliothek.html"
    page.write_text(GERMAN_PAGE, encoding="utf-8")
    catalog.download(GERMAN)
    article = extract(str(page))
    preset = voice_for_language(article.language)
    assert article.language == "de" and preset.engine == "piper" and preset.name == GERMAN
    audio = load_engine(preset, search_dirs=voice_dirs()).synthesize(article.blocks[0].text)
    assert len(audio) > 22050 and np.abs(audio).max() > 1000
