"""Voice presets shipped with reader (one TOML file per preset).

This folder is installed as the ``reader.presets`` package so that an installed
reader finds its default presets; see ``reader/voices.py`` for the format.
"""
