"""``ledger over-asking --locale cy``: the answer's own words are Welsh, not only its findings.

The words around the findings (the heading, each count, what is withheld) are in the
over-asking module's catalogue (``ledger.over_asking.heading`` …). This waits for the
command to take them from there and for their Welsh in the catalogue (the lead's), and then
passes: strict, so that it says when.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from participatory.cli import main

_ENGLISH = ("Asks from", "activities", "projects", "withheld (--include-sensitive)", "finding")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["ledger", *argv]) == 0
    return capsys.readouterr().out


def test_the_welsh_over_asking_answer_has_no_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "office.sqlite3")
    _run(capsys, "init", "--ledger", path)
    _run(capsys, "add", "contributor", "c1", "--ledger", path)
    for index in range(13):
        _run(capsys, "add", "ask", "--id", f"k{index}", "--project", f"p{index % 6}",
             "--activity", f"a{index}", "--asked-on", "2026-11-20", "--community", "carers",
             "--ledger", path)  # fmt: skip
    _run(capsys, "add", "ask", "--id", "j", "--project", "p", "--activity", "a",
         "--asked-on", "2026-11-20", "--person", "c1", "--ledger", path)  # fmt: skip
    out = _run(capsys, "over-asking", "--as-at", "2026-12-06", "--locale", "cy", "--ledger", path)
    assert "c1" in out
    assert [word for word in _ENGLISH if word in out] == []
