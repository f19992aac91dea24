from .cli import main
from .signals import terminate_as_interrupt

# SIGTERM/SIGHUP clean up like Ctrl-C (no .part file left); see reader/signals.py.
with terminate_as_interrupt():
    main()
