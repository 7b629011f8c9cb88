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

import functools
import os
from typing import Any, Final, Literal

from participatory.core import _paths
from participatory.core import limits as reading
from participatory.core.exact import computes_exactly
from participatory.core.limits import DEFAULT_LIMITS, Limits
from participatory.project.convert import BASE_DIRECTORY, project_converter
from participatory.project.errors import (
    SPECIAL_CATEGORY_KEYS,
    ProjectFileError,
    is_special_category,
    problems_of,
)
from participatory.project.model import Project

__all__ = ["FORMATS", "load_project", "parse_document", "parse_project", "structure_project"]

#: The file formats a project can be written in.
FORMATS: Final = ("toml", "json")

Format = Literal["toml", "json"]


def _error(file: str, key: str, problem: str) -> ProjectFileError:
    return ProjectFileError(file, [(key, problem)])


def _file_name(file: object) -> str:
    if not isinstance(file, str):
        raise ProjectFileError("<string>", [("", "the file's name must be text")])
    return file


def parse_document(
    text: str,
    format: str,
    file: str = "<string>",
    *,
    limits: Limits = DEFAULT_LIMITS,
    within: object = None,
) -> dict[str, Any]:
    """The plain data of a TOML or JSON document (numbers as exact Decimals).

    Read within ``limits`` (:mod:`participatory.core.limits`): too large, too deeply
    nested, a key given twice in JSON, ``NaN``, a lone surrogate … each is a
    :class:`~participatory.project.errors.ProjectFileError` naming the place, except a
    place in special-category data: the document is read as ``within`` (a project unless
    given: a model class such as :class:`~participatory.ledger.HouseholdRecord`, as for
    :func:`~participatory.project.references.is_special_category`), and a problem in such
    a place is reported at the nearest place outside it, naming no key inside.

    >>> from participatory.ledger import HouseholdRecord
    >>> parse_document('{"id": "h-1", "household": {"people": [{"id": "b", '
    ...                '"esa": {"permitted_work": "x", "permitted_work": "y"}}]}}',
    ...                "json", "ben.json", within=HouseholdRecord)
    Traceback (most recent call last):
    ...
    participatory.project.errors.ProjectFileError: ben.json: has a key given twice in one object (each key once, please)
    """  # noqa: E501
    file = _file_name(file)
    if not isinstance(text, str):
        raise ProjectFileError(file, [("", "must be given as text (a str)")])
    limits = reading.given_limits(limits)
    if len(text) > limits.file_bytes:
        raise ProjectFileError(
            file,
            [("", f"is larger than {limits.file_bytes:,} bytes (the most this reader accepts)")],
        )
    redact: reading.Redact = (
        SPECIAL_CATEGORY_KEYS
        if within is None
        else functools.partial(is_special_category, within=within)
    )
    if format == "toml":
        return reading.parse_toml(text, file, limits, error=_error, redact=redact)
    if format == "json":
        document = reading.parse_json(text, file, limits, error=_error, redact=redact)
        if not isinstance(document, dict):
            raise ProjectFileError(file, [("", "must be a JSON object")])
        return document
    raise ProjectFileError(file, [("", "has an unknown format: use toml or json")])


@computes_exactly
def structure_project(
    document: dict[str, Any],
    file: str = "<string>",
    base: str | os.PathLike[str] | None = None,
) -> Project:
    """A :class:`Project` from plain data, every problem gathered in one error.

    ``base`` is the folder a rate card file named in the document is looked for in.
    """
    file = _file_name(file)
    if not isinstance(document, dict):
        raise ProjectFileError(file, [("", "must be a table of the project's keys")])
    token = BASE_DIRECTORY.set(base)
    try:
        return project_converter().structure(document, Project)
    except Exception as error:
        problems = list(problems_of(error))
    finally:
        BASE_DIRECTORY.reset(token)
    # Raised outside the handler: the converter's own errors (which may quote a value from
    # the file, perhaps special-category data) are not kept even as __context__.
    raise ProjectFileError(file, problems)


def parse_project(
    text: str, format: str = "toml", file: str = "<string>", *, limits: Limits = DEFAULT_LIMITS
) -> Project:
    """Read a project from TOML or JSON text; ``file`` names it in errors.

    A rate card file the project names is looked for beside ``file``.
    """
    document = parse_document(text, format, file, limits=limits)
    base = _paths.folder(_paths.text(file)) if file != "<string>" else None
    return structure_project(document, file, base)


def load_project(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Project:
    """Read a project file: ``.toml`` or ``.json`` (by its extension), within ``limits``."""
    # Spelt as pathlib spells it (./a//b.toml is a/b.toml), without importing pathlib.
    location = _paths.text(reading.path_name(path, error=_error))
    format = _paths.suffix(location).lower().lstrip(".")
    if format not in FORMATS:
        raise ProjectFileError(location, [("", "must end in .toml or .json")])
    text = reading.read_text(location, limits=limits, error=_error)
    return parse_project(text, format, location, limits=limits)
