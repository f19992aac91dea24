"""Warm-up: the voice loads on a helper thread while the article is prepared, and a
warm-up nobody needs is closed, never left running."""

import os
import threading

import pytest

import reader.pipeline as pipeline
import reader.session as session_module
from reader.pipeline import RunOptions, narrate
from reader.warmup import Warmup


def test_result_is_what_the_load_returned():
    warmup = Warmup(lambda: 42, lambda value: None)
    warmup.start()
    assert warmup.result() == 42


def test_a_failed_load_raises_in_the_caller():
    def load():
        raise ValueError("no such voice")

    warmup = Warmup(load, lambda value: None)
    warmup.start()
    with pytest.raises(ValueError, match="no such voice"):
        warmup.result()


def test_cancel_closes_what_was_built_and_leaves_no_thread():
    closed = []
    warmup = Warmup(lambda: "engine", closed.append)
    warmup.start()
    warmup.cancel()
    assert closed == ["engine"]
    assert not any(t.name == "reader-warmup" for t in threading.enumerate())
    with pytest.raises(RuntimeError):
        warmup.result()


class _Watch:
    """Records which thread loaded the engine and whether it began before extraction returned."""

    def __init__(self, monkeypatch):
        self.loading = threading.Event()
        self.threads: list[str] = []
        self.loaded_before_extracted: list[bool] = []
        self.closed = 0
        real_load, real_extract = session_module.load_engine, pipeline.extract
        self.real_extract = real_extract

        def load_engine(*args, **kwargs):
            self.threads.append(threading.current_thread().name)
            self.loading.set()
            engine = real_load(*args, **kwargs)
            real_close = engine.close

            def close():
                self.closed += 1
                real_close()

            engine.close = close
            return engine

        def extract(*args, **kwargs):
            # Waits for the load to begin: without a warm-up it only begins after this returns.
            self.loaded_before_extracted.append(self.loading.wait(timeout=5))
            return real_extract(*args, **kwargs)

        monkeypatch.setattr(session_module, "load_engine", load_engine)
        monkeypatch.setattr(pipeline, "extract", extract)


def test_the_voice_loads_while_the_article_is_read(tmp_path, fake_voice, monkeypatch):
    watch = _Watch(monkeypatch)
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nOne sentence to say. And another one after it.\n", encoding="utf-8")
    result = narrate(str(article), tmp_path / "a.wav", options=RunOptions(voice=fake_voice, cache=False))
    assert result.duration_s > 1.0
    assert watch.loaded_before_extracted == [True]
    assert watch.threads == ["reader-warmup"]
    assert watch.closed == 1


def test_a_rerun_of_a_cached_narration_loads_no_voice(tmp_path, fake_voice, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nOne sentence to say. And another one after it.\n", encoding="utf-8")
    options = RunOptions(voice=fake_voice)
    first = narrate(str(article), tmp_path / "a.wav", options=options)
    watch = _Watch(monkeypatch)
    monkeypatch.setattr(pipeline, "extract", watch.real_extract)  # nothing to wait for here
    again = narrate(str(article), tmp_path / "b.wav", options=options)
    assert again.cached == again.chunks and again.duration_s == pytest.approx(first.duration_s)
    assert watch.threads == []


def test_a_voice_loaded_for_a_cached_narration_is_closed(tmp_path, fake_voice, monkeypatch):
    """A touched file can't be known unchanged before it is read: the voice loads ahead,
    the narration is found in the cache all the same, and the loaded voice is closed."""
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nOne sentence to say. And another one after it.\n", encoding="utf-8")
    options = RunOptions(voice=fake_voice)
    narrate(str(article), tmp_path / "a.wav", options=options)
    os.utime(article, (1_000_000_000, 1_000_000_000))
    watch = _Watch(monkeypatch)
    again = narrate(str(article), tmp_path / "b.wav", options=options)
    assert again.cached == again.chunks
    assert watch.threads == ["reader-warmup"] and watch.closed == 1
    assert not any(t.name == "reader-warmup" for t in threading.enumerate())


def test_an_engines_imports_happen_before_its_warm_up_thread_starts(fake_voice, monkeypatch):
    """Imports hold the GIL and building a model does not: they go first, on the caller's thread."""
    import dataclasses
    import sys

    from reader.engines import engine_spec
    from reader.pipeline import open_session
    from reader.voices import resolve_voice
    from reader.warmup import import_quietly

    import_quietly(["no_such_module_for_reader", "json"])  # a missing one is left for the load
    session = open_session(resolve_voice(fake_voice), RunOptions(cache=False))
    monkeypatch.setattr(session, "_spec", dataclasses.replace(engine_spec("fake"), imports=("colorsys",)))
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    seen = []

    class Loaded:
        def __init__(self):
            seen.append("colorsys" in sys.modules)

        def close(self):
            pass

    monkeypatch.setattr(session_module.SynthesisSession, "_load", lambda self: Loaded())
    session.warm()
    assert isinstance(session._real(), Loaded)  # waits for the warm-up thread's load
    session.close()
    assert seen == [True]


def test_a_warm_up_cancelled_before_it_started_never_loads():
    loads = []
    warmup = Warmup(lambda: loads.append(1), lambda value: None)
    warmup.cancel()
    warmup.start()  # an interrupt between the owner taking it and starting it
    warmup.cancel()
    assert loads == []


def test_an_interrupted_wait_for_the_voice_still_closes_it(fake_voice, monkeypatch):
    """Ctrl-C while waiting for the voice: the model being built must be waited for and closed,
    never left to a process that exits under it (onnxruntime then aborts)."""
    import signal
    import time

    from reader.pipeline import open_session
    from reader.voices import resolve_voice

    closed = []

    class Slow:
        def close(self):
            closed.append(True)

    def load(self):
        time.sleep(0.5)
        return Slow()

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    monkeypatch.setattr(session_module.SynthesisSession, "_load", load)
    session = open_session(resolve_voice(fake_voice), RunOptions(cache=False))
    previous = signal.signal(signal.SIGUSR1, interrupt)
    try:
        session.warm()
        threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGUSR1)).start()
        with pytest.raises(KeyboardInterrupt):
            session._real()
    finally:
        signal.signal(signal.SIGUSR1, previous)
    session.close()
    assert closed == [True]
    assert not any(t.name == "reader-warmup" for t in threading.enumerate())


def test_ctrl_c_during_an_engines_imports_is_not_taken_for_a_missing_module(monkeypatch):
    """onnxruntime interrupted while it initializes raises ImportError from the KeyboardInterrupt."""
    import importlib

    from reader.warmup import import_quietly

    def interrupted_import(name):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise ImportError("initialization failed") from exc

    monkeypatch.setattr(importlib, "import_module", interrupted_import)
    with pytest.raises(KeyboardInterrupt):
        import_quietly(["onnxruntime"])
