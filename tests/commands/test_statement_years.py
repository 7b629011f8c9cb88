"""``ledger statement --tax-year`` takes the years the library makes statements for.

The library refuses a year outside 1990 to 2100 (``participatory.ledger.statement
.STATEMENT_YEARS``), given as a number or as a ``TaxYear``; the command line used to build a
``TaxYear`` itself and so took 1989, 2101, ``02025`` and ``2025.0`` (round 13's outside test).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.core.periods import TaxYear
from participatory.ledger import Ledger, contributor_statement
from participatory.ledger.statement import statement_year
from tests.hardening.records import HOUSEHOLD

DAY = dt.date(2026, 12, 1)


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


@pytest.mark.parametrize("year", ["1989", "2101", "02025", "2025.0", "2,025", "1990.0"])
def test_a_year_outside_the_statement_years_is_refused_naming_the_option(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    capsys.readouterr()
    argv = ["ledger", "statement", "--person", "amira", f"--tax-year={year}", "--ledger", book]
    status = main([*argv, "--as-at", "2026-12-01"])
    out, err = capsys.readouterr()
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory ledger: --tax-year: "), err


@pytest.mark.parametrize("year", ["1990", "2100"])
def test_the_first_and_last_statement_years_are_taken(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    capsys.readouterr()
    argv = ["ledger", "statement", "--person", "amira", f"--tax-year={year}", "--ledger", book]
    assert main([*argv, "--as-at", "2026-12-01", "--format", "json"]) == 0


@pytest.mark.parametrize("given", [1989, 2101, TaxYear(1989), TaxYear(2101), True, "2025", 2025.0])
def test_the_library_refuses_the_same_years_either_way(given: object) -> None:
    with pytest.raises(ValidationError, match=r"^tax_year: "):
        statement_year(given)
    with pytest.raises(ValidationError, match=r"^tax_year: "):
        contributor_statement(Ledger(), "amira", given, as_at=DAY)  # type: ignore[arg-type]


def test_a_year_is_the_same_given_as_a_number_or_a_tax_year() -> None:
    assert statement_year(2025) == statement_year(TaxYear(2025)) == TaxYear(2025)
