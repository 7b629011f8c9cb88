"""Sphinx configuration for the participatory documentation."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

from offline_inventories import write_inventories  # noqa: E402
from parameter_tables import write_parameter_tables  # noqa: E402

import participatory  # noqa: E402
from participatory.payments.rates import rate_table_markdown  # noqa: E402
from participatory.vocabulary import glossary_markdown  # noqa: E402

project = "participatory"
author = "The participatory developers"
copyright = "2026, the participatory developers"
release = participatory.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx_autodoc_typehints",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_generated/*.inv"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"participatory {release}"
html_static_path: list[str] = []

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
always_document_param_types = False
typehints_fully_qualified = False
autodoc_preserve_defaults = True

intersphinx_mapping = write_inventories(HERE / "_generated" / "inventories")
intersphinx_timeout = 1

write_parameter_tables(HERE / "_generated")
(HERE / "_generated" / "rate-cards.md").write_text(rate_table_markdown(), encoding="utf-8")
(HERE / "_generated" / "glossary.md").write_text(glossary_markdown(), encoding="utf-8")

nitpicky = False
suppress_warnings = ["myst.header"]
