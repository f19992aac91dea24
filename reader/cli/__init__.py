"""The ``reader`` command: parse options, call the library, print results.

Exit codes: 0 success, 1 a failure (bad input, engine, output), 2 a usage
error, 130 interrupted. Each command module registers itself on ``app``;
heavy libraries load inside the commands, so ``reader --help`` is quick.
"""

from __future__ import annotations

import os
import sys

from . import batch, manage, narrate  # noqa: F401 - each registers its commands on the app
from .common import app, say, stderr

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: one line and exit 2 for a usage error, never a traceback."""
    import warnings

    from ..errors import format_warning
    from ..signals import terminate_as_interrupt

    warnings.formatwarning = format_warning  # a ReaderWarning is one "warning: ..." line
    with terminate_as_interrupt():  # SIGTERM/SIGHUP clean up like Ctrl-C
        Abort, ClickException = _click_exceptions()
        try:
            code = app(prog_name="reader", standalone_mode=False)
        except ClickException as exc:  # a usage error found while parsing: exit 2
            message = exc.format_message()
            # "reader" alone shows the help (several lines); anything else is one line.
            if "\n" in message:
                stderr().print(message, markup=False, highlight=False)
            else:
                say(f"error: {message} (see 'reader {_command()} --help')")
            code = exc.exit_code
        except Abort:
            code = 130
        except Exception as exc:  # a bug: one line for the user; READER_DEBUG=1 shows the traceback
            if os.environ.get("READER_DEBUG"):
                raise
            say(f"error: reader failed unexpectedly ({type(exc).__name__}: {exc}); please report it, "
                "with READER_DEBUG=1 for the details.")  # fmt: skip
            code = 1
    sys.exit(code or 0)


def _click_exceptions():
    """(Abort, ClickException): typer 0.2x vendors click as typer._click, older typer uses click."""
    from typer import Abort

    try:
        from typer._click.exceptions import ClickException
    except ImportError:
        from click.exceptions import ClickException
    return Abort, ClickException


def _command() -> str:
    words = [a for a in sys.argv[1:] if not a.startswith("-")]
    return words[0] if words else ""
