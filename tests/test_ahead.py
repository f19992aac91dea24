"""Work ahead on helper threads: items in order, errors raised to the consumer, threads
that end when the consumer stops, and shaping that yields the cores to the engine."""

import os
import threading
import time

import pytest

import reader.session as session_module
from reader.ahead import Ahead
from reader.pipeline import RunOptions, open_session
from reader.voices import resolve_voice


def _count(limit, put, stop):
    for number in range(limit):
        if stop.is_set():
            return
        put(number)


def test_items_arrive_in_order_and_the_thread_ends():
    ahead = Ahead(lambda put, stop: _count(50, put, stop), name="count", size=2)
    ahead.start()
    assert list(ahead) == list(range(50))
    ahead.close()
    assert not any(t.name == "count" for t in threading.enumerate())


def test_the_producers_error_is_raised_to_the_consumer():
    def produce(put, stop):
        put(1)
        raise ValueError("engine fell over")

    ahead = Ahead(produce, name="failing", size=2)
    ahead.start()
    items = iter(ahead)
    assert next(items) == 1
    with pytest.raises(ValueError, match="engine fell over"):
        next(items)


def test_closing_midway_stops_a_producer_blocked_on_a_full_queue():
    ahead = Ahead(lambda put, stop: _count(10**9, put, stop), name="endless", size=1)
    ahead.start()
    assert next(iter(ahead)) == 0
    time.sleep(0.05)  # the producer is now blocked putting the next items
    ahead.close()
    assert not any(t.name == "endless" for t in threading.enumerate())


def test_an_ahead_closed_before_it_started_produces_nothing():
    produced = []
    ahead = Ahead(lambda put, stop: _count(5, produced.append, stop), name="late", size=1)
    ahead.close()  # Ctrl-C before its start: closing must not wait for a thread that never ran
    ahead.start()
    ahead.close()
    assert produced == []


def _priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_shaping_runs_below_the_engine_and_the_engine_at_the_usual_priority(fake_voice, monkeypatch):
    seen: dict[str, int] = {}
    real_finish, real_raw = session_module.SynthesisSession._finish, session_module.SynthesisSession._raw

    def finish(self, *args):
        seen[threading.current_thread().name] = _priority()
        return real_finish(self, *args)

    def raw(self, text):
        seen[threading.current_thread().name] = _priority()
        return real_raw(self, text)

    monkeypatch.setattr(session_module.SynthesisSession, "_finish", finish)
    monkeypatch.setattr(session_module.SynthesisSession, "_raw", raw)
    session = open_session(resolve_voice(fake_voice), RunOptions(cache=False))
    try:
        audio = list(session.stream(["One sentence.", "Another sentence.", "A third one."]))
    finally:
        session.close()
    assert len(audio) == 3 and all(pcm.size for pcm in audio)
    assert seen["reader-engine"] == _priority()
    assert seen["reader-shaper"] == min(19, _priority() + session_module.SHAPER_NICE)
    assert _priority() == os.getpriority(os.PRIO_PROCESS, 0)  # this thread was left as it was


def test_a_second_ctrl_c_while_closing_still_waits_for_the_thread():
    """The first Ctrl-C is being cleaned up; a second one must not leave a thread (an engine
    mid-chunk) running into the process's exit, where onnxruntime aborts."""
    import signal

    def slow(put, stop):
        time.sleep(0.4)  # an engine inside a chunk: stop is only seen after it
        put(1)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    ahead = Ahead(slow, name="slow-engine", size=1)
    ahead.start()
    previous = signal.signal(signal.SIGUSR1, interrupt)
    try:
        threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGUSR1)).start()
        with pytest.raises(KeyboardInterrupt):
            ahead.close()
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert not any(t.name == "slow-engine" for t in threading.enumerate())
