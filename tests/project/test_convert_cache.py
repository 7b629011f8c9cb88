"""Reading a project keeps the converter's structure functions for the next one."""

from __future__ import annotations

from pathlib import Path

import pytest

from participatory.project import convert
from participatory.project.files import parse_document
from participatory.project.model import Project

_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "arts-coproduction.toml"


@pytest.fixture
def document() -> dict[str, object]:
    """The bundled example, which has a benefits table (a mapping of households by person)."""
    text = _EXAMPLE.read_text(encoding="utf-8")
    document = parse_document(text, "toml", str(_EXAMPLE))
    assert document["benefits"]  # the case this file is about
    return document


def _structure(conv: object, document: dict[str, object]) -> Project:
    token = convert.BASE_DIRECTORY.set(_EXAMPLE.parent)
    try:
        return conv.structure(document, Project)  # type: ignore[attr-defined, no-any-return]
    finally:
        convert.BASE_DIRECTORY.reset(token)


def test_reading_a_project_keeps_the_hooks_found_before_it(document) -> None:
    # cattrs' own mapping hook registered itself mid-read and emptied the converter's cache,
    # so the next project made (and compiled) the project's structure functions again.
    conv = convert.project_converter.__wrapped__()  # a fresh converter, not the shared one
    project_hook = conv.get_structure_hook(Project)
    first = _structure(conv, document)
    assert conv.get_structure_hook(Project) is project_hook
    second = _structure(conv, document)
    assert conv.get_structure_hook(Project) is project_hook
    assert first == second
