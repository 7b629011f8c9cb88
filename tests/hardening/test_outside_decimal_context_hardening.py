"""Outside attacks on "the library computes in its own decimal context", for the ledger.

``tests/core/test_exact_hardening.py`` runs the project entry points under hostile contexts;
the ledger, the interchange readers and the ``benefits`` and ``ledger`` commands were not
among them. Under a precision of 3 (a caller's context, in the main thread or another):

- building a :class:`~participatory.ledger.PaymentEntry` of £4,321.09 raised
  ``decimal.InvalidOperation`` (its penny check rounded in the caller's context);
- :func:`~participatory.ledger.contributor_statement` added up a week's payments in the
  caller's context (``decimal.Inexact`` with that trap set, a wrong sum without it);
- :func:`participatory.interchange.from_plain` refused a valid receipt ("is not valid here");
- and the caller's context came back with ``Inexact`` and ``InvalidOperation`` raised.

Building a :class:`~participatory.benefits.Receipt` also checked its pennies in the caller's
context, and the findings of a before-you-pay check, a headroom or an instalment plan are
built when read, which builds receipts; so ``participatory benefits`` and ``participatory
ledger check`` failed. The check now reads the amount's exact fraction, and the planners
work in the library's own context.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from participatory.benefits import Receipt
from participatory.cli import main
from participatory.interchange import dumps, from_plain
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    contributor_statement,
)
from participatory.render.text import sentence
from tests.hardening.records import HOUSEHOLD

#: Amounts with more significant digits than the hostile precision, so any sum rounds.
AMOUNTS = ("4321.09", "187.77", "99.99", "1234.56")


def _hostile() -> decimal.Context:
    return decimal.Context(
        prec=3,
        rounding=decimal.ROUND_FLOOR,
        traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation],
    )


def _state(context: decimal.Context) -> tuple[object, ...]:
    return (
        context.prec,
        context.rounding,
        tuple(sorted((k.__name__, v) for k, v in context.traps.items())),
        tuple(sorted((k.__name__, v) for k, v in context.flags.items())),
    )


@contextmanager
def hostile() -> Iterator[None]:
    """A block in a precision-3, floor-rounding, trapping context; fails if it was touched."""
    with decimal.localcontext(_hostile()) as context:
        before = _state(context)
        yield
        assert decimal.getcontext() is context
        assert _state(context) == before, "the caller's context or its flags changed"


def in_a_thread(function: Callable[[], Any]) -> Any:
    """``function()`` in a new thread whose own decimal context is hostile."""
    found: dict[str, Any] = {}

    def work() -> None:
        decimal.setcontext(_hostile())
        before = _state(decimal.getcontext())
        try:
            found["value"] = function()
        except BaseException as error:  # handed to the test's thread
            found["error"] = error
        found["unchanged"] = _state(decimal.getcontext()) == before

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in found:
        raise found["error"]
    assert found["unchanged"], "the thread's context or its flags changed"
    return found["value"]


def _ledger() -> Ledger:
    record = from_plain(HouseholdRecord, HOUSEHOLD)
    payments = [
        PaymentEntry(f"r{i}", "amira", amount, dt.date(2025, 6, 2 + i), payer="uni")
        for i, amount in enumerate(AMOUNTS)
    ]
    return Ledger(contributors=[Contributor("amira")], households=[record], payments=payments)


def _statement_text() -> str:
    statement = contributor_statement(_ledger(), "amira", 2025, as_at=dt.date(2026, 4, 30))
    lines = [dumps(statement, include_sensitive=True)]
    lines += [sentence(f, locale="cy", include_sensitive=True) for f in statement.findings]
    return "\n".join(lines)


def _before_paying_text() -> str:
    proposal = PaymentEntry("new", "amira", "187.77", dt.date(2025, 6, 20), payer="uni")
    result = assess_before_paying(_ledger(), proposal, as_at=dt.date(2025, 6, 10))
    room = assess_headroom(_ledger(), "amira", dt.date(2025, 6, 20), as_at=dt.date(2025, 6, 10))
    findings = (*result.findings, *room.findings)
    return "\n".join(sentence(f, locale="en_GB", include_sensitive=True) for f in findings)


def test_a_payment_entry_is_built_whatever_the_callers_precision() -> None:
    with hostile():
        entry = PaymentEntry("r", "amira", "4321.09", "2025-06-02", payer="uni")
    assert str(entry.amount.amount) == "4321.09"
    assert in_a_thread(lambda: PaymentEntry("r", "amira", "4321.09", "2025-06-02", payer="uni"))


def test_plain_data_is_read_whatever_the_callers_precision() -> None:
    expected = from_plain(HouseholdRecord, HOUSEHOLD)
    with hostile():
        assert from_plain(HouseholdRecord, HOUSEHOLD) == expected
        assert from_plain(PaymentEntry, {"id": "r", "person": "amira", "amount": "4321.09 GBP",
                                         "received_on": "2025-06-02", "payer": "uni"})  # fmt: skip


def test_a_statement_adds_up_whatever_the_callers_precision() -> None:
    """£4,321.09 + £187.77 + … in one week was summed in the caller's precision of 3."""
    expected = _statement_text()
    assert "5,843.41" in expected or "5843.41" in expected  # the four payments, by hand
    with hostile():
        assert _statement_text() == expected
    assert in_a_thread(_statement_text) == expected


def test_a_receipt_is_built_whatever_the_callers_precision() -> None:
    with hostile():
        assert Receipt("4321.09", "2025-06-02").amount.amount == decimal.Decimal("4321.09")


def test_a_before_you_pay_check_reads_the_same_whatever_the_callers_precision() -> None:
    expected = _before_paying_text()
    with hostile():
        assert _before_paying_text() == expected


def _run(argv: list[str], stdin: bytes) -> tuple[int, str]:
    out = io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = sys.stderr = out
    try:
        return main(argv), out.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = old


_HOME = {"people": [{"id": "me", "carers_allowance": {}}],
         "universal_credit": {"first_date_of_entitlement": "2025-03-10"}}  # fmt: skip
QUESTIONS = {
    "headroom": {"household": _HOME, "day": "2026-06-10", "person": "me"},
    "schedule": {"household": _HOME, "total": "1000.01 GBP",
                 "days": ["2026-06-10", "2026-06-24"], "person": "me"},
}  # fmt: skip


@pytest.mark.parametrize("question", ["headroom", "schedule"])
def test_the_benefits_command_answers_the_same_whatever_the_callers_precision(
    question: str,
) -> None:
    argv = ["benefits", "-", "--question", question, "--as-at", "2026-06-10", "--format", "text"]
    document = json.dumps(QUESTIONS[question]).encode()
    expected = _run(argv, document)
    assert expected[0] == 0, expected
    with hostile():
        assert _run(argv, document) == expected


def test_the_ledger_statement_command_prints_the_same_whatever_the_callers_precision(
    tmp_path: Path,
) -> None:
    path = str(tmp_path / "l.sqlite3")
    home = tmp_path / "home.json"
    home.write_text(json.dumps(HOUSEHOLD), encoding="utf-8")
    steps = [["init"], ["add", "contributor", "amira"], ["add", "household", str(home)]] + [
        ["add", "payment", "--id", f"r{i}", "--person", "amira", "--amount", amount,
         "--received-on", f"2025-06-0{2 + i}", "--payer", "uni"]
        for i, amount in enumerate(AMOUNTS)
    ]  # fmt: skip
    for step in steps:
        assert _run(["ledger", *step, "--ledger", path], b"")[0] == 0, step
    for fmt in ("text", "json", "html"):
        argv = ["ledger", "statement", "--person", "amira", "--tax-year", "2025", "--as-at",
                "2026-04-30", "--format", fmt, "--locale", "cy", "--ledger", path]  # fmt: skip
        expected = _run(argv, b"")
        assert expected[0] == 0, expected
        with hostile():
            assert _run(argv, b"") == expected, fmt
        assert in_a_thread(lambda argv=argv: _run(argv, b"")) == expected, fmt
