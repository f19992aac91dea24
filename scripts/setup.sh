#!/usr/bin/env bash
# Set up reader on a fresh machine: a virtualenv with reader, its test tools
# and everything they need, all from PyPI (espeak-ng for the pyttsx3 engine
# comes from the espeakng-loader wheel, so no system package and no root).
# Safe to run again; pip only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
# An editable install leaves reader's own modules uncompiled, and with
# PYTHONDONTWRITEBYTECODE set (as on CI machines) Python would compile them
# again on every run: a third of `reader --help`'s time. Compile once here.
"$VENV/bin/python" -m compileall -q reader voices > /dev/null
