"""What every command shares: the app, the stderr console, error handling and printing.

User text (paths, titles, voices, error messages) is printed as plain text,
never parsed as Rich markup: a title with ``[/b]`` in it is just a title.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from ..types import Article, Narration

app = typer.Typer(
    name="reader",
    help="Narrate saved web articles (text dumps, HTML, URLs, Markdown) offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def stderr() -> Console:
    """The console for messages and progress: stderr, no markup, no highlighting."""
    return Console(stderr=True, markup=False, highlight=False, soft_wrap=True)


def say(message: str) -> None:
    """One plain line on stderr: control characters in the names it quotes show as escapes."""
    from ..errors import one_line

    stderr().print(one_line(message), markup=False, highlight=False)


def handled(command):
    """Turn every ReaderError into one line on stderr and its exit code; Ctrl-C into 130."""
    from ..errors import ReaderError

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ReaderError as exc:
            say(f"error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            say("interrupted; no partial output was kept.")
            raise typer.Exit(130) from None

    return wrapper


def clock(seconds: float) -> str:
    """4:05 for 245 seconds."""
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def echo_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def narration_json(result: Narration) -> dict:
    data = asdict(result)
    data["path"] = str(result.path)
    data["segments"] = len(result.segments)
    return data


def article_json(article: Article) -> dict:
    return {
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "site": article.site,
        "url": article.url,
        "language": article.language,
        "page_type": article.page_type,
        "paragraphs": [{"kind": b.kind.value, "text": b.text} for b in article.blocks],
        "dropped": [{"text": d.text, "reason": d.reason} for d in article.dropped],
    }
