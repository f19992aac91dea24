import inspect
import math

from reader.clean import learned, text
from reader.clean.lines import describe

ARTICLE = [
    "Harbour to get a new ferry terminal | The Coast Gazette",
    "Home", "News", "Sport", "Weather",
    "Harbour to get a new ferry terminal",
    "By Mia Holt",
    "The harbour board approved plans on Monday for a new ferry terminal that will replace the old wooden pier by the fish market.",
    "Work is due to start in the spring and the board expects the first ferries to dock there before the end of next summer.",
    "Why a new terminal",
    "The old pier has been patched so often that inspectors now close it whenever the wind rises above a strong breeze in winter.",
    "Local businesses said they welcomed the decision, though several asked the board to keep the market open during the building work.",
    "Subscribe to our newsletter",
    "© 2026 The Coast Gazette. All rights reserved.",
]  # fmt: skip


def test_the_model_file_loads_with_the_features_the_code_computes():
    model = learned.load_model()
    assert model["features"] == list(learned.FEATURES)
    width = len(learned.FEATURES)
    assert len(model["mean"]) == len(model["scale"]) == width
    assert all(len(row) == width for row in model["hidden"])
    assert len(model["weights"]) == len(model["hidden"]) == len(model["hidden_bias"])
    assert 0.0 < model["take_back_above"] <= 1.0
    assert "train_lines.py" in model["command"]
    lines = describe(ARTICLE)
    assert all(len(row) == width for row in learned.features(lines))


MENU = ("Home", "News", "Sport", "Weather", "Subscribe to our newsletter")


def test_the_model_ranks_body_lines_above_menus_and_boilerplate():
    lines = describe(ARTICLE)
    probs = learned.probabilities(learned.features(lines), learned.load_model())
    assert all(0.0 <= p <= 1.0 and not math.isnan(p) for p in probs)
    body = [probs[i] for i, line in enumerate(lines) if line.prose]
    furniture = [probs[i] for i, line_text in enumerate(ARTICLE) if line_text in MENU]
    assert min(body) > max(furniture) + 0.1
    assert probs[ARTICLE.index("Why a new terminal")] > max(furniture)


def test_only_lines_dropped_for_their_shape_come_back_and_only_when_the_model_is_sure():
    keep, probs = {7, 8, 10}, [0.2] * 7 + [0.9, 0.9, 0.8, 0.9, 0.7]
    assert learned.revise(keep, {9, 11}, probs, 0.75) == {7, 8, 9, 10}
    assert learned.revise(keep, set(), probs, 0.75) == keep


def test_second_opinion_takes_back_a_doubted_line_the_model_believes():
    lines = describe(ARTICLE)
    probs = learned.probabilities(learned.features(lines), learned.load_model())
    reasons: list[str | None] = [None if 7 <= i <= 11 else "" for i in range(len(lines))]
    reasons[9] = "menu or link word"
    reasons[1] = "menu or link word"  # "Home", doubted too: the model does not believe it
    keep = learned.second_opinion(lines, reasons)
    assert {7, 8, 10, 11} <= keep and 1 not in keep
    assert (9 in keep) == (probs[9] >= learned.load_model()["take_back_above"])
    reasons[9] = "page furniture (call to action, sharing, legal)"
    assert 9 not in learned.second_opinion(lines, reasons)


def test_the_cleaner_keeps_the_body_and_drops_menus_and_boilerplate():
    texts = [block.text for block in text.clean_text("\n".join(ARTICLE)).blocks]
    assert [t for t in texts if t != "Why a new terminal"] == [ARTICLE[7], ARTICLE[8], ARTICLE[10], ARTICLE[11]]


def test_without_a_model_the_rules_decide(tmp_path):
    assert learned.load_model(tmp_path / "missing.json") == {}


def test_the_reasons_the_model_may_overrule_are_reasons_the_rules_give():
    source = inspect.getsource(text._inside_reason)
    assert all(f'"{reason}"' in source for reason in learned.SHAPE_REASONS)
