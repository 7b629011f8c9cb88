"""``ledger statement --tax-year`` is read in the library's one number grammar.

hardening.md: numbers follow one grammar (digits, commas between groups of three, a full
stop before any fraction); "`1e3`, `_1_` and other scripts' digits are refused". Python's
``int()`` takes all of those, and a sign and spaces, so ``--tax-year`` was its exception.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main
from tests.hardening.records import HOUSEHOLD


def _ledger(tmp_path: Path) -> str:
    book = str(tmp_path / "ledger.sqlite3")
    (tmp_path / "home.json").write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
    for argv in (
        ["ledger", "init"],
        ["ledger", "add", "contributor", "amira"],
        ["ledger", "add", "household", str(tmp_path / "home.json")],
    ):
        assert main([*argv, "--ledger", book]) == 0
    return book


def _statement(year: str, book: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    argv = ["ledger", "statement", "--person", "amira", f"--tax-year={year}", "--ledger", book]
    status = main([*argv, "--as-at", "2026-12-01", "--format", "json"])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "year",
    [
        "2_025",
        "+2025",
        " 2025",
        "2025 ",
        "2e3",
        "2025.5",
        "\u0662\u0660\u0662\u0665",  # Arabic-Indic digits
        "\uff12\uff10\uff12\uff15",  # fullwidth digits
        "\u0968\u0966\u0968\u096b",  # Devanagari digits
        "",
    ],
    ids=[
        "underscore",
        "plus",
        "leading-space",
        "trailing-space",
        "exponent",
        "fraction",
        "arabic-indic",
        "fullwidth",
        "devanagari",
        "empty",
    ],
)
def test_a_year_outside_the_grammar_is_one_line_naming_the_option(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    status, out, err = _statement(year, book, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory ledger: --tax-year: "), err


def test_a_plain_year_gives_the_statement_for_that_tax_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2025 is the tax year 6 April 2025 to 5 April 2026, written 2025/26."""
    book = _ledger(tmp_path)
    status, out, err = _statement("2025", book, capsys)
    assert (status, err) == (0, "")
    assert "2025/26" in out or "2025-04-06" in out, out[:300]


@pytest.mark.parametrize("year", ["99999", "9999", "0", "-1"])
def test_a_year_the_calendar_cannot_hold_is_refused_naming_the_option(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tax year 9999 ends on 5 April 10000, past the last day Python's dates hold; it was
    refused at the path ``date`` (round 10's outside test)."""
    book = _ledger(tmp_path)
    status, out, err = _statement(year, book, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory ledger: --tax-year: "), err
