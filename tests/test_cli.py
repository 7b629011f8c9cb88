""":mod:`participatory.cli`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from participatory.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None):
    saved = sys.stdin  # put back as it was: the real stdin could block a later read
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command_with_examples(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("assess", "benefits", "ethics", "cost", "schema"):
        assert command in out
    code, out, _ = run(capsys, "assess", "--help")
    assert code == 0
    assert "examples:" in out
    assert "exit status" in out.lower()


_ROOT = Path(__file__).parents[1]


def test_the_json_interface_page_puts_standard_input_back_as_it_found_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's examples set sys.stdin and ended with ``sys.stdin = sys.__stdin__``: a
    run whose stdin was replaced (pytest's, a test's) was left reading the real terminal,
    and a later read could hang. Run the page's examples: the stand-in is put back."""
    import doctest

    found = io.StringIO("")
    monkeypatch.setattr(sys, "stdin", found)
    page = _ROOT / "docs" / "howto" / "json-interface.md"
    result = doctest.testfile(
        str(page), module_relative=False, verbose=False, report=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )  # fmt: skip
    assert result.attempted > 0
    assert result.failed == 0
    assert sys.stdin is found


def test_no_example_or_test_puts_back_the_interpreters_own_standard_input() -> None:
    """``sys.stdin = sys.__stdin__`` restores the process's stdin, not what was found."""
    offenders = [
        str(path.relative_to(_ROOT))
        for folder in ("docs", "src", "tests")
        for path in sorted((_ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".md", ".rst"}
        and "sys.stdin = sys.__stdin__" in path.read_text(encoding="utf-8")
        and path != Path(__file__)
    ]
    assert offenders == []
