"""Turning explained results into words for people, in a locale.

Engines decide; this package only says. Always pass a locale explicitly: babel would
otherwise read the environment, and the same input must give the same output everywhere.
"""

from participatory.render.text import format_value, sentence

__all__ = ["format_value", "sentence"]
