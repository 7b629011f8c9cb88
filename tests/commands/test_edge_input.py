"""Reading a command's input: a file or standard input, within bounds, closed stdin refused."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from participatory.commands._edge import read_input, read_source
from participatory.core.limits import Limits
from participatory.project.errors import ProjectFileError


def test_a_file_is_read_as_bytes_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "payments.csv"
    path.write_bytes(b"a,b\n1,2\n")
    assert read_input(str(path)) == (b"a,b\n1,2\n", str(path))


def test_standard_input_is_read_within_the_bounds_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 8), encoding="utf-8"))
    assert read_input("-") == (b"x" * 8, "<stdin>")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 8), encoding="utf-8"))
    with pytest.raises(ProjectFileError, match="larger than 4 bytes"):
        read_input("-", bounds=Limits(file_bytes=4))


def test_a_text_stream_in_place_of_standard_input_is_bounded_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("héllo"))
    assert read_input("-") == ("héllo".encode(), "<stdin>")
    monkeypatch.setattr(sys, "stdin", io.StringIO("héllo"))
    assert read_source("-") == ("héllo", "<stdin>")
    monkeypatch.setattr(sys, "stdin", io.StringIO("x" * 8))
    with pytest.raises(ProjectFileError, match="too large"):
        read_input("-", bounds=Limits(file_bytes=4))


@pytest.mark.parametrize("reader", [read_input, read_source])
def test_closed_standard_input_is_the_callers_error(
    monkeypatch: pytest.MonkeyPatch, reader: object
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(ProjectFileError, match="is closed"):
        reader("-")  # type: ignore[operator]
