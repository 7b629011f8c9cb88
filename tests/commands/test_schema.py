""":mod:`participatory.commands.schema`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.
"""

from __future__ import annotations

import io
import json
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


def test_schema_command_prints_the_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"].endswith("2020-12/schema")
