"""Doctests of the docs pages: the tutorial's run in a folder holding its project file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

from tutorial_files import write_project


@pytest.fixture(autouse=True)
def _tutorial_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run the tutorial's examples where a reader runs them: beside allotment-stories.toml."""
    if request.node.path.name == "tutorial.md":
        write_project(tmp_path)
        monkeypatch.chdir(tmp_path)
