"""The evaluation gate: normalizer and splitter scores on the dev sets stay above pinned floors.

CI sets READER_REQUIRE_BENCHMARKS=1 (``.ci/run``), so there a missing data
folder fails instead of skipping.
"""

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("reader_eval_gate", ROOT / "benchmarks" / "eval_gate.py")
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)


def _data_dir() -> Path:
    data = Path(os.environ.get("READER_BENCHMARKS", gate.DEFAULT_DATA))
    if not (data / "normalization-dev.jsonl").is_file():
        if os.environ.get("READER_REQUIRE_BENCHMARKS"):
            pytest.fail(f"benchmark data missing at {data}")
        pytest.skip(f"no dev data at {data} (a user's clone has none; CI has ../shared/benchmarks)")
    return data


def test_dev_set_scores_stay_above_their_floors():
    floors = gate.load_floors()["floors"]
    found = gate.scores(_data_dir())
    assert gate.failures(floors, found) == []


def test_every_dev_set_and_part_has_a_floor():
    floors = gate.load_floors()["floors"]
    for data_set in ("normalization.articles", "sentences.golden", "sentences.dev", "sentences.news",
                     "extraction.html", "extraction.text"):
        for part in ("tune", "holdout"):
            assert f"{data_set}.{part}" in floors


def test_gate_reports_a_drop_and_a_score_no_longer_measured():
    assert gate.failures({"a": 0.9, "b": 0.5}, {"a": 0.95, "b": 0.49}) == ["b: 0.490 < floor 0.500"]
    assert gate.failures({"gone": 0.5}, {}) == ["gone: no longer measured (floor 0.500)"]


def test_lowering_needs_a_logged_reason():
    assert gate.lowered_without_reason({"a": 0.9}, {"a": 0.95}, []) == []
    assert gate.lowered_without_reason({"a": 0.9}, {"a": 0.8}, []) == ["a: 0.9 -> 0.8"]
    log = [{"key": "a", "from": 0.9, "to": 0.8, "reason": "new stricter scorer"}]
    assert gate.lowered_without_reason({"a": 0.9}, {"a": 0.8}, log) == []
    assert gate.lowered_without_reason({"a": 0.9}, {"a": 0.8}, [{**log[0], "reason": " "}]) != []


def test_no_floor_was_ever_lowered_without_a_reason():
    """Walk the floors file's history: each version against the one before it."""
    path = "benchmarks/eval_floors.json"
    log = subprocess.run(["git", "log", "--format=%H", "--", path], cwd=ROOT, capture_output=True, text=True)
    if log.returncode != 0:
        pytest.skip("not a git checkout")
    versions = [
        json.loads(subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout)
        for commit in reversed(log.stdout.split())
    ]  # fmt: skip
    versions.append(gate.load_floors())  # the working tree, committed or not
    for old, new in zip(versions, versions[1:]):
        assert gate.lowered_without_reason(old["floors"], new["floors"], new.get("lowered", [])) == []
