"""Installed package versions, read from the ``*.dist-info`` folder names.

A batch re-run that finds nothing to do still hashes its settings, and the
settings include the engine's version. ``importlib.metadata`` answers that
too, but importing it (email, zipfile, csv) costs more than the rest of the
no-op run's own work; an installed distribution's folder is named
``{name}-{version}.dist-info`` (PEP 376/427), so one directory lookup per
``sys.path`` entry says the same. Anything unusual falls back to
``importlib.metadata``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def package_version(name: str) -> str | None:
    """The installed version of distribution ``name``, or None when it is not installed."""
    wanted = re.sub(r"[-_.]+", "_", name).lower()
    for entry in sys.path:
        try:
            found = [p.name for p in Path(entry or ".").glob("*.dist-info")]
        except OSError:
            continue
        for folder in found:
            dist, _, version = folder[: -len(".dist-info")].partition("-")
            if re.sub(r"[-_.]+", "_", dist).lower() == wanted and version:
                return version
    return _from_metadata(name)


def _from_metadata(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None
