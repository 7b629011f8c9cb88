"""A byte-order mark at the start of a file is no part of its text.

Windows editors write one when saving "UTF-8"; the finance export reader already left it
out, while project files, households and rate cards were refused as "not valid TOML (at line
1, column 1)". :func:`participatory.core.limits.decode_utf8`, which every reader of a file or
of standard input goes through, now leaves it out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.errors import ParameterFileError
from participatory.core.limits import decode_utf8

BOM = b"\xef\xbb\xbf"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@given(st.text())
def test_a_leading_mark_is_left_out_and_nothing_else(text: str) -> None:
    assert decode_utf8(BOM + text.encode("utf-8"), "f") == text


def test_a_mark_inside_the_text_is_kept() -> None:
    assert decode_utf8(b"a" + BOM + b"b", "f") == "a\ufeffb"


def test_a_bad_byte_after_a_mark_is_placed_in_the_file() -> None:
    """The offset counts the mark's three bytes: it is where the byte is in the file."""
    with pytest.raises(ParameterFileError, match=r"at byte offset 4\)"):
        decode_utf8(BOM + b"a\xff", "f")


def test_a_project_saved_with_a_mark_is_assessed_as_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example's rate card sits beside it, so the copy keeps the folder."""
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    plain = folder / "arts-coproduction.toml"
    marked = folder / "marked.toml"
    marked.write_bytes(BOM + plain.read_bytes())
    answers = []
    for path in (plain, marked):
        assert main(["assess", str(path), "--as-at", "2026-12-07", "--format", "json"]) == 0
        answers.append(capsys.readouterr().out)
    assert answers[0] == answers[1]
