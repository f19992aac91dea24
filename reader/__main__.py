import warnings

from .cli import main
from .errors import format_warning
from .signals import terminate_as_interrupt

# A ReaderWarning (e.g. an unwritable cache) is one "warning: ..." line on stderr.
warnings.formatwarning = format_warning
# SIGTERM/SIGHUP clean up like Ctrl-C (no .part file left); see reader/signals.py.
with terminate_as_interrupt():
    main()
