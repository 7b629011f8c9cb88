r"""One project, described once, and read from a TOML or JSON file.

The engines' models composed, with every id cross-checked (:mod:`~participatory.project.model`,
:mod:`~participatory.project.references`), and the project file format: reading a project
from TOML or JSON (:mod:`~participatory.project.files`), the strict conversion behind it
(:mod:`~participatory.project.convert`), one error listing every problem
(:mod:`~participatory.project.errors`) and the JSON Schema (:mod:`~participatory.project.schema`).

>>> from participatory.project import Project, parse_project
>>> Project(id="empty", title="An empty project").payment_plan().total()
Money('0', 'GBP')
>>> parse_project('id = "p"\ntitle = "A project"\nlabel = "co_production"').label
'co_production'
"""

from typing import TYPE_CHECKING

from participatory.core.lazy import lazy_attribute
from participatory.project.errors import ProjectFileError
from participatory.project.files import FORMATS, load_project, parse_document, parse_project
from participatory.project.model import Project, Session
from participatory.project.references import ProjectValidationError, reference_problems

if TYPE_CHECKING:
    from participatory.project.schema import project_schema

# The schema is printed by its own command: reading a project file never needs it.
__getattr__ = lazy_attribute(
    __name__, {"project_schema": "participatory.project.schema"}, globals()
)

__all__ = [
    "FORMATS",
    "Project",
    "ProjectFileError",
    "ProjectValidationError",
    "Session",
    "load_project",
    "parse_document",
    "parse_project",
    "project_schema",
    "reference_problems",
]
