"""How quickly the CLI answers: `reader --help` and a no-op batch re-run, beside their floor.

Usage: python benchmarks/startup.py [--runs 15]

Prints medians of alternating runs (so load on this shared machine hits both
sides alike): `python -c "import typer, rich.progress"` (what any typer+rich
CLI pays), `reader --help`, and `reader batch` on two unchanged articles, as
ratios. Aims (issue 10): help <= 1.5 x the import floor; the no-op batch
<= 1.5 x help. Timings are printed, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _time(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # As an installed reader runs: pip compiles a package's modules when it installs it, but this
    # checkout is an editable install and PYTHONDONTWRITEBYTECODE may be set, so compile them here.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reader"), str(ROOT / "voices")],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        for name in ("kyiv-independent-bakhmut.txt", "harbor-library.html"):
            shutil.copy(ROOT / "samples" / name, work / "in" / name)
        env = {**os.environ, "READER_CACHE_DIR": str(work / "cache")}
        reader = str(BIN / "reader")
        batch = [reader, "batch", str(work / "in"), "-o", str(work / "out"), "--jobs", "1", "-q"]
        subprocess.run(batch, env=env, check=True, stdout=subprocess.DEVNULL)  # the real run; later ones skip
        commands = {
            "import typer, rich.progress": [sys.executable, "-c", "import typer, rich.progress"],
            "reader --help": [reader, "--help"],
            "reader batch (no-op, 2 articles)": batch,
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_time(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor, help_s, batch_s = medians.values()
    for name, value in medians.items():
        print(f"{name:<36} {value * 1000:7.0f} ms (median of {args.runs})")
    print(f"help / import floor: {help_s / floor:.2f} (aim <= 1.5)")
    print(f"no-op batch / help:  {batch_s / help_s:.2f} (aim <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
