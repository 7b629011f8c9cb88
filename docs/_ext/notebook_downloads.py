"""Offer every notebook page as a Jupyter notebook (``.ipynb``) to download.

The notebooks are MyST text notebooks (``docs/notebooks/*.md``) that myst-nb executes on
every build and saves, outputs included, as ``.ipynb`` in its output folder. This puts a
link under each notebook page's title to that executed notebook, and copies the notebook
beside the page (``notebooks/year-of-payments.ipynb`` beside
``notebooks/year-of-payments.html``), so the download works from the built site, offline
or served.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

LINK = (
    '<p class="notebook-download"><a href="{name}" download="{name}">'
    "Download this notebook (.ipynb)</a>, with its outputs, to open in Jupyter. "
    "Run it from <code>docs/notebooks/</code> in a checkout of the repository: some "
    "notebooks read the example projects and data files there.</p>"
)


def executed_notebook(app: Sphinx, docname: str) -> Path | None:
    """Where myst-nb saved the executed notebook of ``docname``, if the page is one."""
    folder = getattr(app.env, "mystnb_config", None)
    if folder is None or not folder.output_folder:
        return None
    path = Path(folder.output_folder).joinpath(*docname.split("/")).with_suffix(".ipynb")
    return path if path.is_file() else None


def download_name(docname: str) -> str:
    """The file name the page links to: the page's own name with ``.ipynb``."""
    return docname.rsplit("/", 1)[-1] + ".ipynb"


def _add_link(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a download link under a notebook page's title."""
    docname = app.env.docname
    if executed_notebook(app, docname) is None:
        return
    link = nodes.raw("", LINK.format(name=download_name(docname)), format="html")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, link)
        return
    title = next(iter(section.findall(nodes.title)), None)
    section.insert(section.index(title) + 1 if title is not None else 0, link)


def _copy_notebooks(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: copy each executed notebook beside its HTML page."""
    if exception is not None or app.builder.format != "html":
        return
    for docname in app.env.found_docs:
        source = executed_notebook(app, docname)
        if source is None:
            continue
        target = Path(app.outdir).joinpath(*docname.split("/")).with_name(download_name(docname))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _add_link)
    app.connect("build-finished", _copy_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
