"""reader batch: mirrored outputs, broken inputs, resume, kill-and-resume, feed, cluster."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.batch import STATE_FILE, run_batch
from reader.cli import app
from reader.pipeline import RunOptions

from .conftest import SAMPLE_HTML, SAMPLE_TXT, decode

FIXTURES = Path(__file__).parent / "fixtures" / "text"
runner = CliRunner()


@pytest.fixture
def articles(tmp_path):
    root = tmp_path / "in"
    (root / "news" / "europe").mkdir(parents=True)
    shutil.copy(SAMPLE_TXT, root / "news" / "europe" / "bakhmut.txt")
    canonical = '<link rel="canonical" href="https://coastline.example/news/harbor-library">'
    (root / "harbor.html").write_text(SAMPLE_HTML.read_text().replace("<head>", "<head>" + canonical))
    for name in ("blog-post.txt", "recipe.txt", "docs-page.txt"):
        shutil.copy(FIXTURES / name, root / "news" / name)
    (root / "notes.md").write_text("# Notes\n\nThe meeting moved to Thursday, and the agenda stays the same.\n")
    (root / "photo.txt").write_bytes(bytes(range(256)) * 10)  # binary: fails
    shutil.copy(FIXTURES / "index-page.txt", root / "index.txt")  # no article: fails
    (root / ".hidden.txt").write_text("Not an article to narrate, it is hidden.")
    (root / "image.png").write_bytes(b"\x89PNG")
    return root


def _statuses(results):
    return {r.relative: r.status for r in results}


def test_batch_mirrors_folders_and_reports_broken_files(articles, tmp_path, fake_voice):
    out = tmp_path / "out"
    result = runner.invoke(app, ["batch", str(articles), "-o", str(out), "--voice", fake_voice, "--json", "-j", "2"])
    assert result.exit_code == 1  # two articles failed
    data = json.loads(result.stdout)
    statuses = {r["relative"]: (r["status"], r["error"]) for r in data["results"]}
    assert statuses["photo.txt"][0] == "failed" and "binary" in statuses["photo.txt"][1]
    assert statuses["index.txt"][0] == "failed" and "No article" in statuses["index.txt"][1]
    done = sorted(k for k, (status, _) in statuses.items() if status == "done")
    assert done == ["harbor.html", "news/blog-post.txt", "news/docs-page.txt", "news/europe/bakhmut.txt",
                    "news/recipe.txt", "notes.md"]  # fmt: skip
    for relative in done:
        audio = decode(out / Path(relative).with_suffix(".mp3"))
        assert audio.duration_s > 3
    assert not list(out.rglob("*.part"))


def test_resume_is_by_content_and_settings(articles, tmp_path, fake_voice):
    out = tmp_path / "out"
    options = RunOptions(voice=fake_voice, format="ogg")
    first = run_batch(articles, out, options, jobs=1)
    assert list(_statuses(first).values()).count("done") == 6
    again = run_batch(articles, out, options, jobs=1)
    assert list(_statuses(again).values()).count("skipped") == 6
    os.utime(articles / "notes.md", (0, 0))  # touched, not changed: still skipped
    (articles / "harbor.html").write_text(SAMPLE_HTML.read_text().replace("forty years", "fifty years"))
    changed = _statuses(run_batch(articles, out, options, jobs=1))
    assert changed["harbor.html"] == "done" and changed["notes.md"] == "skipped"
    slower = _statuses(run_batch(articles, out, RunOptions(voice=fake_voice, format="ogg", rate=0.8), jobs=1))
    assert list(slower.values()).count("done") == 6
    forced = _statuses(run_batch(articles, out, RunOptions(voice=fake_voice, format="ogg", rate=0.8), jobs=1, force=True))
    assert list(forced.values()).count("done") == 6


def test_killed_batch_leaves_no_partial_output_and_resumes(articles, tmp_path, fake_voice):
    out = tmp_path / "out"
    env = {**os.environ, "READER_FAKE_DELAY_S": "0.05"}
    command = [sys.executable, "-m", "reader", "batch", str(articles), "-o", str(out), "--voice", fake_voice, "-j", "1", "-q"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.rglob("*.mp3")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # well inside the next article
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished = list(out.rglob("*.mp3"))
    assert 1 <= len(finished) < 6
    for path in finished:  # whatever exists is whole
        assert decode(path).duration_s > 3
    resumed = run_batch(articles, out, RunOptions(voice=fake_voice), jobs=1)
    statuses = _statuses(resumed)
    assert list(statuses.values()).count("skipped") == len(finished)
    assert list(statuses.values()).count("done") == 6 - len(finished)
    assert not list(out.rglob("*.part"))


def test_podcast_feed(articles, tmp_path, fake_voice):
    import feedparser

    out = tmp_path / "out"
    base = "https://example.org/pod"
    args = ["batch", str(articles), "-o", str(out), "--voice", fake_voice, "--feed", base, "--feed-title", "My reading list", "-q"]
    runner.invoke(app, args)
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "rss20"
    assert feed.feed.title == "My reading list"
    items = {entry.title: entry for entry in feed.entries}
    assert len(feed.entries) == 6
    harbor = items["Floating library opens in the old harbor"]
    enclosure = harbor.enclosures[0]
    assert enclosure.href == f"{base}/harbor.mp3" and enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == (out / "harbor.mp3").stat().st_size
    seconds = decode(out / "harbor.mp3").duration_s
    h, m, s = (int(x) for x in harbor.itunes_duration.split(":"))
    assert abs(h * 3600 + m * 60 + s - seconds) <= 1
    assert harbor.published_parsed[:3] == (2024, 5, 14)  # the article's own date
    bakhmut = items["Zelensky says Ukraine will not withdraw from Bakhmut despite Russian assaults"]
    assert bakhmut.published_parsed[:3] == (2023, 3, 7)
    assert bakhmut.enclosures[0].href == f"{base}/news/europe/bakhmut.mp3"
    assert harbor.guid == "harbor.html"
    assert harbor.link == "https://coastline.example/news/harbor-library"  # the article's source
    (articles / "late.txt").write_text("Late news\n\nThe council met again on Friday and approved the new ferry timetable.\n")
    runner.invoke(app, args)
    again = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(again.entries) == 7 and len({e.guid for e in again.entries}) == 7


def test_state_file_is_valid_json_after_every_run(articles, tmp_path, fake_voice):
    out = tmp_path / "out"
    run_batch(articles, out, RunOptions(voice=fake_voice), jobs=1)
    state = json.loads((out / STATE_FILE).read_text())
    assert set(state["items"]) == {"harbor.html", "news/blog-post.txt", "news/docs-page.txt",
                                   "news/europe/bakhmut.txt", "news/recipe.txt", "notes.md"}  # fmt: skip


def test_dask_cluster_runs_the_same_tasks(articles, tmp_path, fake_voice):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        results = run_batch(articles, out, RunOptions(voice=fake_voice), cluster=cluster.scheduler_address)
    statuses = _statuses(results)
    assert list(statuses.values()).count("done") == 6 and statuses["photo.txt"] == "failed"
    assert decode(out / "news" / "europe" / "bakhmut.mp3").duration_s > 30
    again = _statuses(run_batch(articles, out, RunOptions(voice=fake_voice), jobs=1))
    assert list(again.values()).count("skipped") == 6


def test_unreachable_cluster_is_a_clear_error(articles, tmp_path):
    result = runner.invoke(app, ["batch", str(articles), "-o", str(tmp_path / "out"), "--voice", "fake:low",
                                 "--cluster", "tcp://127.0.0.1:9"])  # fmt: skip
    assert result.exit_code == 2 and "Dask scheduler" in result.stderr


def _tasks(tmp_path, sizes):
    from reader.batch import Task

    tasks = []
    for index, words in enumerate(sizes):
        source = tmp_path / f"a{index}.txt"
        source.write_text(f"Title {index}\n\n" + " ".join(["Word after word goes on."] * words) + "\n")
        tasks.append(Task(str(source), source.name, str(tmp_path / "out" / f"a{index}.wav"), "", ""))
    return tasks


def test_an_article_longer_than_its_share_runs_alone_on_every_core(tmp_path, fake_voice, monkeypatch):
    """The long article's chunks are spread over the cores first; the short ones then run one per worker."""
    from reader import batch, workers

    monkeypatch.setattr(batch, "_synthesizes_in_processes", lambda options, preset=None: True)
    here, pooled = [], []
    monkeypatch.setattr(batch, "run_task", lambda task, options, keeper=None: here.append((task.relative, options.jobs)))
    monkeypatch.setattr(workers, "run_in_processes", lambda tasks, options, jobs: iter(pooled.append(([t.relative for t in tasks], options.jobs, jobs)) or []))
    tasks = _tasks(tmp_path, [400, 40, 30, 20])
    list(batch.execute(tasks, RunOptions(voice=fake_voice), jobs=2))
    assert here == [("a0.txt", 2)]
    assert pooled == [(["a1.txt", "a2.txt", "a3.txt"], 1, 2)]
    # articles of similar length share the workers, one each
    here.clear(), pooled.clear()
    list(batch.execute(_tasks(tmp_path, [40, 30, 30]), RunOptions(voice=fake_voice), jobs=2))
    assert here == [] and pooled[0][0] == ["a0.txt", "a1.txt", "a2.txt"]


def test_a_long_article_narrated_on_the_chunk_pool_sounds_as_narrated_alone(tmp_path, fake_voice, monkeypatch):
    from reader import batch

    monkeypatch.setattr(batch, "_synthesizes_in_processes", lambda options, preset=None: True)
    options = RunOptions(voice=fake_voice, format="wav", cache=False)
    tasks = _tasks(tmp_path, [60, 5, 4])
    results = {r.relative: r for r in batch.execute(tasks, options, jobs=2)}
    assert all(r.status == "done" for r in results.values())
    long_alone = batch.run_task(batch.Task(tasks[0].source, "alone", str(tmp_path / "alone.wav"), "", ""), options)
    assert abs(decode(results["a0.txt"].output).duration_s - decode(long_alone.output).duration_s) < 0.01


def test_long_article_names_get_distinct_outputs_that_fit(tmp_path, fake_voice):
    folder = tmp_path / "in"
    folder.mkdir()
    stem = "y" * 251  # .md and .txt fit in 255 bytes; with .txt.mp3 they would not
    (folder / f"{stem}.md").write_text("A\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    (folder / f"{stem}.txt").write_text("B\n\nThe council said the bridge will reopen to traffic on Friday after repairs.\n")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "--voice", fake_voice, "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    outputs = sorted((tmp_path / "out").glob("*.mp3"))
    assert len(outputs) == 2 and all(len(p.name.encode()) <= 255 and p.name.startswith("y" * 200) for p in outputs)
    assert all(decode(p).duration_s > 1 for p in outputs)


def test_the_summary_table_shows_control_characters_in_names_as_escapes(tmp_path, fake_voice):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "new\nline\x1b[31m.txt").write_text("A\n\nThe harbor office said the ferry will run every hour from Monday on.\n")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "--voice", fake_voice, "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "new\\nline\\x1b[31m.txt" in result.stdout and "\x1b" not in result.stdout
