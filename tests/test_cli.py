""":mod:`participatory.cli`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.
"""

from __future__ import annotations

import io
import sys

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
