"""Turning explained results into words for people, in a locale.

Engines decide; this package only says. :func:`render` turns a whole
:class:`~participatory.assessment.report.GovernanceReport` into text, Markdown, HTML or
JSON; :func:`sentence` turns one finding into a sentence. Always pass a locale explicitly:
babel would otherwise read the environment, and the same input must give the same output
everywhere. :class:`Branding` puts an institution's name, logo and colours on the HTML
report.
"""

from participatory.render.branding import Branding, Logo, load_branding
from participatory.render.report import FORMATS, render
from participatory.render.text import format_value, sentence

__all__ = ["FORMATS", "Branding", "Logo", "format_value", "load_branding", "render", "sentence"]
