"""Evaluation gate: the dev-set scores must not fall under the floors in eval_floors.json.

Usage:
    python benchmarks/eval_gate.py [DATA_DIR]                 # print scores against floors; exit 1 on a drop
    python benchmarks/eval_gate.py [DATA_DIR] --raise          # lift every floor to today's score (never lowers)
    python benchmarks/eval_gate.py [DATA_DIR] --lower KEY=VALUE --reason "why"

DATA_DIR defaults to ../shared/benchmarks beside the clone (where CI keeps it).
Raising a floor is a one-line change to the JSON. Lowering one needs --lower
and a reason, which is recorded in the file's "lowered" log; the test suite
(tests/test_eval_gate.py) fails when a floor went down in the file's git
history without such a record.

Scores come from each scorer's ``evaluate(data_dir) -> {key: score}``
(benchmarks/normalization.py, benchmarks/sentences.py, and benchmarks/extraction.py
on a fixed 150-page subset of wcxb-dev), on the tune and the holdout part of each dev
set (benchmarks/devsplit.py).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "eval_floors.json"
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks"
SCORERS = ("normalization", "sentences", "extraction")
SLACK = 0.005
"""--raise leaves this much under today's score, so a rounding change is not a failure."""


def load_scorer(name: str):
    """A benchmark script as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"reader_bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(data_dir: Path, names: tuple[str, ...] = SCORERS) -> dict[str, float]:
    """The named scorers' scores on the dev sets in ``data_dir`` (every scorer's by default)."""
    found: dict[str, float] = {}
    for name in names:
        found.update(load_scorer(name).evaluate(data_dir))
    return found


def load_floors(path: Path = FLOORS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def failures(floors: dict[str, float], found: dict[str, float]) -> list[str]:
    """One line per floor that today's scores miss (or no longer report)."""
    missed = []
    for key, floor in sorted(floors.items()):
        if key not in found:
            missed.append(f"{key}: no longer measured (floor {floor:.3f})")
        elif found[key] < floor:
            missed.append(f"{key}: {found[key]:.3f} < floor {floor:.3f}")
    return missed


def lowered_without_reason(old: dict[str, float], new: dict[str, float], log: list[dict]) -> list[str]:
    """Floors that went down from ``old`` to ``new`` with no matching entry in the "lowered" log."""
    recorded = {(e.get("key"), e.get("to")) for e in log if str(e.get("reason", "")).strip()}
    return [
        f"{key}: {old[key]} -> {new.get(key)}"
        for key in sorted(old)
        if (key not in new or new[key] < old[key]) and (key, new.get(key)) not in recorded
    ]


def _write(data: dict) -> None:
    FLOORS.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _raise(data: dict, found: dict[str, float]) -> None:
    for key, value in found.items():
        lifted = math.floor((value - SLACK) * 1000) / 1000
        if lifted > data["floors"].get(key, 0.0):
            data["floors"][key] = lifted


def _lower(data: dict, change: str, reason: str) -> None:
    key, _, value = change.partition("=")
    new = float(value)
    old = data["floors"].get(key)
    if old is None or new >= old:
        raise SystemExit(f"--lower {change}: {key} is not above {new}; raise floors with --raise")
    data["floors"][key] = new
    today = datetime.date.today().isoformat()
    data.setdefault("lowered", []).append({"key": key, "from": old, "to": new, "reason": reason, "date": today})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--raise", dest="lift", action="store_true", help="lift floors to today's scores")
    parser.add_argument("--lower", metavar="KEY=VALUE", help="lower one floor (needs --reason)")
    parser.add_argument("--reason", default="")
    parser.add_argument("--only", choices=SCORERS, action="append", help="measure (and gate, and raise) only this stage")
    args = parser.parse_args()
    if args.lower and not args.reason.strip():
        parser.error("--lower needs --reason")
    data = load_floors()
    names = tuple(args.only or SCORERS)
    found = scores(args.data, names)
    gated = {k: v for k, v in data["floors"].items() if k.split(".")[0] in names}
    for key in sorted(set(found) | set(gated)):
        floor = data["floors"].get(key)
        value = found.get(key, float("nan"))
        print(f"{key:<34} {value:6.3f}   floor {floor if floor is not None else '-':>6}")
    if args.lift:
        _raise(data, found)
        _write(data)
    if args.lower:
        _lower(data, args.lower, args.reason)
        _write(data)
    missed = failures({k: v for k, v in data["floors"].items() if k.split(".")[0] in names}, found)
    for line in missed:
        print(f"FAIL {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
