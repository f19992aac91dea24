"""Fit the text cleaner's line model (reader/clean/line_model.json) on the tune part of wcxb-dev.

Usage: python benchmarks/train_lines.py [DATA_DIR] [--jobs N] [--hidden H] [--out PATH] [--check]

Every tune page saved as text goes through the rules of reader/clean/text.py
(line features, the body span, the rules' kept lines); each line is labelled
by whether its words are in the page's reviewed main text (word trigrams, or
the whole line for short ones). A logistic output over one tanh layer of 8 units
(--hidden 0: plain logistic regression) is fitted in numpy, deterministic (seed 0),
each line weighted by its share of the page's words so that every page counts
about as much as the metric counts it. The one threshold of the second
opinion (``take_back_above``, see reader/clean/learned.py) is chosen by
cross-validation over the tune domains on the simulated page F1 (the
highest within 0.003 of the best: a line taken back risks being a teaser); the
holdout part is never read. ``--check`` prints the simulated tune F1 of the
rules alone and with the model per threshold, without writing the model.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks"
DEFAULT_OUT = HERE.parent / "reader" / "clean" / "line_model.json"
_WORD = re.compile(r"\w+")
_FOLDS = 5
_TAKE_BACK_GRID = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.01)
_HIDDEN = 8
_TOLERANCE = 0.003


def _data():
    spec = importlib.util.spec_from_file_location("reader_bench_extraction_data", HERE / "extraction_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def label_lines(texts: list[str], truth: str) -> list[int]:
    """1 for a line whose words are in the reviewed main text, else 0."""
    words = _WORD.findall(truth.lower())
    grams = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
    joined = f" {' '.join(words)} "
    labels = []
    for text in texts:
        mine = _WORD.findall(text.lower())
        if len(mine) < 3:
            labels.append(int(bool(mine) and f" {' '.join(mine)} " in joined))
            continue
        own = [tuple(mine[i : i + 3]) for i in range(len(mine) - 2)]
        labels.append(int(sum(g in grams for g in own) >= 0.5 * len(own)))
    return labels


def page_record(task: tuple[str, str, str, str, bytes]) -> dict:
    """The rules' choice, the model's features and the labels of one page."""
    from reader.clean import learned, text
    from reader.clean.anchor import head
    from reader.errors import ExtractionError

    key, domain, page_type, truth, raw = task
    record = {"key": key, "domain": domain, "type": page_type, "truth": truth}
    source = raw.decode("utf-8", "replace")
    lines = text.page_lines(source)
    try:
        if not lines or text._already_clean(lines):
            raise ExtractionError("not the rules' body")
        first, last = text.locate_body(lines)
    except ExtractionError:
        try:
            record["fixed"] = "\n\n".join(b.text for b in text.clean_text(source).blocks)
        except ExtractionError:
            record["fixed"] = ""
        return record
    title_at, _ = head(lines, first)
    reasons = text.rule_reasons(lines, first, last, title_at)
    record.update(
        texts=[line.text for line in lines], title_at=title_at,
        tokens=[line.tokens for line in lines], labels=label_lines([line.text for line in lines], truth),
        rows=learned.features(lines), reasons=reasons,
    )  # fmt: skip
    return record


def load_records(data_dir: Path, jobs: int) -> list[dict]:
    data = _data()
    pages = [p for p in data.load_all(data_dir) if p.corpus == "wcxb" and p.part == "tune"]
    tasks = [(p.key, data.domain(p.url), p.page_type, p.truth, p.raw("text")) for p in pages]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(page_record, tasks, chunksize=8))


def _page_weights(record: dict) -> np.ndarray:
    truth_words = max(50, len(_WORD.findall(record["truth"])))
    return np.minimum(np.array(record["tokens"]), 300) / truth_words


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, hidden: int, steps: int = 600) -> dict:
    """Weighted logistic regression (or one tanh layer under it) by full-batch Adam, seed 0."""
    rng = np.random.default_rng(0)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    z = (x - mean) / scale
    params = {"weights": np.zeros(hidden or x.shape[1]), "bias": np.zeros(1)}
    if hidden:
        params["hidden"] = rng.normal(0, 0.3, (hidden, x.shape[1]))
        params["hidden_bias"] = np.zeros(hidden)
        params["weights"] = rng.normal(0, 0.3, hidden)
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
    w = w / w.sum()
    for step in range(1, steps + 1):
        grads = _gradients(params, z, y, w, l2=1e-4)
        for k, g in grads.items():
            m, v = moments[k]
            m[:] = 0.9 * m + 0.1 * g
            v[:] = 0.999 * v + 0.001 * g * g
            params[k] -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    out = {k: v.tolist() for k, v in params.items()}
    out["bias"] = float(params["bias"][0])
    return {**out, "mean": mean.tolist(), "scale": scale.tolist()}


def _gradients(params: dict, z: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> dict:
    h = np.tanh(z @ params["hidden"].T + params["hidden_bias"]) if "hidden" in params else z
    p = 1 / (1 + np.exp(-np.clip(h @ params["weights"] + params["bias"][0], -30, 30)))
    err = w * (p - y)
    grads = {"weights": h.T @ err + l2 * params["weights"], "bias": np.array([err.sum()])}
    if "hidden" in params:
        back = np.outer(err, params["weights"]) * (1 - h * h)
        grads["hidden"] = back.T @ z + l2 * params["hidden"]
        grads["hidden_bias"] = back.sum(0)
    return grads


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    h = (x - np.array(model["mean"])) / np.array(model["scale"])
    if model.get("hidden"):
        h = np.tanh(h @ np.array(model["hidden"]).T + np.array(model["hidden_bias"]))
    return 1 / (1 + np.exp(-np.clip(h @ np.array(model["weights"]) + model["bias"], -30, 30)))


def page_f1(record: dict, probs: np.ndarray | None, take_back: float) -> float:
    """The page's word F1 when the model revises the rules' lines (None: the rules alone)."""
    from reader.clean.learned import SHAPE_REASONS, revise

    word_prf = _data().word_prf
    if "fixed" in record:
        return word_prf(record["fixed"], record["truth"])[2]
    keep = {i for i, reason in enumerate(record["reasons"]) if reason is None}
    if probs is not None:
        doubtful = {i for i, reason in enumerate(record["reasons"]) if reason in SHAPE_REASONS}
        keep = revise(keep, doubtful, list(probs), take_back)
    keep.discard(record["title_at"])
    return word_prf("\n\n".join(record["texts"][i] for i in sorted(keep)), record["truth"])[2]


def _fold(domain: str) -> int:
    return hashlib.sha256(domain.encode()).digest()[1] % _FOLDS


def _stack(records: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = [r for r in records if "rows" in r]
    x = np.array([row for r in rows for row in r["rows"]], dtype=float)
    y = np.array([label for r in rows for label in r["labels"]], dtype=float)
    w = np.concatenate([_page_weights(r) for r in rows])
    return x, y, w


def cross_validate(records: list[dict], hidden: int) -> dict[float, float]:
    """Mean F1 over the tune articles per ``take_back_above``, each page scored by a model that never saw its domain."""
    probs: dict[str, np.ndarray] = {}
    for fold in range(_FOLDS):
        model = fit(*_stack([r for r in records if _fold(r["domain"]) != fold]), hidden=hidden)
        for r in records:
            if _fold(r["domain"]) == fold and "rows" in r:
                probs[r["key"]] = predict(model, np.array(r["rows"], dtype=float))
    articles = [r for r in records if r["type"] == "article"]
    return {k: sum(page_f1(r, probs.get(r["key"]), k) for r in articles) / len(articles) for k in _TAKE_BACK_GRID}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--hidden", type=int, default=_HIDDEN, help="tanh units under the output (0: logistic)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="print cross-validated scores, write nothing")
    args = parser.parse_args()
    from reader.clean.learned import FEATURES

    records = load_records(args.data, args.jobs)
    articles = [r for r in records if r["type"] == "article"]
    rules = sum(page_f1(r, None, 0) for r in articles) / len(articles)
    grid = cross_validate(records, args.hidden)
    # A line taken back risks a teaser: the most cautious threshold within _TOLERANCE of the best.
    top = max(grid.values())
    take_back = max(value for value, score in grid.items() if score >= top - _TOLERANCE)
    best = grid[take_back]
    print(f"tune articles {len(articles)}: rules {rules:.4f}; cross-validated model {best:.4f} (take_back_above {take_back})")
    for value, score in sorted(grid.items()):
        print(f"  take_back_above {value:<5} {score:.4f}")
    if args.check:
        return 0
    model = fit(*_stack(records), hidden=args.hidden)
    command = f"python benchmarks/train_lines.py --hidden {args.hidden}"
    out = {"about": __doc__.split("\n")[0], "command": command, "features": list(FEATURES),
           "take_back_above": take_back, "cv_tune_articles": {"rules": round(rules, 4), "model": round(best, 4)},
           **model}  # fmt: skip
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
