"""Constructors are typed precisely: a wrong capacity, task, kind, date or amount in a
user's code is a type checker's error, not only a run-time one (issue 21).

mypy is run on a few lines a user might write; the right ones pass, each wrong one is
reported on its own line. The run-time checks stay (JSON and other untyped callers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

RIGHT = """\
import datetime as dt
from participatory.benefits import Household, Person, Receipt
from participatory.ethics.activity import Activity, Party
from participatory.payments.plans import Payment
from participatory.core.money import Money
party = Party("advisers", capacity="public_contributor", tasks=["advise"])
Activity("a1", parties=[party], setting="nhs", nations=["england"])
Receipt("90.00", dt.date(2026, 5, 12), kind="involvement_fee")
Household(people=[Person("me")], nation="wales")
Payment("p1", "me", "fee", Money.gbp("90"), due_on="2026-05-12")
"""

#: Each wrong line, and what mypy must say about it.
WRONG = {
    'Party("advisers", capacity=3)': 'Argument "capacity" to "Party"',
    'Party("advisers", capacity="public_contributor", tasks=[7])': '"Task | str"',
    'Receipt(90.5, "2026-05-12")': 'Argument 1 to "Receipt"',
    'Receipt("90", 20260512)': 'Argument 2 to "Receipt"',
    'Household(people=["me"])': 'expected "Person"',
    'Payment("p1", "me", 1, Money.gbp("90"), due_on="2026-05-12")': 'Argument 3 to "Payment"',
}


def _mypy(source: str, tmp_path: Path) -> str:
    file = tmp_path / "users_code.py"
    file.write_text(source, encoding="utf-8")
    out, _err, _status = api.run(
        ["--strict", "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"),
         "--no-error-summary", str(file)]
    )  # fmt: skip
    return out


def test_right_and_wrong_arguments_are_told_apart(tmp_path: Path) -> None:
    lines = list(WRONG)
    out = _mypy(RIGHT + "\n".join(lines) + "\n", tmp_path)
    first = RIGHT.count("\n") + 1
    reported = {int(line.split(":")[1]) for line in out.splitlines() if ": error:" in line}
    assert reported == set(range(first, first + len(lines))), out
    for number, (line, said) in enumerate(WRONG.items(), start=first):
        assert any(f":{number}: error:" in o and said in o for o in out.splitlines()), (line, out)
