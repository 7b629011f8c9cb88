"""The library's reader (:mod:`participatory.core.reading`, with the hooks of
:mod:`participatory.project.convert`) reads project files as cattrs' converter did: the same
models, and for a file with problems the same problems at the same paths.

The library read project files with cattrs until it had its own reader (cattrs and its
imports were about a twentieth of a command-line run). The reference here is cattrs'
converter with the library's hooks for values and cattrs' own functions for records, lists
and tables (``tests/project/cattrs_reference.py``), on the example projects, generated
projects, and both with one value broken, removed or added.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.core import tomlfile
from participatory.interchange import to_plain
from participatory.project import convert
from participatory.project.errors import problems_of
from participatory.project.model import Project
from participatory.testing.projects import projects
from tests.entry_points import PROJECT_FILES
from tests.project.cattrs_reference import as_reading_problems, cattrs_converter

_OURS = convert.build_converter(convert.record_structure)
_CATTRS = cattrs_converter()

#: Values that break a field of any type: wrong types, an unknown name, an empty table.
_BROKEN: tuple[object, ...] = (
    "not-a-known-value",
    17,
    True,
    None,
    [],
    {},
    ["x"],
    {"unknown": 1},
    "-5.00 GBP",
    dt.date(2026, 1, 1),
)


def _read(conv: Any, document: object, base: Path | None) -> tuple[str, object]:
    token = convert.BASE_DIRECTORY.set(base)
    try:
        return "ok", conv.structure(document, Project)
    except Exception as error:  # every failure is compared, whatever its kind
        return "failed", list(problems_of(as_reading_problems(error)))
    finally:
        convert.BASE_DIRECTORY.reset(token)


def _same_reading(document: object, base: Path | None = None) -> None:
    ours = _read(_OURS, document, base)
    theirs = _read(_CATTRS, copy.deepcopy(document), base)
    assert ours == theirs


def _places(value: object, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a document, tables and lists alike."""
    if isinstance(value, dict):
        for key in value:
            found.append((value, key))
            _places(value[key], found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            _places(item, found)
    return found


@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda path: path.name)
def test_every_example_reads_the_same(path: Path) -> None:
    document = tomlfile.parse_toml(path.read_text(encoding="utf-8"), path.name)
    _same_reading(document, path.parent)


@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda path: path.name)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_example_with_one_value_broken_reads_the_same(path: Path, data: st.DataObject) -> None:
    document = tomlfile.parse_toml(path.read_text(encoding="utf-8"), path.name)
    places = _places(document, [])
    container, key = data.draw(st.sampled_from(places))
    change = data.draw(st.sampled_from(("break", "remove", "add")))
    if change == "break":
        container[key] = data.draw(st.sampled_from(_BROKEN))
    elif change == "remove":
        del container[key]
    elif isinstance(container, dict):
        container["no_such_field"] = data.draw(st.sampled_from(_BROKEN))
    else:
        container.append(data.draw(st.sampled_from(_BROKEN)))
    _same_reading(document, path.parent)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=projects(), data=st.data())
def test_generated_projects_read_the_same_whole_or_broken(
    project: Project, data: st.DataObject
) -> None:
    document = to_plain(project, include_sensitive=True)
    _same_reading(document)
    assert _read(_OURS, document, None) == ("ok", project)
    places = _places(document, [])
    if places:
        container, key = data.draw(st.sampled_from(places))
        container[key] = data.draw(st.sampled_from(_BROKEN))
        _same_reading(document)


def test_a_record_given_as_something_else_is_refused_the_same() -> None:
    for document in ([], "project", 7, {"id": "x"}, {"id": "x", "title": "X", "people": {}}):
        _same_reading(document)
