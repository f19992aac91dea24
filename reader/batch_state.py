"""A batch's memory and its claim on the output folder.

``OUTDIR/.reader-batch.json`` records each narrated article (content and
settings hashes, metadata for the feed). It is rewritten atomically after
every article; a damaged or foreign file is set aside and the batch starts
afresh rather than failing. ``OutputLock`` makes one batch at a time the
writer of a folder: a second one on the same folder is refused at once,
so it can never remove the first one's temporary files or overwrite its
state.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
import warnings
from dataclasses import asdict
from pathlib import Path

from .errors import ReaderWarning, UsageError

STATE_FILE = ".reader-batch.json"
LOCK_FILE = ".reader-batch.lock"
STATE_VERSION = 1


def load_state(outdir: Path) -> dict[str, dict]:
    """The recorded articles by relative path; {} when there is no usable state file."""
    path = outdir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        data = None
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict) or not all(isinstance(v, dict) for v in items.values()):
        # Set aside (kept for a look, never read again): one warning per run, not one per reading.
        try:
            path.replace(path.with_name(f"{path.name}.damaged"))
        except OSError:
            pass
        warnings.warn(f"{path} is damaged or not reader's (set aside as {path.name}.damaged); every article "
                      "will be narrated again.", ReaderWarning, stacklevel=2)  # fmt: skip
        return {}
    return items


def save_state(outdir: Path, items: dict[str, dict]) -> None:
    """Write the state file atomically: a kill mid-write leaves the previous one.

    A full disk or a read-only folder loses only the record (the next run
    narrates those articles again), never an audio file: one warning, and the
    temporary file is removed.
    """
    from .assemble import usual_mode

    tmp = None
    try:
        handle, tmp = tempfile.mkstemp(dir=outdir, prefix=".reader-batch.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": STATE_VERSION, "items": items}, out, indent=1, sort_keys=True)
        usual_mode(Path(tmp))
        os.replace(tmp, outdir / STATE_FILE)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        warnings.warn(f"can't save the batch state in {outdir}: {exc.strerror or exc}", ReaderWarning, stacklevel=2)


def record(outdir: Path, state: dict[str, dict], result) -> None:
    """Remember a finished article (and forget a failed one) in the state file."""
    if result.status == "done":
        entry = asdict(result)
        entry["output"] = Path(result.output).relative_to(outdir).as_posix()
        entry["finished"] = time.time()
        state[result.relative] = entry
    elif result.status == "failed":
        state.pop(result.relative, None)
    save_state(outdir, state)


def prune_missing(root: Path, state: dict[str, dict]) -> list[str]:
    """Forget articles whose input is gone (so the feed drops them); the names forgotten."""
    gone = [relative for relative in state if not (root / relative).is_file()]
    for relative in gone:
        del state[relative]
    return gone


class OutputLock:
    """An exclusive, advisory lock on a batch output folder, released when the process ends."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / LOCK_FILE
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        import fcntl

        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise UsageError(f"Can't write in the output folder {self.path.parent}: {exc.strerror or exc}.") from exc
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            raise UsageError(
                f"Another reader batch is writing to {self.path.parent}; wait for it to finish or use another folder."
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock; the file stays for the next run
            self._fd = None
