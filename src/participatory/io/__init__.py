r"""Project files: reading a project from TOML or JSON, and the JSON Schema of the format.

>>> from participatory.io import parse_project
>>> parse_project('id = "p"\ntitle = "A project"\nlabel = "co_production"').label
'co_production'
"""

from participatory.io.errors import ProjectFileError
from participatory.io.files import FORMATS, load_project, parse_document, parse_project
from participatory.io.schema import project_schema

__all__ = [
    "FORMATS",
    "ProjectFileError",
    "load_project",
    "parse_document",
    "parse_project",
    "project_schema",
]
