""":mod:`participatory.project.schema`: unit tests.

Reading project files: the forms accepted, and errors that name the path but no value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.project import project_schema
from participatory.project.files import parse_document

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_the_schema_is_draft_2020_12_and_every_example_validates():
    jsonschema = pytest.importorskip("jsonschema")
    schema = project_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in sorted(EXAMPLES.glob("*.toml")):
        document = parse_document(path.read_text(encoding="utf-8"), "toml", str(path))
        if "id" not in document:
            continue  # a rate card or payment plan, not a project
        plain = json.loads(json.dumps(document, default=str))
        errors = sorted(validator.iter_errors(plain), key=lambda e: list(e.path))
        assert not errors, (path.name, [(list(e.path), e.message) for e in errors][:3])


def test_the_schema_refuses_what_the_loader_refuses():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(project_schema())
    assert not validator.is_valid({"title": "no id"})
    assert not validator.is_valid({"id": "x", "title": "X", "titel": "typo"})
    bad_payment = {"id": "p", "contributor": "a", "kind": "wages", "amount": "5 GBP",
                   "due_on": "2026-01-01"}  # fmt: skip
    assert not validator.is_valid({"id": "x", "title": "X", "payments": [bad_payment]})


def test_safeguarding_partners_are_not_a_key_of_the_file():
    definitions = project_schema()["$defs"]
    assert "partners" not in definitions["SafeguardingProfile"]["properties"]
    assert "expertise" in definitions["PartnerOrganisation"]["properties"]
