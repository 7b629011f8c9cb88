"""The maintainers' tool that writes the index of which module defines each template."""

from __future__ import annotations

import doctest
from pathlib import Path

from tests.tools import load_tool

template_owners = load_tool("template_owners")


def test_the_examples_in_its_docstring() -> None:
    failed, tried = doctest.testmod(template_owners)
    assert (failed, tried) == (0, 2)


def test_the_index_in_the_tree_is_the_tools_output(tmp_path: Path) -> None:
    """Byte for byte: a module that adds, moves or removes a message fails here until the
    index is written again (``python tools/template_owners.py``)."""
    assert template_owners.main(["--check"]) == 0
    out = tmp_path / "template_owners.py"
    assert template_owners.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == template_owners.INDEX_FILE.read_text(encoding="utf-8")


def test_check_fails_for_an_index_out_of_date(tmp_path: Path) -> None:
    stale = tmp_path / "template_owners.py"
    stale.write_text("OWNERS = {}\n", encoding="utf-8")
    assert template_owners.main(["--check", "--output", str(stale)]) == 1
