"""``ledger check --locale cy``: the answer's own lines are Welsh, not only its findings.

translate-the-reports.md: every sentence of an output comes from the catalogue, in the locale
asked for. The check's first line (the proposed payment) and its sources heading are the
command's own words; in English they read as before.

Amira gets Universal Credit (first day of entitlement 10 March 2025, so assessment periods
from the 10th); a proposed fee of £150.00 received on 13 May 2026 falls in the AP 10 May -
9 June 2026, with no work allowance: it changes her award (a Welsh finding "Credyd
Cynhwysol") and the answer cites the regulations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main

#: The command's own English words in a check's text answer.
_ENGLISH = ("Proposed payment", "project pillow", " to amira on ", "Sources")


def _ledger(tmp_path: Path) -> str:
    book = str(tmp_path / "ledger.sqlite3")
    home = tmp_path / "amira.json"
    consent = {
        "person": "amira",
        "agreed_by": "amira",
        "agreed_on": "2025-04-01",
        "purpose": "benefits checks",
        "retain_until": "2027-03-31",
    }
    home.write_text(
        json.dumps(
            {
                "id": "h-a",
                "household": {
                    "people": [{"id": "amira"}],
                    "universal_credit": {"first_date_of_entitlement": "2025-03-10"},
                },
                "consents": [consent],
            }
        ),
        encoding="utf-8",
    )
    for argv in (
        ["init"],
        ["add", "contributor", "amira"],
        ["add", "contributor", "carol"],
        ["add", "household", str(home)],
    ):
        assert main(["ledger", *argv, "--ledger", book]) == 0
    return book


def _check(book: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    capsys.readouterr()
    argv = ["ledger", "check", "--amount", "150.00", "--received-on", "2026-05-13"]
    assert main([*argv, "--as-at", "2026-05-01", "--ledger", book, *extra]) == 0
    out: str = capsys.readouterr().out
    return out.splitlines()


@pytest.mark.parametrize("project", [[], ["--project", "pillow"]], ids=["no-project", "project"])
def test_a_welsh_check_says_its_own_lines_in_welsh(
    project: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    lines = _check(book, capsys, "--person", "amira", "--locale", "cy", *project)
    assert any("Credyd Cynhwysol" in line for line in lines)  # the findings are Welsh
    assert [word for word in _ENGLISH if any(word in line for line in lines)] == []
    first = lines[0]
    # The payment's own facts are all there, the day in Welsh ("Mai", not "May").
    assert "£150.00" in first
    assert "amira" in first
    assert "13 Mai 2026" in first
    assert ("pillow" in first) == bool(project)
    # The sources keep their numbered list under a heading of their own, in Welsh.
    heading = lines.index(next(line for line in lines if line.startswith("  [1] "))) - 1
    assert lines[heading].endswith(":")
    assert not lines[heading].startswith(" ")


def test_a_check_in_english_reads_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first line of the module's own example, and the sources heading."""
    book = _ledger(tmp_path)
    lines = _check(book, capsys, "--person", "amira", "--project", "pillow")
    assert lines[0] == "Proposed payment: £150.00 to amira on 13 May 2026 (project pillow)."
    assert "Sources:" in lines
    lines = _check(book, capsys, "--person", "amira")
    assert lines[0] == "Proposed payment: £150.00 to amira on 13 May 2026."


def test_a_welsh_check_not_made_against_benefits_has_no_english_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Carol has no circumstances recorded: the one finding says so, and no source is cited."""
    book = _ledger(tmp_path)
    lines = _check(book, capsys, "--person", "carol", "--locale", "cy", "--project", "pillow")
    assert len(lines) == 2, lines
    assert [word for word in _ENGLISH if any(word in line for line in lines)] == []
    assert "carol" in lines[0]
    assert "No benefit circumstances" not in lines[1]
