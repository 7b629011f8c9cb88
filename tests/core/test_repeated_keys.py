"""A key given twice in a JSON object is refused at its own place, and is named only where
naming it says nothing about a person (TRY13-3)."""

from __future__ import annotations

import pytest

from participatory.core.errors import ParameterFileError
from participatory.core.limits import parse_json
from participatory.project.errors import ProjectFileError
from participatory.project.files import parse_document


def test_a_repeated_key_is_named_at_its_own_place() -> None:
    with pytest.raises(ParameterFileError) as raised:
        parse_json('{"people": [{"id": "a"}, {"id": "b", "id": "c"}]}', "p.json")
    assert str(raised.value) == (
        "p.json: people[1].id: is given twice in one object (each key once, please)"
    )


def test_a_repeated_key_inside_a_marked_top_level_key_is_not_named() -> None:
    """A project's ``benefits`` are special-category data: reported at that key, and
    ``permitted_work`` (which says ESA) is not named."""
    text = '{"benefits": {"ben": {"esa": {"permitted_work": "x", "permitted_work": "y"}}}}'
    with pytest.raises(ParameterFileError) as raised:
        parse_json(text, "p.json", redact=("benefits",))
    assert str(raised.value) == (
        "p.json: benefits: has a key given twice in one object (each key once, please)"
    )


def test_a_rule_reports_a_problem_at_the_nearest_place_outside() -> None:
    """With a rule for places, the problem climbs out of every marked place."""
    household = "households[0].household"
    marked = {household, f"{household}.people", f"{household}.people[0]",
              f"{household}.people[0].esa"}  # fmt: skip
    text = ('{"households": [{"id": "h", "household": {"people": '
            '[{"esa": {"permitted_work": 1, "permitted_work": 2}}]}}]}')  # fmt: skip
    with pytest.raises(ParameterFileError) as raised:
        parse_json(text, "x.json", redact=marked.__contains__)
    assert str(raised.value) == (
        "x.json: households[0]: has a key given twice in one object (each key once, please)"
    )


def test_a_rule_that_marks_every_place_reports_the_whole_file() -> None:
    with pytest.raises(ParameterFileError) as raised:
        parse_json('{"a": {"b": {"c": 1, "c": 2}}}', "x.json", redact=lambda place: True)
    assert str(raised.value) == (
        "x.json: has a key given twice in one object (each key once, please)"
    )


def test_a_project_files_benefits_are_not_described() -> None:
    text = (
        '{"id": "p", "title": "P", "benefits": {"ben": {"people": [{"id": "ben", '
        '"esa": {"permitted_work": "lower", "permitted_work": "higher"}}]}}}'
    )
    with pytest.raises(ProjectFileError) as raised:
        parse_document(text, "json", "p.json")
    assert str(raised.value) == (
        "p.json: benefits: 1 problem in special-category data, withheld "
        "(shown with --include-sensitive)"
    )


def test_a_project_files_other_repeated_key_is_named() -> None:
    with pytest.raises(ProjectFileError, match=r"people\[0\]\.name: is given twice"):
        parse_document(
            '{"id": "p", "people": [{"id": "a", "name": "A", "name": "B"}]}', "json", "p.json"
        )
