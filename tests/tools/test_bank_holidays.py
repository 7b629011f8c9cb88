"""The maintainers' tool that writes the bundled UK bank holidays from ``holidays``."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from tests.tools import load_tool

bank_holidays = load_tool("bank_holidays")


def test_the_examples_in_its_docstring() -> None:
    failed, tried = doctest.testmod(bank_holidays, optionflags=doctest.ELLIPSIS)
    assert (failed, tried) == (0, 3)


def test_regenerating_writes_the_bundled_file_exactly(tmp_path: Path) -> None:
    """The file in the tree is the tool's output from the installed package, byte for byte
    (apart from the package version it records, which may be newer here)."""
    out = tmp_path / "uk_bank_holidays.json"
    assert bank_holidays.main(["--output", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    bundled = bank_holidays.bundled()
    assert bank_holidays.differences(bundled, written) == []
    written["generated_from"] = bundled["generated_from"]
    assert bank_holidays.render(written) == bank_holidays.SOURCE_FILE.read_text(encoding="utf-8")


def test_render_is_json_one_year_to_a_line() -> None:
    document = bank_holidays.calendar(2022, 2023)
    text = bank_holidays.render(document)
    assert json.loads(text) == document
    assert '      "2022": ["2022-01-01", "2022-01-03", ' in text
    assert len(text.splitlines()) == 7 + 4 * (2 + 2) + 2


def test_check_reports_drift(capsys: pytest.CaptureFixture[str]) -> None:
    assert bank_holidays.main(["--check"]) == 0
    assert "0 difference(s)" in capsys.readouterr().out
    old = bank_holidays.calendar(2022, 2022)
    new = json.loads(json.dumps(old))
    new["nations"]["SCT"]["2022"].remove("2022-09-19")
    assert bank_holidays.differences(old, new) == ["SCT 2022: removed ['2022-09-19'], added []"]


def test_years_beyond_the_packages_are_refused() -> None:
    """Bundling a year the package does not cover would accept days it refuses."""
    with pytest.raises(ValueError, match="within the package's 1872-2100"):
        bank_holidays.calendar(1850, 2000)
