""":mod:`participatory.project.model`: hardening: a project, a report, and every result can be
pickled and deep-copied.

Issue 17: ``pickle`` and ``copy.deepcopy`` of a ``Project`` failed: its benefits by person
were a ``mappingproxy``, which cannot be pickled, so a project could not go to a worker
process, into a cache or through ``deepcopy``. Read-only mappings are now
:class:`~participatory.core.frozen.FrozenDict`, which pickles.

The general tests round-trip every main entry point's result (:mod:`tests.entry_points`)
and every model object found inside the example projects and their reports (one of each
class), and check the copy is equal and reads the same.
"""

from __future__ import annotations

import copy
import pickle
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest

from participatory.assessment import assess
from participatory.project import load_project
from tests.entry_points import AS_AT, PROJECT_FILES, canonical, entry_points, known_failure


def _round_trips(value: object) -> list[tuple[str, object]]:
    return [
        ("pickle", pickle.loads(pickle.dumps(value))),
        ("deepcopy", copy.deepcopy(value)),
    ]


def test_a_project_with_benefits_pickles_and_deep_copies() -> None:
    """Issue 17: ``TypeError: cannot pickle 'mappingproxy' object``."""
    project = load_project(PROJECT_FILES[1])
    assert project.benefits
    for how, again in _round_trips(project):
        assert again == project, how
        assert dict(again.benefits) == dict(project.benefits), how


def _objects(root: object) -> Iterator[object]:
    """Every model object inside ``root`` (itself included), one of each class."""
    seen: set[type] = set()
    waiting = [root]
    visited: set[int] = set()
    while waiting:
        value = waiting.pop()
        if id(value) in visited:
            continue
        visited.add(id(value))
        if attrs.has(type(value)):
            if type(value) not in seen:
                seen.add(type(value))
                yield value
            waiting.extend(getattr(value, f.name) for f in attrs.fields(type(value)))
        elif isinstance(value, tuple | list | frozenset | set):
            waiting.extend(value)
        elif isinstance(value, Mapping):
            waiting.extend(value.values())


def _example_objects() -> list[tuple[str, Any]]:
    found: dict[str, Any] = {}
    for path in PROJECT_FILES:
        project = load_project(path)
        for root in (project, assess(project, as_at=AS_AT)):
            for value in _objects(root):
                found.setdefault(type(value).__qualname__, value)
    return sorted(found.items())


_OBJECTS = _example_objects()


@pytest.mark.parametrize(("name", "value"), _OBJECTS, ids=[name for name, _ in _OBJECTS])
def test_every_model_in_the_examples_pickles_and_deep_copies(
    name: str, value: object, tried: Counter[str]
) -> None:
    tried["pickle and deepcopy (models)"] += 1
    for how, again in _round_trips(value):
        assert again == value, f"{name}: {how}"
        assert canonical(again) == canonical(value), f"{name}: {how}"


@pytest.mark.parametrize(
    "name",
    [pytest.param(e.name, marks=known_failure("pickle", e.name)) for e in entry_points()],
)
def test_every_entry_points_result_pickles_and_deep_copies(name: str, tried: Counter[str]) -> None:
    tried["pickle and deepcopy (results)"] += 1
    result = next(e for e in entry_points() if e.name == name).call()
    expected = canonical(result)
    for how, again in _round_trips(result):
        assert canonical(again) == expected, how


def test_the_walk_finds_many_models() -> None:
    assert len(_OBJECTS) > 40
