"""The fixed split of every dev set into a part we tune on and a part we only check.

A case belongs to ``holdout`` when the first byte of the SHA-256 of its id is
odd, else to ``tune``. The split never changes: a rule that raises the tune
score but not the holdout score was written for its cases, not for the language.
"""

from __future__ import annotations

import hashlib

PARTS = ("tune", "holdout")


def part_of(case_id: str) -> str:
    """``tune`` or ``holdout`` for a case id, the same on every machine and run."""
    return "holdout" if hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2 else "tune"
