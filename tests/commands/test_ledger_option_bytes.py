"""An option holding a byte that is not UTF-8 is refused at the option, naming it.

Python gives such a byte of an argument (``$'a\\xffb'`` in bash) as a lone surrogate. The
ledger cannot store it; the refusal names the option, shows no value and adds nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from participatory.cli import main

BAD = "a\udcffb"


def _ledger(tmp_path: Path) -> str:
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    assert main(["ledger", "add", "contributor", "amira", "--ledger", book]) == 0
    return book


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["contributor", "bob", "--community", BAD], "--community"),
        (["contributor", BAD], "id"),
        (
            ["ask", "--id", "a1", "--project", "p", "--activity", BAD, "--asked-on",
             "2026-01-01", "--person", "amira"],
            "--activity",
        ),
        (
            ["payment", "--id", "s1", "--person", "amira", "--amount", "10.00",
             "--received-on", "2026-01-14", "--payer", "uni", "--reference", BAD],
            "--reference",
        ),
    ],
    ids=["community", "contributor-id", "ask-activity", "payment-reference"],
)  # fmt: skip
def test_a_ledger_option_that_is_not_utf8_is_refused_by_name(
    argv: list[str], option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _ledger(tmp_path)
    capsys.readouterr()
    assert main(["ledger", "add", *argv, "--ledger", book]) == 2
    err = capsys.readouterr().err
    problem = "must be UTF-8 text (it holds a byte that is not)"
    assert err == f"participatory ledger: {option}: {problem}\n"
    assert main(["ledger", "export", "--ledger", book]) == 0
    exported = capsys.readouterr().out
    assert '"amira"' in exported  # the export lists what the ledger holds ...
    assert "bob" not in exported  # ... and nothing of the refused command
    assert '"s1"' not in exported
    assert '"a1"' not in exported
