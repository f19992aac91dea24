"""How far the classifier's body may reach beyond trafilatura's reading.

When trafilatura stopped early (see ``html._classifier_body``), the line
classifier's body is taken instead: it holds trafilatura's text and goes on
past it. What it adds past trafilatura's last block is the rest of the
article on a page split into containers, but on other pages it is the
site's trailing widgets (headline lists, glued link clouds, a share form),
which the classifier took in because they sit close to the text. The rest
of an article is running text; widgets are short lines and lists. So each
extension, below trafilatura's last block and above its first, is kept only
as far as its running text outweighs what is not running text.
"""

from __future__ import annotations

from ..types import Block
from .lines import describe


def trim_extensions(body: tuple[Block, ...], ours: tuple[Block, ...]) -> tuple[Block, ...]:
    """``body`` cut where its parts beyond trafilatura's first and last blocks stop being running text."""
    shared = {block.text for block in ours}
    inside = [i for i, block in enumerate(body) if block.text in shared]
    if not inside:
        return body
    first, last = inside[0], inside[-1]
    lines = describe([block.text for block in body])
    weights = [line.tokens if line.prose else -line.tokens for line in lines]
    end = last + 1 + _best_reach(weights[last + 1 :])
    start = first - _best_reach(weights[:first][::-1])
    return body[start:end]


def _best_reach(weights: list[float]) -> int:
    """How many of ``weights`` (nearest first) to keep: the prefix with the largest positive sum."""
    best, reach, total = 0.0, 0, 0.0
    for count, weight in enumerate(weights, 1):
        total += weight
        if total > best:
            best, reach = total, count
    return reach
