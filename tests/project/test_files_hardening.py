""":mod:`participatory.project.files`: hardening: bad input at its boundaries.

Bad project files, bad JSON documents and bad command lines at the assessment boundary.

The four bundled example projects are broken one to three ways at a time (a value
replaced by a wrong type, NaN, a float, a huge number or a naive datetime; a key deleted
or added; an entry duplicated; an id pointed at nobody) and written out as TOML, and as
JSON (which, unlike TOML, can carry floats). Every document must end in a
:class:`~participatory.project.ProjectFileError` (or another of the library's errors) that says
where the problem is, or in a project that then assesses without an exception. The same
documents go through ``participatory assess`` on the command line, which must exit 0
(a report) or 2 (a one-line reason), never with a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.assessment import assess
from participatory.core.errors import ParticipatoryError
from participatory.project import Project, ProjectFileError, parse_project
from participatory.testing.bad_input import broken_texts, mutated_documents, toml_text
from tests.fuzzing import no_hang

_EXAMPLES = Path(__file__).parents[2] / "examples"


_PROJECTS = sorted(
    p
    for p in _EXAMPLES.glob("*.toml")
    if p.name not in ("payment-plan.toml", "institution-rate-card.toml")
)


_ID_KEYS = ("id", "party", "contributor", "person_id", "person", "holder", "activity")


_AS_AT = dt.date(2026, 11, 2)


_FUZZ = settings(
    max_examples=120,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _seed(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text, parse_float=Decimal), text


_SEEDS = [_seed(path) for path in _PROJECTS]


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        # JSON floats are what another system would send; the loader must refuse them for
        # money and accept nothing it cannot hold exactly. (A signalling NaN has no float.)
        return float("nan") if value.is_snan() else float(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


@st.composite
def _broken_projects(draw: st.DrawFn) -> tuple[str, str]:
    document, text = draw(st.sampled_from(_SEEDS))
    kind = draw(st.sampled_from(["toml", "toml-text", "json"]))
    if kind == "toml-text":
        return "toml", draw(broken_texts(text))
    broken = draw(mutated_documents(document, _ID_KEYS))
    if kind == "json":
        return "json", json.dumps(broken, default=_json_default)
    return "toml", toml_text(broken)


def _load(text: str, format: str) -> Project | ParticipatoryError:
    with no_hang():
        try:
            return parse_project(text, format, str(_EXAMPLES / f"fuzz.{format}"))
        except ParticipatoryError as error:
            return error


def test_every_example_is_a_fuzz_seed() -> None:
    assert len(_SEEDS) >= 4


@_FUZZ
@given(_broken_projects())
def test_project_files_and_json_documents(tried: Counter[str], case: tuple[str, str]) -> None:
    """A project, or the library's error naming the place; a project then assesses."""
    format, text = case
    tried[f"project files ({format})"] += 1
    result = _load(text, format)
    if isinstance(result, ProjectFileError):
        every = result.problems + result.sensitive_problems
        assert every, "a project file error lists its problems"
        assert all(path or problem for path, problem in every)
        return
    if isinstance(result, ParticipatoryError):
        assert str(result)
        return
    with no_hang():
        try:
            report = assess(result, as_at=_AS_AT)
        except ParticipatoryError:
            tried["project assessed: the library's own error"] += 1
            return
    assert report.sections


@pytest.mark.parametrize("path", _PROJECTS, ids=lambda p: p.name)
def test_examples_round_trip_through_json(path: Path) -> None:
    """The JSON form of a valid example loads to the same project as its TOML."""
    document = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    as_json = json.dumps(
        document, default=lambda v: str(v) if isinstance(v, Decimal) else v.isoformat()
    )
    from_toml = parse_project(path.read_text(encoding="utf-8"), "toml", str(path))
    from_json = parse_project(as_json, "json", str(path.with_suffix(".json")))
    assert from_json == from_toml


# -- long texts (issue 17) ---------------------------------------------------------------


def _text_paths(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _text_paths(value, (*path, key))]
    if isinstance(node, list):
        return [p for index, value in enumerate(node) for p in _text_paths(value, (*path, index))]
    return [path] if isinstance(node, str) else []


_LONG_TEXTS = st.sampled_from(
    [
        "x" * 20_000,
        ("word " * 4000)[:20_000],
        ("*_[<&" * 4000)[:20_000],
        ("a-b " * 5000)[:20_000],
        ("  " + "é " * 10_000)[:20_000],
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), long_text=_LONG_TEXTS)
def test_a_text_as_long_as_the_limit_anywhere_assesses_and_renders_quickly(
    tried: Counter[str], data: st.DataObject, long_text: str
) -> None:
    """Issue 17: a 16 KB string in one field took 18 s to assess. Any text field of any
    example, at the longest a reader accepts (20,000 characters), is read, assessed and
    rendered in every format within the hang limit, or refused with the library's error."""
    import copy

    from participatory.render import render

    tried["long texts in every field"] += 1
    document, _text = data.draw(st.sampled_from(_SEEDS))
    where = data.draw(st.sampled_from(_text_paths(document)))
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = long_text
    with no_hang():
        result = _load(toml_text(changed), "toml")
        if isinstance(result, ParticipatoryError):
            tried["long texts refused"] += 1
            return
        try:
            report = assess(result, as_at=_AS_AT)
        except ParticipatoryError:
            tried["long texts refused"] += 1
            return
        tried["long texts assessed and rendered"] += 1
        for fmt in ("text", "markdown", "html", "json"):
            render(report, format=fmt, locale="cy", include_sensitive=True)
