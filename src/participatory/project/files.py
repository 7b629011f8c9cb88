r"""Reading a project from a TOML or JSON file.

The file's keys are the fields of :class:`~participatory.project.Project` (see
:doc:`/howto/project-files`). :func:`parse_project` reads text, :func:`load_project` a file
(the format from its extension). Anything wrong, from a TOML syntax error to an unknown
person id, is one :class:`~participatory.project.errors.ProjectFileError` listing every problem
found, each with its field path; no message repeats a value from the file.

>>> project = parse_project('''
... id = "river"
... title = "River watch"
... [[people]]
... id = "amira"
... name = "Amira"
... kind = "co_researcher"
... [[payments]]
... id = "p1"
... contributor = "amira"
... kind = "fee"
... amount = "90.00 GBP"
... due_on = 2026-05-22
... ''', "toml", "river.toml")
>>> project.payment_plan().total()
Money('90.00', 'GBP')
>>> parse_project('{"id": "x", "title": "X", "payments": [{"id": "p1"}]}', "json", "x.json")
Traceback (most recent call last):
...
participatory.project.errors.ProjectFileError: x.json: 4 problems: payments[0].contributor: is missing; payments[0].kind: is missing; payments[0].amount: is missing; payments[0].due_on: is missing
"""  # noqa: E501

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal

from participatory.core.errors import ParticipatoryError
from participatory.project.convert import BASE_DIRECTORY, project_converter
from participatory.project.errors import ProjectFileError, problems_of
from participatory.project.model import Project

__all__ = ["FORMATS", "load_project", "parse_document", "parse_project", "structure_project"]

#: The file formats a project can be written in.
FORMATS: Final = ("toml", "json")

Format = Literal["toml", "json"]


def parse_document(text: str, format: str, file: str = "<string>") -> dict[str, Any]:
    """The plain data of a TOML or JSON document (numbers as exact Decimals)."""
    if format == "toml":
        try:
            return tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as error:
            raise ProjectFileError(file, [("", f"is not valid TOML ({error})")]) from None
    if format == "json":
        try:
            document = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as error:
            raise ProjectFileError(file, [("", f"is not valid JSON ({error})")]) from None
        if not isinstance(document, dict):
            raise ProjectFileError(file, [("", "must be a JSON object")])
        return document
    raise ProjectFileError(file, [("", f"has unknown format {format!r}: use toml or json")])


def structure_project(
    document: dict[str, Any], file: str = "<string>", base: Path | None = None
) -> Project:
    """A :class:`Project` from plain data, every problem gathered in one error.

    ``base`` is the folder a rate card file named in the document is looked for in.
    """
    token = BASE_DIRECTORY.set(base)
    try:
        return project_converter().structure(document, Project)
    except (ParticipatoryError, Exception) as error:
        problems = list(problems_of(error))
        raise ProjectFileError(file, problems) from None
    finally:
        BASE_DIRECTORY.reset(token)


def parse_project(text: str, format: str = "toml", file: str = "<string>") -> Project:
    """Read a project from TOML or JSON text; ``file`` names it in errors.

    A rate card file the project names is looked for beside ``file``.
    """
    document = parse_document(text, format, file)
    base = Path(file).parent if file != "<string>" else None
    return structure_project(document, file, base)


def load_project(path: str | Path) -> Project:
    """Read a project file: ``.toml`` or ``.json`` (by its extension)."""
    location = Path(path)
    format = location.suffix.lower().lstrip(".")
    if format not in FORMATS:
        raise ProjectFileError(str(location), [("", "must end in .toml or .json")])
    try:
        text = location.read_text(encoding="utf-8")
    except OSError as error:
        raise ProjectFileError(
            str(location), [("", f"cannot be read ({error.strerror})")]
        ) from None
    return parse_project(text, format, str(location))
