"""Sphinx configuration for the participatory documentation."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

HERE = Path(__file__).parent

# Deprecation notices from third-party extensions (sphinx-autodoc-typehints calling an API
# that Sphinx 10 removes) are theirs to fix and would bury the build's output. Only Python
# warnings from those packages are silenced: Sphinx's own warnings still fail the build.
for _category in (DeprecationWarning, PendingDeprecationWarning):
    warnings.filterwarnings("ignore", category=_category, module=r"sphinx_autodoc_typehints")
    warnings.filterwarnings("ignore", category=_category, module=r"myst_nb|myst_parser")
sys.path.insert(0, str(HERE / "_ext"))

from offline_inventories import write_inventories  # noqa: E402
from parameter_tables import write_parameter_tables  # noqa: E402
from tutorial_files import write_chart  # noqa: E402

import participatory  # noqa: E402
from participatory.payments.rates import rate_table_markdown  # noqa: E402
from participatory.vocabulary import glossary_markdown  # noqa: E402

project = "participatory"
author = "The participatory developers"
copyright = "2026, the participatory developers"
release = participatory.__version__
version = ".".join(release.split(".")[:2])

# No napoleon: the docstrings are plain reST, and napoleon would read the first words of an
# attribute's docstring before a colon ("Limited capability for work: ...") as its type.
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
    "sphinx_autodoc_typehints",
    "myst_nb",  # MyST markdown pages, and the notebooks in notebooks/, executed on every build
    "guarded_imports",  # names imported under TYPE_CHECKING, for the type hints
    "reexports",  # references to re-exported names resolve where the object is documented
    "attrs_signatures",  # attrs classes' signatures show their real defaults
    "notebook_downloads",  # each notebook page links its executed notebook as .ipynb
    "figure_alt_text",  # figures drawn from data take the alt text written with them
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb"}
exclude_patterns = ["_build", "_generated/*.inv", "jupyter_execute", "notebooks/data"]
myst_enable_extensions = ["colon_fence", "deflist"]

# Notebooks (MyST text notebooks, docs/notebooks/*.md) run in a fresh kernel on every build,
# so a notebook that breaks breaks the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True
nb_render_markdown_format = "myst"  # tables printed by a notebook cell
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"participatory {release}"
html_static_path = ["_static"]
html_css_files = ["participatory.css"]  # the parameter tables' layout

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
always_document_param_types = False
typehints_fully_qualified = False
autodoc_preserve_defaults = True

intersphinx_mapping = write_inventories(HERE / "_generated" / "inventories")
intersphinx_timeout = 1

write_parameter_tables(HERE / "_generated", page=HERE / "concepts" / "parameters.md")
(HERE / "_generated" / "rate-cards.md").write_text(rate_table_markdown(), encoding="utf-8")
(HERE / "_generated" / "glossary.md").write_text(glossary_markdown(), encoding="utf-8")
write_chart(HERE / "_generated" / "tutorial-rosa-kept.png")

# Every cross-reference must resolve: external names come from the offline inventories in
# _ext/offline_inventories.py; re-exported names are resolved by _ext/reexports.py.
nitpicky = True
nitpick_ignore = [
    # Type variables of generic helpers: documented in the signatures that use them, not as
    # objects of their own.
    ("py:class", "participatory.benefits.mechanism.R"),
    ("py:class", "participatory.core.tomlfile._T"),
    ("py:class", "participatory.core.params._T"),
    ("py:class", "participatory.interchange.T"),
    ("py:class", "participatory.core.reading._T"),
    # A private protocol that only states what periods.split accepts.
    ("py:class", "participatory.core.periods._SplitsRanges"),
    # The standard library's protocol for a package's files, missing from the offline
    # inventory of the Python docs this build reads.
    ("py:class", "importlib.resources.abc.Traversable"),
]
# attrs compiles a record's __init__ with the module's names as they were before the class
# existed, so a field typed with its own class (an ethics result's ``shared`` copy) cannot be
# resolved from __init__: the page shows the annotation as written.
suppress_warnings = ["myst.header", "sphinx_autodoc_typehints.forward_reference"]
