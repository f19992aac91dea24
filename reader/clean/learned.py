"""A second opinion on a text page's body from a small learned line model.

The rules in ``text.py`` pick the body and the lines kept in it. Inside the
body some lines are dropped for their shape alone: a headline-shaped line
between two paragraphs (a teaser, or the article's own subheading) and a
short title-case line (a menu word, or a short subheading). This module scores
every line with a small model over the features the rules compute
(``lines.py``) and the line's neighbours, without looking at the rules'
decision, and takes such a line back when the model's probability that it
belongs to the article reaches ``take_back_above``. Lines dropped for what
they say (furniture, teaser boxes, repeats, captions, stamps) stay dropped,
and the body's span is the rules'.

The model was fitted by ``benchmarks/train_lines.py`` on the tune part of the
dev corpus and lives in ``line_model.json`` beside this file (feature names,
weights, threshold and the command that made it). Pure Python at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .lines import Line

_MODEL_FILE = Path(__file__).with_name("line_model.json")

FEATURES = (
    "position", "log_tokens", "terminal", "stop_share", "title_case", "repeated", "furniture", "marker",
    "inline_marker", "legal", "comments", "feed_stamp", "stamp", "caption", "markup",
    "prose", "sentence", "headline", "question", "colon", "digits",
    "prev_prose", "next_prose", "prev_log_tokens", "next_log_tokens", "short_run",
)  # fmt: skip
"""The model's inputs, in the order of its weights."""
SHAPE_REASONS = frozenset({"headline-shaped line inside the body (teaser)", "menu or link word"})
"""Rules' reasons that judge a line by its shape alone: the model may take such a line back."""


@cache
def load_model(path: Path = _MODEL_FILE) -> dict:
    """The fitted model (read once); an empty dict when there is no model file."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _log_tokens(line: Line | None) -> float:
    return math.log1p(line.tokens) / 5 if line is not None else 0.0


def _short_run(lines: list[Line], index: int) -> float:
    """How many short unterminated lines in a row surround this one (a menu, a spec list)."""
    def short(i: int) -> bool:
        return 0 <= i < len(lines) and lines[i].tokens < 8 and not lines[i].terminal

    if not short(index):
        return 0.0
    run, step = 1, 1
    while short(index - step) and step <= 10:
        run, step = run + 1, step + 1
    step = 1
    while short(index + step) and step <= 10:
        run, step = run + 1, step + 1
    return min(run, 20) / 20


def _context(lines: list[Line], index: int) -> list[float]:
    """Features of a line's neighbours."""
    prev = lines[index - 1] if index > 0 else None
    nxt = lines[index + 1] if index + 1 < len(lines) else None
    return [
        float(prev is not None and prev.prose), float(nxt is not None and nxt.prose),
        _log_tokens(prev), _log_tokens(nxt), _short_run(lines, index),
    ]  # fmt: skip


def _own(line: Line) -> list[float]:
    """Features of the line itself."""
    digits = sum(ch.isdigit() for ch in line.text) / max(1, len(line.text))
    flags = (
        line.terminal, line.title_case, line.repeated > 1, line.furniture, line.marker,
        line.inline_marker, line.legal, line.comments, line.feed_stamp, line.stamp, line.caption,
        line.markup, line.prose, line.sentence, line.headline,
        line.text.endswith("?"), line.text.endswith(":"),
    )  # fmt: skip
    values = [float(flag) for flag in flags]
    return [_log_tokens(line), *values[:1], line.stop_share, *values[1:], digits]


def features(lines: list[Line], indexes: list[int] | None = None) -> list[list[float]]:
    """One row of :data:`FEATURES` per line (or per line of ``indexes``)."""
    last = max(1, len(lines) - 1)
    chosen = range(len(lines)) if indexes is None else indexes
    return [[index / last, *_own(lines[index]), *_context(lines, index)] for index in chosen]


def probabilities(rows: list[list[float]], model: dict) -> list[float]:
    """The model's probability that each line belongs to the body."""
    mean, scale = model["mean"], model["scale"]
    out = []
    for row in rows:
        x = [(value - m) / s for value, m, s in zip(row, mean, scale)]
        out.append(_forward(x, model))
    return out


def _forward(x: list[float], model: dict) -> float:
    """A logistic output over an optional tanh hidden layer."""
    hidden = x
    if model.get("hidden"):
        hidden = [math.tanh(b + sum(w * v for w, v in zip(ws, x))) for ws, b in zip(model["hidden"], model["hidden_bias"])]
    z = model["bias"] + sum(w * v for w, v in zip(model["weights"], hidden))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def second_opinion(lines: list[Line], reasons: list[str | None]) -> set[int]:
    """The lines to keep, from the rules' reasons per line (None: kept) revised by the model."""
    keep = {index for index, reason in enumerate(reasons) if reason is None}
    model = load_model()
    if not model or model.get("features") != list(FEATURES):
        return keep
    doubtful = [index for index, reason in enumerate(reasons) if reason in SHAPE_REASONS]
    if not doubtful:
        return keep
    probs = dict(zip(doubtful, probabilities(features(lines, doubtful), model)))
    return revise(keep, set(doubtful), probs, model["take_back_above"])


def revise(keep: set[int], doubtful: set[int], probs: Sequence[float] | dict[int, float], take_back: float) -> set[int]:
    """The rules' kept lines, and the doubtful ones the model is sure of."""
    return keep | {index for index in doubtful if probs[index] >= take_back}
