"""Turning explained results into words for people, in a locale.

Engines decide; this package only says. :func:`render` turns a whole
:class:`~participatory.assessment.report.GovernanceReport` into text, Markdown, HTML or
JSON; :func:`sentence` turns one finding into a sentence. Always pass a locale explicitly:
babel would otherwise read the environment, and the same input must give the same output
everywhere. :class:`Branding` puts an institution's name, logo and colours on the HTML
report.

The names load on first use: a program that needs one sentence, or the command line
printing a reason, does not import the whole report (every engine) for it.

>>> from participatory.render import FORMATS
>>> FORMATS
('text', 'markdown', 'html', 'json')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
    from participatory.render.branding import Branding, Logo, load_branding
    from participatory.render.report import FORMATS, render
    from participatory.render.text import format_value, sentence

_LAZY = {
    "Branding": "participatory.render.branding",
    "Logo": "participatory.render.branding",
    "load_branding": "participatory.render.branding",
    "FORMATS": "participatory.render.report",
    "render": "participatory.render.report",
    "format_value": "participatory.render.text",
    "sentence": "participatory.render.text",
}


__getattr__ = lazy_attribute(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = ["FORMATS", "Branding", "Logo", "format_value", "load_branding", "render", "sentence"]
