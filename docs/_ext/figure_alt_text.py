"""Give a figure drawn from data the alt text written from the same data.

A figure the docs generate says what it shows, and that text is written where the figure
is drawn, so it cannot drift from the picture:

- an SVG carries it as its ``<desc>`` (``concepts/ladders.svg``, from
  ``make_ladder_figure.py``);
- any other image has it in a file beside it, ``<image name>.alt.txt`` (the tutorial's
  chart, ``_generated/tutorial-rosa-kept.png``, from ``tutorial_files.py``, with the text
  :func:`participatory.render.plot.alt_text` gives).

Every image of the docs that has such a description gets it as its ``alt`` text, in place
of any written on the page. Charts in the notebooks need nothing from here: a chart from
:mod:`participatory.render.plot` shows itself as an image with its alt text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

_DESC = re.compile(r"<desc\b[^>]*>(.*?)</desc>", re.S)


def described_alt(path: Path) -> str | None:
    """The description written for the image at ``path`` when it was drawn, if any."""
    if path.suffix == ".svg":
        try:
            found = _DESC.search(path.read_text(encoding="utf-8"))
        except OSError:
            return None
        return " ".join(html.unescape(found.group(1)).split()) if found else None
    beside = path.with_name(path.name + ".alt.txt")
    if beside.is_file():
        return " ".join(beside.read_text(encoding="utf-8").split())
    return None


def _set_alt(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: each described image takes its description as alt text."""
    for image in doctree.findall(nodes.image):
        uri = image.get("uri", "")
        if "://" in uri or uri.startswith("data:"):
            continue
        alt = described_alt(Path(app.srcdir) / uri)
        if alt:
            image["alt"] = alt


def setup(app: Sphinx) -> dict[str, Any]:
    # After Sphinx's image collector (priority 500), which makes ``uri`` relative to srcdir.
    app.connect("doctree-read", _set_alt, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
