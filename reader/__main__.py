from .cli import main

# main() turns SIGTERM/SIGHUP into Ctrl-C and prints a ReaderWarning as one line.
main()
