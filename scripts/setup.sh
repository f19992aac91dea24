#!/usr/bin/env bash
# Set up reader on a fresh machine: the system speech library pyttsx3 needs
# (best effort: only where apt-get is usable) and a virtualenv with reader
# and its test tools. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

if ! ldconfig -p 2>/dev/null | grep -q 'libespeak-ng\.so\.1'; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "setup: installing libespeak-ng1 (system voices for the pyttsx3 engine)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libespeak-ng1 >/dev/null
  else
    echo "setup: libespeak-ng1 is missing; the pyttsx3 engine needs it (apt-get install libespeak-ng1)." >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
