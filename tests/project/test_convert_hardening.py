""":mod:`participatory.project.convert`: hardening: lists are lists, and no value survives in
an error's chain.

Issue 17: a string where a list is expected was split into its letters (``communities =
"Bath"`` became B, a, t, h): cattrs reads any iterable as a list. And the raw value of a
sensitive enum field (a benefit, a health condition) survived in the ``__context__`` of
the library's error, behind ``raise … from None``. Both are fixed in the converter (lists
must be arrays; errors are raised outside the handler) and in
:func:`participatory.core.fields.member`.

The general tests walk every example project: every list in it is replaced by a text, one at
a time, and must be refused at its path; every value inside special-category data, and every
named value (kinds, stages, groups …), is replaced by a sentinel, and no text anywhere in
the resulting error's whole chain may contain it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from participatory.core import tomlfile
from participatory.core.errors import ParticipatoryError
from participatory.core.fields import member
from participatory.project import ProjectFileError, parse_project
from participatory.project.files import structure_project
from participatory.project.references import SPECIAL_CATEGORY_KEYS
from participatory.roles.models import ContributorKind
from participatory.testing.sensitive import SENTINEL, exception_texts, leaked
from tests.entry_points import PROJECT_FILES


def _document(path: Path) -> dict[str, Any]:
    return tomlfile.parse_toml(path.read_text(encoding="utf-8"), path.name)


def _leaves(
    node: object, path: tuple[object, ...] = ()
) -> Iterator[tuple[tuple[object, ...], object]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))


def _dotted(path: tuple[object, ...]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _replaced(document: dict[str, Any], path: tuple[object, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def _load(document: dict[str, Any], path: Path) -> ParticipatoryError | None:
    try:
        structure_project(document, path.name, path.parent)
    except ParticipatoryError as error:
        return error
    return None


# -- regressions ------------------------------------------------------------------------


def test_a_text_where_a_list_belongs_is_refused_not_split_into_letters() -> None:
    """Issue 17: ``communities = "Bath"`` became ("B", "a", "t", "h")."""
    with pytest.raises(ProjectFileError, match="communities: must be a list, not one text"):
        parse_project('id = "p"\ntitle = "t"\ncommunities = "Bath"')


def test_an_enum_error_keeps_no_trace_of_the_value() -> None:
    """Issue 17: ``raise … from None`` hid the enum's error but kept it as __context__."""
    with pytest.raises(ParticipatoryError) as caught:
        member(ContributorKind, SENTINEL, "kind")
    assert caught.value.__context__ is None
    assert not any(leaked(text) for text in exception_texts(caught.value))


# -- general ----------------------------------------------------------------------------


def _lists(path: Path) -> list[tuple[str, tuple[object, ...]]]:
    return [
        (path.name, where)
        for where, value in _leaves(_document(path))
        if where and isinstance(value, list)
    ]


_LISTS = [case for path in PROJECT_FILES for case in _lists(path)]


@pytest.mark.parametrize(
    ("name", "where"), _LISTS, ids=lambda v: v if isinstance(v, str) else _dotted(v)
)
def test_every_list_of_every_example_refuses_a_text(
    name: str, where: tuple[object, ...], tried: Counter[str]
) -> None:
    tried["a text where a list belongs"] += 1
    path = next(p for p in PROJECT_FILES if p.name == name)
    error = _load(_replaced(_document(path), where, "Bath"), path)
    assert isinstance(error, ProjectFileError), f"{_dotted(where)}: accepted a text"
    problems = error.problems + error.sensitive_problems
    assert any(p == _dotted(where) and "list" in problem for p, problem in problems), problems


# Identifiers and free text: an id may be quoted ("'x' is not one of the project's people"),
# and free text is never refused for its content.
_NOT_CHOSEN = frozenset({"id", "person_id", "party", "contributor", "contributors", "person",
                         "people", "name", "title", "label", "role", "how", "note", "source",
                         "file"})  # fmt: skip


def _named_values(path: Path) -> list[tuple[str, tuple[object, ...]]]:
    """Text leaves that are special-category data, or that name a choice (kinds, groups)."""
    found = []
    for where, value in _leaves(_document(path)):
        if not where or not isinstance(value, str):
            continue
        key = next((s for s in reversed(where) if isinstance(s, str)), "")
        special = where[0] in SPECIAL_CATEGORY_KEYS
        if special or (key not in _NOT_CHOSEN and " " not in value and value.islower()):
            found.append((path.name, where))
    return found


_NAMED = [case for path in PROJECT_FILES for case in _named_values(path)]


@pytest.mark.parametrize(
    ("name", "where"), _NAMED, ids=lambda v: v if isinstance(v, str) else _dotted(v)
)
def test_no_error_chain_keeps_a_value_from_the_file(
    name: str, where: tuple[object, ...], tried: Counter[str]
) -> None:
    """The sentinel may be refused or accepted, but never quoted, even in __context__."""
    tried["sentinels in named and special-category values"] += 1
    path = next(p for p in PROJECT_FILES if p.name == name)
    error = _load(_replaced(_document(path), where, SENTINEL), path)
    if error is None:
        return
    for text in exception_texts(error):
        assert not leaked(text), f"{_dotted(where)}: {text[:300]}"


def test_the_walks_are_not_vacuous() -> None:
    assert len(_LISTS) > 50
    assert len(_NAMED) > 50
    assert any(where[0] == "benefits" for _name, where in _NAMED)
    assert dt.date.today()  # the examples load on any day: nothing here reads the clock
